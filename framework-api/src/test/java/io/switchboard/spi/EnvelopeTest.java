package io.switchboard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.WsException;
import io.switchboard.json.Codecs;
import io.switchboard.json.JsonDecodeException;
import io.switchboard.spi.Envelope.Form;
import io.switchboard.spi.Envelope.MalformedEnvelopeException;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void jsonEnvelopeWithIdAndStringData() {
    Envelope envelope = Envelope.parse("{\"cmd\":\"name\",\"id\":7,\"data\":\"Tony\"}");
    assertEquals(Form.JSON, envelope.form());
    assertEquals("name", envelope.command());
    assertEquals(7L, envelope.id());
    assertEquals("Tony", envelope.payload().text());
    assertEquals("Tony", envelope.payload().read(Codecs.STRING));
  }

  @Test
  void dataMayComeBeforeTheCommandAndUnknownMembersAreIgnored() {
    Envelope envelope =
        Envelope.parse("  {\"data\":{\"a\":[1,{\"b\":2}]},\"x\":{\"y\":1},\"id\":\"r1\",\"cmd\":\"say\"}");
    assertEquals("say", envelope.command());
    assertEquals("r1", envelope.id());
    assertTrue(envelope.payload().isPresent());
    JsonDecodeException error =
        assertThrows(JsonDecodeException.class, () -> envelope.payload().read(Codecs.STRING));
    assertEquals("$", error.path());
    assertTrue(error.getMessage().contains("expected a string, got an object"), error.getMessage());
  }

  @Test
  void nullOrMissingDataIsAbsent() {
    assertFalse(Envelope.parse("{\"cmd\":\"hello\"}").payload().isPresent());
    Envelope envelope = Envelope.parse("{\"cmd\":\"hello\",\"data\":null}");
    assertFalse(envelope.payload().isPresent());
    assertEquals("", envelope.payload().text());
    assertNull(envelope.id());
  }

  @Test
  void textLineSplitsCommandAndTrimmedArgument() {
    Envelope envelope = Envelope.parse("  shout   hello there  ");
    assertEquals(Form.TEXT_LINE, envelope.form());
    assertEquals("shout", envelope.command());
    assertEquals("hello there", envelope.payload().text());
    assertFalse(Envelope.parse("date").payload().isPresent());
  }

  @Test
  void aStringParameterTakesANumberOrBooleanAsWritten() {
    assertEquals("1.50", Envelope.parse("{\"cmd\":\"name\",\"data\":1.50}").payload().text());
    assertEquals("true", Envelope.parse("{\"cmd\":\"name\",\"data\":true}").payload().text());
    JsonDecodeException object =
        assertThrows(JsonDecodeException.class, () -> Envelope.parse("{\"cmd\":\"name\",\"data\":{}}").payload().text());
    assertEquals("$: expected a string, got an object", object.getMessage());
  }

  @Test
  void aDuplicateMemberIsReadLastOneWinsAsDatabindReadsIt() {
    Envelope envelope = Envelope.parse("{\"cmd\":\"a\",\"data\":1,\"cmd\":\"b\",\"data\":2}");
    assertEquals("b", envelope.command());
    assertEquals(2, envelope.payload().read(Codecs.INT));
  }

  @Test
  void malformedEnvelopesAreBadRequestsThatKeepWhatWasRead() {
    MalformedEnvelopeException broken =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("{\"id\":3,\"cmd\":\"x\",\"data\":{"));
    assertEquals(WsException.BAD_REQUEST, broken.code());
    assertEquals(3L, broken.id());
    assertEquals("x", broken.command());
    assertTrue(broken.getMessage().startsWith("malformed JSON"), broken.getMessage());

    MalformedEnvelopeException noCommand =
        assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("{\"id\":4}"));
    assertEquals(4L, noCommand.id());
    assertTrue(noCommand.getMessage().contains("$.cmd"), noCommand.getMessage());

    assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("{\"cmd\":5}"));
    assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("{\"cmd\":\"a\",\"id\":[1]}"));
    assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("{\"cmd\":\"a\"} trailing"));
    assertThrows(MalformedEnvelopeException.class, () -> Envelope.parse("   "));
  }

  @Test
  void absentPayloadForARequiredTypeIsABadRequest() {
    JsonDecodeException error =
        assertThrows(
            JsonDecodeException.class,
            () -> Payloads.absent().read(new io.switchboard.json.JsonCodec<Integer>() {
              @Override
              public Integer read(com.fasterxml.jackson.core.JsonParser parser) {
                throw new AssertionError("must not be called");
              }

              @Override
              public void write(com.fasterxml.jackson.core.JsonGenerator generator, Integer value) {}
            }));
    assertEquals("$", error.path());
    assertTrue(error.getMessage().contains("data is required"));
  }
}
