package dev.freshet.zoho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import dev.freshet.connections.ConnectionRecord;
import dev.freshet.connections.ConnectionStatus;
import dev.freshet.connections.FileConnectionStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/zoho as a new user runs it: {@code connections add zoho --service zoho --dc eu …}, an authorization
 * (here: the tokens stored as {@code connections authorize} stores them), then {@code freshet run} on the function
 * unchanged. The API domain is given as the stand-in's ({@code --api-domain}), which plays Zoho's EU API with the
 * stubs in src/test/resources/zoho/mappings.
 */
class ZohoSampleTest {
  static final Path SAMPLES = Path.of("samples/zoho");
  @TempDir
  Path home;
  WireMockServer server;
  Map<String, String> env;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory(ZohoGoldenTest.ROOT.toString()));
    server.start();
    env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("FRESHET_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    env.put("ZOHO_CLIENT_SECRET", ZohoGoldenTest.SECRET);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, new Terminal(Path.of("."), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env));
    return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void theCrmFunctionRunsUnchanged() throws Exception {
    String[] add = run("connections", "add", "zoho", "--service", "zoho", "--dc", "eu", "--api-domain",
        "http://127.0.0.1:" + server.port(), "--client-id", "1000.ABCDEFGHIJ0123456789", "--client-secret-env",
        "ZOHO_CLIENT_SECRET", "--scopes", "ZohoCRM.modules.ALL,ZohoSearch.securesearch.READ");
    assertEquals("0", add[0], add[2]);
    authorized();

    String[] r = run("run", "--tz", "UTC", "samples/zoho/crm_lead_to_deal.dg", "--arg", "leadId=4876876000000624001",
        "--arg", "dealId=4876876000000650011");

    assertEquals("", r[2]);
    assertEquals(Files.readString(SAMPLES.resolve("crm_lead_to_deal.out")), r[1]);
    assertEquals("0", r[0]);
    assertEquals(List.of(), server.findAllUnmatchedRequests());
    assertEquals(3, server.getAllServeEvents().size());
    assertFalse(r[1].contains(ZohoGoldenTest.TOKEN));
  }

  /** What {@code connections authorize zoho} leaves behind: the tokens, encrypted, and the status connected. */
  private void authorized() {
    FileConnectionStore store = FileConnectionStore.builder(home).env(env::get).build();
    ConnectionRecord r = store.load(null, "zoho").orElseThrow();
    Instant now = Instant.now();
    assertTrue(store.save(r.next(ConnectionStatus.CONNECTED, r.secrets().withTokens(ZohoGoldenTest.TOKEN,
        "1000.refresh-sample"), now.plusSeconds(3600), now, r.info(), null, now)));
  }
}
