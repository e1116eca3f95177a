package dev.freshet.lsp;

import static dev.freshet.lsp.LspClient.open;
import static dev.freshet.lsp.LspClient.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the server answers what it can and keeps serving: no message ends it but 'exit'. */
class MalformedRequestsTest {
  static final String URI = "file:///work/m.dg";

  @Test
  void theServerKeepsAnsweringAfterBadMessages() throws Exception {
    try (ServerPipe server = new ServerPipe(() -> {
      throw new StackOverflowError("the connection store blew up"); // a failure inside one request
    })) {
      LspClient client = server.client;
      client.result("initialize", LspClient.initialize());
      client.notify("textDocument/didOpen",
          open(URI, 1, "x = 1;\ninfo x;\nr = invokeurl [ url: \"u\" connection: \"\n"));

      client.send("{this is not json");
      assertAlive(client);

      client.send("[1, 2, 3]");
      client.send("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": \"textDocument/hover\", \"params\": ");
      assertAlive(client);

      JsonNode unknown = client.request("freshet/noSuchMethod", Map.of());
      assertEquals(-32601, unknown.get("error").get("code").asInt(), unknown.toString()); // MethodNotFound
      assertAlive(client);

      JsonNode wrongParams = client.request("textDocument/hover", Map.of("textDocument", 5, "position", "here"));
      assertTrue(wrongParams.has("error"), wrongParams.toString());
      JsonNode missingPosition = client.request("textDocument/completion", Map.of("textDocument",
          Map.of("uri", URI)));
      assertEquals(-32602, missingPosition.get("error").get("code").asInt(), missingPosition.toString());
      assertAlive(client);

      JsonNode neverOpened = client.request("textDocument/hover", position("file:///nowhere.dg", 0, 0));
      assertEquals(-32602, neverOpened.get("error").get("code").asInt()); // InvalidParams
      assertTrue(neverOpened.get("error").get("message").asText().contains("no open document file:///nowhere.dg"));
      client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", "file:///nowhere.dg",
          "version", 2), "contentChanges", List.of(Map.of("text", "y = 2;"))));
      assertAlive(client);

      // a request that fails inside: an error response, logged on stderr and in the client's log
      JsonNode crashed = client.request("textDocument/completion", position(URI, 2, 39));
      assertEquals(-32603, crashed.get("error").get("code").asInt(), crashed.toString()); // InternalError
      assertTrue(server.log().contains("textDocument/completion failed: java.lang.StackOverflowError"),
          server.log());
      client.awaitNotification("window/logMessage", p -> p.path("message").asText().contains("StackOverflowError"));
      assertAlive(client);

      client.result("shutdown", null);
      client.notify("exit", null);
      assertEquals(0, server.exitCode.get(20, TimeUnit.SECONDS));
      assertEquals("", client.garbage.toString());
    }
  }

  @Test
  void aClientThatHangsUpEndsTheServerWithCodeOne() throws Exception {
    ServerPipe server = new ServerPipe(List::of);
    server.client.result("initialize", LspClient.initialize());
    server.close();
    assertEquals(1, server.exitCode.get(20, TimeUnit.SECONDS));
  }

  /** A well-formed request still gets its answer. */
  private static void assertAlive(LspClient client) {
    JsonNode hover = client.result("textDocument/hover", position(URI, 1, 5));
    assertTrue(hover.get("contents").get("value").asText().contains("first assigned on line 1"), hover.toString());
  }
}
