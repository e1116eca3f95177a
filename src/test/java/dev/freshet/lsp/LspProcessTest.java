package dev.freshet.lsp;

import static dev.freshet.lsp.LspClient.open;
import static dev.freshet.lsp.LspClient.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code freshet lsp} as an editor starts it: a process of its own whose standard output carries JSON-RPC and
 * nothing else, whose standard error takes any log, and which ends with code 0 after shutdown and exit. Its home
 * has no connection store: completing a connection name then offers none.
 */
class LspProcessTest {
  @Test
  void freshetLspServesAnEditorOverStandardInputAndOutput(@TempDir Path home) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.freshet.cli.Main", "lsp")
        .redirectError(home.resolve("stderr.txt").toFile());
    builder.environment().put("FRESHET_HOME", home.resolve("freshet").toString());
    builder.environment().remove("FRESHET_STORE");
    Process process = builder.start();
    try {
      LspClient client = new LspClient(process.getInputStream(), process.getOutputStream());
      JsonNode init = client.result("initialize", LspClient.initialize());
      assertTrue(init.get("capabilities").get("hoverProvider").asBoolean());
      client.notify("initialized", java.util.Map.of());
      String uri = "file:///tmp/p.dg";
      client.notify("textDocument/didOpen", open(uri, 1, "x = 1;\ninfo y;\n"));
      JsonNode diags = client.diagnostics(uri, 1);
      assertTrue(diags.get(0).get("message").asText().startsWith("variable 'y' is not defined"), diags.toString());
      String call = "file:///tmp/call.dg";
      client.notify("textDocument/didOpen", open(call, 1, "r = invokeurl [ url: \"u\" connection: \"\n"));
      assertEquals(0, client.result("textDocument/completion", position(call, 0, 39)).get("items").size());
      client.result("shutdown", null);
      client.notify("exit", null);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server ends on exit");
      assertEquals(0, process.exitValue(), Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8));
      assertEquals("", client.garbage.toString());
    } finally {
      process.destroyForcibly();
    }
  }
}
