package io.switchboard.undertow.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare {@link Socket}, for what a well-behaved client library cannot do:
 * read the HTTP status of a refused upgrade, send malformed frames, ignore pings.
 */
public final class RawWebSocket implements AutoCloseable {

  /** One frame as received. */
  public record Frame(boolean fin, int opcode, byte[] payload, int rsv) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code of a close frame, or 1005 when it carries none. */
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    public String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final int status;
  private final String responseHead;
  private final String responseBody;

  private RawWebSocket(Socket socket, int status, String head, String body) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.status = status;
    this.responseHead = head;
    this.responseBody = body;
  }

  /** Sends an upgrade request for {@code path} with these extra headers and reads the response. */
  public static RawWebSocket upgrade(int port, String path, Map<String, String> headers)
      throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", "127.0.0.1:" + port);
    all.put("Upgrade", "websocket");
    all.put("Connection", "Upgrade");
    all.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(new byte[16]));
    all.put("Sec-WebSocket-Version", "13");
    all.putAll(headers);
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
    all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    String body = "";
    if (status != 101) {
      int length = contentLength(head);
      body = new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
    }
    return new RawWebSocket(socket, status, head, body);
  }

  public static RawWebSocket upgrade(int port, String path) throws IOException {
    return upgrade(port, path, Map.of());
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }

  public int status() {
    return status;
  }

  public String head() {
    return responseHead;
  }

  public String body() {
    return responseBody;
  }

  /** Sends a masked frame, as clients must. */
  public void send(int opcode, byte[] payload) throws IOException {
    sendRaw(true, 0, opcode, payload, true);
  }

  public void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a frame with full control over the header bits, to break the rules. */
  public void sendRaw(boolean fin, int rsv, int opcode, byte[] payload, boolean masked)
      throws IOException {
    out.write(encode(fin, rsv, opcode, payload, masked));
    out.flush();
  }

  /** Sends masked frames in one write, so that the server reads them together. */
  public void sendTogether(List<Frame> frames) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Frame frame : frames) {
      all.writeBytes(encode(frame.fin(), frame.rsv(), frame.opcode(), frame.payload(), true));
    }
    out.write(all.toByteArray());
    out.flush();
  }

  private static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(maskBit | 127);
      for (int i = 7; i >= 0; i--) {
        frame.write((int) ((long) payload.length >>> (8 * i)));
      }
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.writeBytes(mask);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= mask[i % 4];
      }
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  /** Reads the next frame (the server's frames are never masked). */
  public Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame((first & 0x80) != 0, first & 0x0f, payload, (first >> 4) & 0x7);
  }

  /** Reads frames until a close frame, answering nothing; returns it. */
  public Frame readUntilClose() throws IOException {
    for (; ; ) {
      Frame frame = read();
      if (frame.opcode() == CLOSE) {
        return frame;
      }
    }
  }

  /** Whether the server closed the TCP connection (reads end of stream). */
  public boolean atEndOfStream() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  public Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
