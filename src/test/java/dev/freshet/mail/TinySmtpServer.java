package dev.freshet.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A loopback SMTP receiver for tests: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT, one connection at a time. It records
 * what arrived; recipients whose address starts with {@code reject} get a 550, a wrong login a 535.
 */
final class TinySmtpServer implements AutoCloseable {
  record Delivery(String login, String mailFrom, List<String> rcptTo, String data) {}

  private final ServerSocket server;
  private final String user;
  private final String password;
  private final Thread thread;
  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  final List<String> logins = new CopyOnWriteArrayList<>();

  /** {@code user} null: no AUTH offered. */
  TinySmtpServer(ServerSocketFactory sockets, String user, String password) throws IOException {
    this.server = sockets.createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.server.setSoTimeout(20_000); // stops by itself if a test never connects
    this.user = user;
    this.password = password;
    this.thread = new Thread(this::serve, "tiny-smtp");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed, or timed out waiting
      }
      try (Socket s = socket) {
        s.setSoTimeout(20_000);
        session(s);
      } catch (IOException e) {
        // this connection failed (a refused TLS handshake, a client that hung up): serve the next
      }
    }
  }

  private void session(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 tiny ESMTP");
    String login = null;
    String from = null;
    List<String> rcpt = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase(java.util.Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, user == null ? "250 tiny" : "250-tiny\r\n250 AUTH PLAIN");
      } else if (upper.startsWith("AUTH PLAIN")) {
        String encoded = line.length() > 11 ? line.substring(11).strip() : null;
        if (encoded == null || encoded.isEmpty()) {
          reply(out, "334 ");
          encoded = in.readLine().strip();
        }
        String[] parts = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split("\0", -1);
        logins.add(parts[1] + ":" + parts[2]);
        if (parts[1].equals(user) && parts[2].equals(password)) {
          login = parts[1];
          reply(out, "235 2.7.0 Authentication successful");
        } else {
          reply(out, "535 5.7.8 Authentication credentials invalid");
        }
      } else if (upper.startsWith("MAIL FROM:")) {
        if (user != null && login == null) {
          reply(out, "530 5.7.0 Authentication required");
          continue;
        }
        from = address(line);
        rcpt.clear();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO:")) {
        String to = address(line);
        if (to.startsWith("reject")) {
          reply(out, "550 5.1.1 No such user " + to);
        } else {
          rcpt.add(to);
          reply(out, "250 OK");
        }
      } else if (upper.startsWith("DATA")) {
        reply(out, "354 End data with <CR><LF>.<CR><LF>");
        StringBuilder data = new StringBuilder();
        String d;
        while ((d = in.readLine()) != null && !d.equals(".")) {
          data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
        }
        deliveries.add(new Delivery(login, from, List.copyOf(rcpt), data.toString()));
        reply(out, "250 OK queued");
      } else if (upper.startsWith("QUIT")) {
        reply(out, "221 Bye");
        return;
      } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
        reply(out, "250 OK");
      } else {
        reply(out, "502 5.5.2 Command not implemented");
      }
    }
  }

  private static String address(String line) {
    int open = line.indexOf('<');
    int close = line.indexOf('>', open);
    return line.substring(open + 1, close);
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
