package io.patent2tech.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of a real service, for outage tests: {@link #cut()}
 * closes every connection through it and stops listening, so new connections are refused as if
 * the service were down; {@link #restore()} listens on the same port again. The service itself,
 * which other tests share, is never touched.
 */
public final class TcpProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final int port;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new ArrayList<>();
  private ServerSocket listener;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** Proxies a free loopback port to {@code host:port}. */
  public static TcpProxy start(String host, int port) throws IOException {
    return new TcpProxy(new InetSocketAddress(host, port));
  }

  public int port() {
    return port;
  }

  /** Connections the proxy has accepted (and forwarded) so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Drops every connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() throws IOException {
    if (listener != null) {
      listener.close();
      listener = null;
    }
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** Listens on the same port again. */
  public synchronized void restore() throws IOException {
    if (listener == null) {
      listener = listen(port);
      acceptOn(listener);
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    // the port was ours a moment ago; TIME_WAIT connections on it must not keep us from it
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptOn(ServerSocket server) {
    daemon("tcp-proxy-accept-" + port, () -> {
      while (!server.isClosed()) {
        Socket client;
        try {
          client = server.accept();
        } catch (IOException e) {
          return; // cut or closed
        }
        connect(client);
      }
    });
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    synchronized (this) {
      if (listener == null) {
        // cut while connecting
        closeQuietly(client);
        closeQuietly(upstream);
        return;
      }
      open.add(client);
      open.add(upstream);
    }
    accepted.incrementAndGet();
    daemon("tcp-proxy-up-" + port, () -> pump(client, upstream));
    daemon("tcp-proxy-down-" + port, () -> pump(upstream, client));
  }

  /** Copies one direction until either side closes, then closes both. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (SocketException closed) {
      // cut, or the other direction closed the sockets
    } catch (IOException e) {
      // the same, seen from a stream
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket of a connection that is going away anyway
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
