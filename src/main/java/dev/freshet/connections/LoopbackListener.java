package dev.freshet.connections;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CLI's redirect target (RFC 8252 §7.3): a one-shot HTTP server on 127.0.0.1 and a free port that takes the
 * first request to {@code /callback}, tells the browser it may close the tab, and hands the query parameters over.
 */
final class LoopbackListener implements AutoCloseable {
  static final String PATH = "/callback";

  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

  private LoopbackListener(HttpServer server) {
    this.server = server;
  }

  /** Listens on 127.0.0.1 (not "localhost", which may resolve elsewhere) on a port the system picks. */
  static LoopbackListener start() throws IOException {
    return start(0);
  }

  /** Listens on a fixed port, for providers that accept only the exact redirect URL registered (Zoho). */
  static LoopbackListener start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    LoopbackListener l = new LoopbackListener(server);
    server.createContext("/", l::handle);
    server.start();
    return l;
  }

  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The first callback's query parameters; {@code timeout} error when none arrives in time. */
  Map<String, String> await(Duration timeout) throws OAuthException {
    try {
      return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new OAuthException("timeout", "no answer from the browser within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException("interrupted", "interrupted while waiting for the browser");
    } catch (ExecutionException e) {
      throw new OAuthException("server_error", "the loopback listener failed");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (!x.getRequestURI().getPath().equals(PATH)) {
        reply(x, 404, "Not found");
        return;
      }
      Map<String, String> params = OAuthWire.decode(x.getRequestURI().getRawQuery());
      if (callback.isDone()) {
        reply(x, 200, "Freshet: this authorization was already answered; you can close this tab.");
        return;
      }
      String error = params.get("error");
      reply(x, 200, error == null ? "Freshet: connection authorized, you can close this tab."
          : "Freshet: the authorization failed (" + error + "). You can close this tab.");
      callback.complete(params); // after the page is sent, so closing the listener cannot cut the browser off
    }
  }

  private static void reply(HttpExchange x, int status, String text) throws IOException {
    String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Freshet</title></head><body><p>"
        + escape(text) + "</p></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
