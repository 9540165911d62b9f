package io.patent2tech.connectors.collect.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves one file over raw HTTP/1.1 and drops the connection in the middle of the first transfer
 * (after announcing the full length), as a failing network would; later requests honour {@code
 * Range: bytes=N-} with a 206. ReplayServer cannot do this: its server always completes a body.
 * Records the Range header of every request ("" when none).
 */
public final class CuttingFileServer implements AutoCloseable {

  private final ServerSocket socket;
  private final byte[] file;
  private final int cutAfter;
  private final boolean honourRange;
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final Thread thread;

  /**
   * @param cutAfter bytes sent before the first connection is closed
   * @param honourRange false to answer every request with a whole 200 (a server without ranges)
   */
  public CuttingFileServer(byte[] file, int cutAfter, boolean honourRange) throws IOException {
    this.file = file;
    this.cutAfter = cutAfter;
    this.honourRange = honourRange;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "cutting-file-server");
    thread.setDaemon(true);
    thread.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  public List<String> ranges() {
    return List.copyOf(ranges);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String line = in.readLine();
        String range = "";
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          if (line.toLowerCase(Locale.ROOT).startsWith("range:")) {
            range = line.substring(6).strip();
          }
        }
        boolean first = ranges.isEmpty();
        ranges.add(range);
        OutputStream out = s.getOutputStream();
        long from = 0;
        if (honourRange && range.startsWith("bytes=") && range.endsWith("-")) {
          from = Long.parseLong(range.substring(6, range.length() - 1));
        }
        String head = from > 0
            ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (file.length - 1) + "/" + file.length + "\r\n"
            : "HTTP/1.1 200 OK\r\n";
        head += "Content-Length: " + (file.length - from) + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        int end = first ? cutAfter : file.length;
        out.write(file, (int) from, (int) (end - from));
        out.flush();
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
