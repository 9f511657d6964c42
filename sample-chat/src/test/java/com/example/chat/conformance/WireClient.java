package com.example.chat.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written frame by frame on a bare socket, in the manner of Autobahn's fuzzing
 * client: it sends whatever bits it is told to (reserved bits, reserved opcodes, unmasked frames,
 * any close payload, octet by octet if asked) and reads the server's frames as they are.
 */
final class WireClient implements AutoCloseable {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** How long any one read may wait: generous for a slow machine, short enough to fail a test. */
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** One frame as the server sent it. */
  record Frame(boolean fin, int rsv, int opcode, byte[] payload) {

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code, or 1005 (no status) for a close frame without payload. */
    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    @Override
    public String toString() {
      return "Frame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", " + payload.length + " bytes]";
    }
  }

  /** The head of the server's answer to the upgrade request, and its body when it refused. */
  record HttpResponse(int status, String head, String body) {

    /** The first value of a response header, or null. */
    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return line.substring(prefix.length()).strip();
        }
      }
      return null;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final HttpResponse response;
  /** The reserved bits the server may set: RSV1 once permessage-deflate is agreed, else none. */
  private final int allowedRsv;

  private WireClient(Socket socket, HttpResponse response) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.response = response;
    String extensions = response.header("Sec-WebSocket-Extensions");
    this.allowedRsv = extensions != null && extensions.contains("permessage-deflate") ? 0b100 : 0;
  }

  /** Opens a WebSocket to {@code path}, checking the 101 and its {@code Sec-WebSocket-Accept}. */
  static WireClient connect(int port, String path, String... extraHeaders) throws IOException {
    String key = Base64.getEncoder().encodeToString(randomBytes(16));
    StringBuilder request =
        new StringBuilder()
            .append("GET ").append(path).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:").append(port).append("\r\n")
            .append("Upgrade: websocket\r\n")
            .append("Connection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
            .append("Sec-WebSocket-Version: 13\r\n");
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    WireClient client = exchange(port, request.append("\r\n").toString());
    HttpResponse response = client.response;
    assertEquals(101, response.status(), response.head());
    assertEquals(acceptFor(key), response.header("Sec-WebSocket-Accept"), response.head());
    return client;
  }

  /** Sends an HTTP request as given (head and blank line) and reads the response. */
  static WireClient exchange(int port, String request) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    String body = "";
    if (status != 101) {
      String length = new HttpResponse(status, head, "").header("Content-Length");
      body = new String(in.readNBytes(length == null ? 0 : Integer.parseInt(length)), StandardCharsets.UTF_8);
    }
    return new WireClient(socket, new HttpResponse(status, head, body));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed in the response head: " + head);
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  static String acceptFor(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  HttpResponse response() {
    return response;
  }

  // ---- sending ----

  /** A masked, final frame with no reserved bits: what a well-behaved client sends. */
  void send(int opcode, byte[] payload) throws IOException {
    write(frame(true, 0, opcode, payload, true));
  }

  void sendText(String text) throws IOException {
    send(TEXT, utf8(text));
  }

  /** A masked frame with every header bit chosen by the caller. */
  void send(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
    write(frame(fin, rsv, opcode, payload, true));
  }

  /** A final frame without a mask, which a server must refuse from a client. */
  void sendUnmasked(int opcode, byte[] payload) throws IOException {
    write(frame(true, 0, opcode, payload, false));
  }

  /** A close frame with exactly this payload (possibly empty, one byte, or a bad code). */
  void sendClose(byte[] payload) throws IOException {
    send(CLOSE, payload);
  }

  void sendClose(int code, String reason) throws IOException {
    sendClose(closePayload(code, utf8(reason)));
  }

  /** Sends {@code payload} as one message cut into frames of at most {@code fragmentSize}. */
  void sendFragmented(int opcode, byte[] payload, int fragmentSize) throws IOException {
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    int offset = 0;
    do {
      int end = Math.min(payload.length, offset + fragmentSize);
      byte[] part = Arrays.copyOfRange(payload, offset, end);
      frames.writeBytes(frame(end == payload.length, 0, offset == 0 ? opcode : CONTINUATION, part, true));
      offset = end;
    } while (offset < payload.length);
    write(frames.toByteArray());
  }

  /** Writes a frame one octet per TCP write, as Autobahn's "octet-wise chops" do. */
  void sendOctetWise(int opcode, byte[] payload) throws IOException {
    for (byte b : frame(true, 0, opcode, payload, true)) {
      out.write(b);
      out.flush();
    }
  }

  static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int mask = masked ? 0x80 : 0;
    if (payload.length <= 125) {
      frame.write(mask | payload.length); // 7-bit length
    } else if (payload.length <= 0xffff) {
      frame.write(mask | 126); // 16-bit length
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(mask | 127); // 64-bit length
      frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = randomBytes(4);
      frame.writeBytes(key);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i & 3];
      }
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  /**
   * Writes these frames (or any bytes) in one go: frames after a violation must be on their way
   * before the server fails the connection, or writing them would race its close.
   */
  void write(byte[]... frames) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      bytes.writeBytes(frame);
    }
    out.write(bytes.toByteArray());
    out.flush();
  }

  /** A masked frame as bytes, for {@link #write(byte[]...)}. */
  static byte[] masked(boolean fin, int rsv, int opcode, byte[] payload) {
    return frame(fin, rsv, opcode, payload, true);
  }

  // ---- receiving ----

  /**
   * The next frame, checked against what RFC 6455 requires of a server's frames: unmasked, no
   * reserved bit that was not agreed, a known opcode, control frames whole and at most 125 bytes.
   */
  Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    assertEquals(0, second & 0x80, "a server must not mask its frames");
    int rsv = (first >> 4) & 0x7;
    int opcode = first & 0x0f;
    assertEquals(0, rsv & ~allowedRsv, "reserved bits set without an extension to define them");
    assertTrue(opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG), () -> "reserved opcode " + opcode);
    if (opcode >= CLOSE) {
      assertTrue((first & 0x80) != 0, "a control frame must not be fragmented");
      assertTrue((second & 0x7f) <= 125, "a control frame carries at most 125 bytes");
      assertEquals(0, rsv, "a control frame is never compressed");
    }
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    Frame frame = new Frame((first & 0x80) != 0, rsv, opcode, payload);
    if (opcode == CLOSE) {
      assertValidClosePayload(frame);
    }
    return frame;
  }

  /** The next frame, which must be a complete (unfragmented) frame of {@code opcode}. */
  Frame expect(int opcode) throws IOException {
    Frame frame = read();
    assertEquals(opcode, frame.opcode(), () -> "expected opcode " + opcode + ", got " + describe(frame));
    return frame;
  }

  /** The next data message, reassembled from its frames; control frames must not come between. */
  Frame readMessage() throws IOException {
    Frame first = read();
    assertTrue(first.opcode() == TEXT || first.opcode() == BINARY, () -> "expected a message, got " + describe(first));
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.writeBytes(first.payload());
    Frame frame = first;
    while (!frame.fin()) {
      frame = expect(CONTINUATION);
      payload.writeBytes(frame.payload());
    }
    return new Frame(true, first.rsv(), first.opcode(), payload.toByteArray());
  }

  String readText() throws IOException {
    Frame message = readMessage();
    assertEquals(TEXT, message.opcode(), "expected a text message");
    return message.text();
  }

  byte[] readBinary() throws IOException {
    Frame message = readMessage();
    assertEquals(BINARY, message.opcode(), "expected a binary message");
    return message.payload();
  }

  /**
   * The server fails the connection: the very next frame is a close frame with {@code code}
   * (nothing echoed or answered before it), and after this client answers it the server closes
   * the TCP connection.
   */
  void expectFailure(int code) throws IOException {
    Frame close = read();
    assertEquals(CLOSE, close.opcode(), () -> "expected close " + code + ", got " + describe(close));
    assertEquals(code, close.closeCode(), () -> "close reason: " + describe(close));
    answerCloseAndExpectEnd(close);
  }

  /** Answers the server's close frame with the same code and waits for the TCP connection to end. */
  void answerCloseAndExpectEnd(Frame close) throws IOException {
    try {
      sendClose(Arrays.copyOf(close.payload(), Math.min(2, close.payload().length)));
    } catch (SocketException e) {
      return; // the server already dropped the connection: the end we expect
    }
    expectEndOfStream();
  }

  /** Reads until the server closes the TCP connection; no further frame may arrive. */
  void expectEndOfStream() throws IOException {
    try {
      int b = in.read();
      assertEquals(-1, b, "the server sent more after its close frame");
    } catch (SocketTimeoutException e) {
      fail("the server did not close the TCP connection within " + READ_TIMEOUT_MILLIS + " ms");
    } catch (SocketException e) {
      // reset by the server: closed all the same
    }
  }

  /** A server's close: empty, or a code it may send (never 1005, 1006, 1015) and a UTF-8 reason. */
  private static void assertValidClosePayload(Frame close) {
    byte[] payload = close.payload();
    if (payload.length == 0) {
      return;
    }
    assertTrue(payload.length >= 2, "a close payload of one byte");
    int code = close.closeCode();
    assertTrue(
        (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999),
        () -> "the server sent close code " + code);
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(payload, 2, payload.length - 2));
    } catch (CharacterCodingException e) {
      fail("the server's close reason is not UTF-8");
    }
  }

  private static String describe(Frame frame) {
    if (frame.opcode() == CLOSE) {
      return "close " + frame.closeCode() + " " + (frame.payload().length > 2 ? new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8) : "");
    }
    if (frame.opcode() == TEXT && frame.payload().length < 200) {
      return "text \"" + frame.text() + "\"";
    }
    return frame.toString();
  }

  static byte[] closePayload(int code, byte[] reason) {
    return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
