package io.switchboard.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that upgrades, joins the feeder's room and then stops reading its socket, with a small
 * receive buffer so that the server's queue for it, not the kernel's buffers, takes the backlog.
 * A bare socket: a WebSocket client library would read (and answer pings) on its own.
 */
final class SlowReader implements AutoCloseable {

  private final Socket socket = new Socket();

  void connect(int port) throws IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(10_000);
    String request = "GET /soak HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: c29hay1zbG93LXJlYWRlcg==\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    String status = readHead(socket.getInputStream());
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("the slow reader's upgrade was refused: " + status);
    }
    sendText("join " + RoomSender.SLOW_ROOM);
    // In the room before the feeder starts; a shout to everyone may come first.
    DataInputStream in = new DataInputStream(socket.getInputStream());
    for (Frame frame = Frame.read(in); !frame.text().equals("joined " + RoomSender.SLOW_ROOM); frame = Frame.read(in)) {
      if (!frame.text().startsWith("{\"event\":\"shout\"")) {
        throw new IOException("the slow reader's join was answered: " + frame.text());
      }
    }
  }

  /** One frame from the server (never masked). */
  private record Frame(int opcode, byte[] payload) {
    static Frame read(DataInputStream in) throws IOException {
      int opcode = in.readUnsignedByte() & 0x0f;
      int length = in.readUnsignedByte() & 0x7f;
      long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
      return new Frame(opcode, in.readNBytes((int) size));
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads, at last, what the server left in the socket, to the end: the close code and reason of
   * the close frame at its end, or what ended it otherwise.
   */
  String howItEnded() {
    try {
      socket.setSoTimeout(2_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (; ; ) {
        Frame frame = Frame.read(in);
        if (frame.opcode() == 0x8) {
          byte[] payload = frame.payload();
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          return code + " " + new String(payload, 2, Math.max(0, payload.length - 2), StandardCharsets.UTF_8);
        }
      }
    } catch (EOFException e) {
      return "dropped without a close frame";
    } catch (SocketTimeoutException e) {
      return "still open";
    } catch (SocketException e) {
      return "reset";
    } catch (IOException e) {
      return "failed: " + e;
    }
  }

  /** Sends one masked text frame (a zero mask: the bytes go as they are). */
  private void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length); // short lines only
    frame.write(new byte[4], 0, 4);
    frame.write(payload, 0, payload.length);
    socket.getOutputStream().write(frame.toByteArray());
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed in the response head");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
