package dev.freshet.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A language client as an editor is one: JSON-RPC messages with Content-Length headers, written to the server's input
 * and read from its output, with no LSP4J on this side. Responses are matched to requests by id; notifications are
 * kept in arrival order.
 */
final class LspClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 20;

  private final OutputStream toServer;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> responses = new ConcurrentHashMap<>();
  private final List<JsonNode> notifications = new ArrayList<>();
  /** Everything read that was not a well-formed framed JSON message (must stay empty: stdout is JSON-RPC only). */
  final StringBuilder garbage = new StringBuilder();

  LspClient(InputStream fromServer, OutputStream toServer) {
    this.toServer = toServer;
    Thread reader = new Thread(() -> read(fromServer), "lsp-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  JsonNode request(String method, Object params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    responses.put(id, answer);
    send(message(id, method, params).toString());
    try {
      return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer to " + method + " within " + WAIT_SECONDS + " s", e);
    }
  }

  /** The result of a request that must succeed. */
  JsonNode result(String method, Object params) {
    JsonNode response = request(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  void notify(String method, Object params) {
    send(message(null, method, params).toString());
  }

  private static ObjectNode message(Integer id, String method, Object params) {
    ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0");
    if (id != null) {
      m.put("id", id);
    }
    m.put("method", method);
    if (params != null) {
      m.set("params", JSON.valueToTree(params));
    }
    return m;
  }

  /** Sends a body as it is, framed with its length: malformed JSON included. */
  void send(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      toServer.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      toServer.write(bytes);
      toServer.flush();
    } catch (IOException e) {
      throw new AssertionError("the server stopped reading", e);
    }
  }

  /** The first notification of this method (already received or arriving within the wait) that passes the test. */
  JsonNode awaitNotification(String method, Predicate<JsonNode> params) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (notifications) {
      while (true) {
        for (JsonNode n : notifications) {
          if (n.path("method").asText().equals(method) && params.test(n.path("params"))) {
            return n.path("params");
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + method + " notification within " + WAIT_SECONDS + " s; got "
              + notifications);
        }
        try {
          notifications.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  /** The diagnostics published for a document's version. */
  JsonNode diagnostics(String uri, int version) {
    return awaitNotification("textDocument/publishDiagnostics",
        p -> p.path("uri").asText().equals(uri) && p.path("version").asInt(-1) == version).path("diagnostics");
  }

  List<JsonNode> notifications(String method) {
    synchronized (notifications) {
      return notifications.stream().filter(n -> n.path("method").asText().equals(method)).toList();
    }
  }

  private void read(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = header(in)).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring("content-length:".length()).trim());
          } else if (!line.toLowerCase().startsWith("content-type:")) {
            garbage.append(line).append('\n');
          }
        }
        if (length < 0) {
          garbage.append("<message without Content-Length>\n");
          continue;
        }
        JsonNode message = JSON.readTree(in.readNBytes(length));
        if (message.has("id") && !message.has("method")) {
          responses.computeIfAbsent(message.get("id").asInt(), k -> new CompletableFuture<>()).complete(message);
        } else {
          synchronized (notifications) {
            notifications.add(message);
            notifications.notifyAll();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the server closed its output
    }
  }

  private static String header(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("end of stream");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    toServer.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Parameters, as an editor writes them

  static Map<String, Object> position(String uri, int line, int character) {
    return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
  }

  static Map<String, Object> open(String uri, int version, String text) {
    return Map.of("textDocument", Map.of("uri", uri, "languageId", "deluge", "version", version, "text", text));
  }

  static Map<String, Object> initialize() {
    return Map.of("processId", ProcessHandle.current().pid(), "rootUri", "file:///tmp", "capabilities", Map.of());
  }
}
