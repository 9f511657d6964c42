package io.switchboard.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.greeter.GreeterApp;
import com.example.greeter.GreeterEndpoint.Bid;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers keep every digit and their scale between a test and the server, in both directions: a
 * money app must be able to trust its tests. {@code BigDecimal.equals} compares the scale too, so
 * {@code 12.5} does not pass for {@code 12.50}.
 */
class ExactNumbersTest {

  @RegisterExtension
  static final SwitchboardExtension app = SwitchboardExtension.of(GreeterApp::server);

  @ParameterizedTest
  @ValueSource(strings = {"12.50", "2E+2", "12345678901234567.89", "20", "0.000"})
  void aDecimalInAMapArrivesAsWritten(String amount) {
    WsTestClient client = app.client("/greeter");

    String received =
        client.call("amount", Map.of("item", "lamp", "amount", new BigDecimal(amount))).asText();

    assertEquals(amount, received);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.50", "2E+2", "12345678901234567.89"})
  void aDecimalInARecordArrivesAsWritten(String amount) {
    WsTestClient client = app.client("/greeter");

    assertEquals(amount, client.call("amount", new Bid("lamp", new BigDecimal(amount))).asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.50", "2E+2", "12345678901234567.89"})
  void aDecimalInAReplyReadsBackExactly(String amount) {
    WsTestClient client = app.client("/greeter");

    JsonNode reply = client.call("bid", Map.of("item", "lamp", "amount", new BigDecimal(amount)));

    assertEquals(new BigDecimal(amount), reply.get("amount").decimalValue());
    assertEquals(amount, reply.get("amount").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.50", "2E+2", "12345678901234567.89"})
  void aTypedReplyReadsThroughTheAppsCodec(String amount) {
    WsTestClient client = app.client("/greeter");
    Bid bid = new Bid("lamp", new BigDecimal(amount));

    assertEquals(bid, client.call("bid", bid, Bid.class));
  }

  @Test
  void bigIntegersStayExactBothWays() {
    WsTestClient client = app.client("/greeter");
    BigInteger n = new BigInteger("123456789012345678901234567890");

    assertEquals(n.shiftLeft(1), client.call("twice", n).bigIntegerValue());
    assertEquals(n.shiftLeft(1), client.call("twice", n, BigInteger.class));
  }
}
