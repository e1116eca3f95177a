package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redaction with stable placeholders, the leak scan, and the atomic write. */
class CassetteSecretsTest {
  @TempDir
  Path dir;

  @Test
  void aKnownSecretIsReplacedInEveryEncodingWithOnePlaceholder() {
    Redactor r = new Redactor();
    assertEquals("<redacted:connection:crm#1>", r.know("s3cr3t/val+ue", "connection:crm"));
    ObjectNode request = Json.object();
    request.put("url", "https://x.example/a?q=s3cr3t%2Fval%2Bue&plain=1");
    request.putObject("body").put("text", "raw s3cr3t/val+ue and "
        + Base64.getEncoder().encodeToString("s3cr3t/val+ue".getBytes(StandardCharsets.UTF_8)));
    r.redact(request);
    assertEquals("https://x.example/a?q=<redacted:connection:crm#1>&plain=1", request.get("url").asText());
    assertEquals("raw <redacted:connection:crm#1> and <redacted:connection:crm#1>",
        request.get("body").get("text").asText());
  }

  @Test
  void secretsFoundByNameKeepTheirPlaceholderAcrossInteractions() {
    Redactor r = new Redactor();
    ObjectNode response = Json.object();
    response.putObject("body").putObject("json").put("access_token", "tok-123456").put("expires_in", 3600);
    r.redact(response);
    ObjectNode request = Json.object();
    request.put("url", "https://x.example/b?api_key=k-999999");
    request.putObject("headers").put("Authorization", "Bearer tok-123456");
    r.redact(request);
    assertEquals("<redacted:access_token#1>", response.get("body").get("json").get("access_token").asText());
    assertEquals(3600, response.get("body").get("json").get("expires_in").asInt());
    assertEquals("Bearer <redacted:access_token#1>", request.get("headers").get("Authorization").asText());
    assertEquals("https://x.example/b?api_key=<redacted:api_key#1>", request.get("url").asText());
  }

  @Test
  void theLeakScanRefusesASecretHiddenInABase64Body() {
    String body = Base64.getEncoder().encodeToString("token=abcdef123".getBytes(StandardCharsets.UTF_8));
    String text = "{\"interactions\":[{\"response\":{\"body\":{\"base64\":\"" + body + "\"}}}]}";
    String refusal = LeakScan.scan(text, Map.of("abcdef123", "connection:crm"));
    assertEquals("refusing to write cassette: secret of connection 'crm' found at"
        + " $.interactions[0].response.body.base64", refusal);
    assertNull(LeakScan.scan(text, Map.of("other-secret", "token")));
  }

  @Test
  void aWriteStoppedHalfWayLeavesTheOldCassetteIntact() throws IOException {
    Path file = dir.resolve("cassettes/t/test_x.json");
    CassetteFile.write(file, "{\"old\": true}\n");
    assertThrows(IOException.class, () -> CassetteFile.write(file, "{\"new\": true, \"long\": \"" + "x".repeat(1000)
        + "\"}\n", () -> {
          throw new IOException("killed");
        }));
    assertEquals("{\"old\": true}\n", Files.readString(file));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary or lock file is left");
    }
    CassetteFile.write(file, "{\"new\": true}\n");
    assertEquals("{\"new\": true}\n", Files.readString(file));
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithTheFix() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"freshet_cassette\": 9, \"interactions\": []}");
    Cassette.CassetteException e = assertThrows(Cassette.CassetteException.class, () -> Cassette.read(file, "c.json"));
    assertTrue(e.getMessage().contains("format version 9") && e.getMessage().contains("--record=rewrite"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("missing.json")));
    assertNull(Cassette.read(dir.resolve("missing.json"), "missing.json"));
  }
}
