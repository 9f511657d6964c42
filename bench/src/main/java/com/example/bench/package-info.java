/**
 * The application the benchmarks exercise, written as a Switchboard user would write it: message
 * records and endpoints whose codecs and dispatchers the annotation processor generates. It lives
 * outside {@code io.switchboard}, which the processor reserves for the framework's own types.
 */
package com.example.bench;
