/**
 * The application the benchmarks exercise, written as a Switchboard user would write it, in an
 * application's package: message records and endpoints whose codecs and dispatchers the
 * annotation processor generates.
 */
package com.example.bench;
