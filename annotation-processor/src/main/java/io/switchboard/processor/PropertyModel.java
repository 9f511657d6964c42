package io.switchboard.processor;

/**
 * One JSON member of an object codec.
 *
 * @param javaName the component, field or bean property name
 * @param jsonName the member name on the wire ({@code @JsonProperty} or the Java name)
 * @param codec the codec of its type
 * @param required whether reading fails when the member is absent
 * @param reader how to get the value when writing: {@code "text()"}, {@code "getText()"} or
 *     {@code "text"} (a public field); null for a write-only property
 * @param writer how to set it when reading a class: {@code "setText"} (a setter) or {@code "text"}
 *     (a public field), null when it cannot be set; unused for records (the constructor takes it)
 * @param writerIsField whether {@code writer} names a field rather than a setter
 * @param description its Javadoc, for the contract; or empty
 */
record PropertyModel(
    String javaName,
    String jsonName,
    CodecRef codec,
    boolean required,
    String reader,
    String writer,
    boolean writerIsField,
    String description) {}
