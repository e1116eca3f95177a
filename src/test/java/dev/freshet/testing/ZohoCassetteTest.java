package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.connections.ConnectionRecord;
import dev.freshet.connections.ConnectionStatus;
import dev.freshet.connections.FileConnectionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * zoho.* tasks are recorded like invokeurl (they share the HTTP layer): through the zoho connection, with its token
 * left out, and replayed with no connection store, the stand-in for Zoho's API stopped.
 */
class ZohoCassetteTest {
  static final String TOKEN = "1000.zt-golden-access-7c1e"; // what the stand-in's mappings expect
  static final String REFRESH = "1000.zt-cassette-refresh-5b2a";
  static final String SECRET = "zt-cassette-client-secret-0c";

  @TempDir
  Path dir;

  /** In both tiers: the compiled one compiles the zoho.* call, and the task's position (from) must be the same. */
  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {false, true})
  void zohoCrmTasksAreRecordedThroughTheConnectionWithoutTheToken(boolean compiled) throws Exception {
    ProjectDir.inTier(compiled, this::recordAndReplay);
  }

  private void recordAndReplay() throws Exception {
    WireMockServer zoho = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory("src/test/resources/zoho"));
    zoho.start();
    ProjectDir p = new ProjectDir(dir.resolve("project"));
    p.env.put("FRESHET_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    p.env.put("ZOHO_CLIENT_SECRET", SECRET);
    p.file("functions/leads.dg", """
        string leadCompany(Int leadId)
        {
            lead = zoho.crm.getRecordById("Leads", leadId);
            return lead.get("Company");
        }
        """);
    p.file("tests/leads.test.dg", """
        void test_reads_the_lead()
        {
            assertNotNull(leadCompany(4876876000000624001));
            assertEquals(1, httpCalls().size());
            assertEquals("zoho", httpCalls().get(0).get("connection"));
            assertEquals("functions/leads.dg:3:12 zoho.crm.getRecordById", httpCalls().get(0).get("from"));
        }
        """);
    try {
      ProjectDir.Run add = p.run("connections", "add", "zoho", "--service", "zoho", "--dc", "eu", "--api-domain",
          "http://127.0.0.1:" + zoho.port(), "--client-id", "1000.ABCDEFGHIJ0123456789", "--client-secret-env",
          "ZOHO_CLIENT_SECRET", "--scopes", "ZohoCRM.modules.ALL");
      assertEquals(0, add.exit(), add.all());
      FileConnectionStore store = FileConnectionStore.builder(Path.of(p.env.get("FRESHET_HOME")))
          .env(p.env::get).build();
      ConnectionRecord r = store.load(null, "zoho").orElseThrow();
      Instant now = Instant.now();
      assertTrue(store.save(r.next(ConnectionStatus.CONNECTED, r.secrets().withTokens(TOKEN, REFRESH),
          now.plusSeconds(3600), now, r.info(), null, now)));
      ProjectDir.Run record = p.test();
      assertEquals(0, record.exit(), record.all());
    } finally {
      zoho.stop();
    }
    String cassette = p.read("tests/cassettes/leads/test_reads_the_lead.json");
    assertTrue(cassette.contains("""
              "seq" : 1,
              "from" : "functions/leads.dg:3:12 zoho.crm.getRecordById",
              "connection" : "zoho",
        """), cassette);
    assertTrue(cassette.contains("/crm/v"), cassette);
    for (String secret : new String[] {TOKEN, REFRESH, SECRET}) {
      assertFalse(cassette.contains(secret), cassette);
    }
    p.env.put("CI", "true");
    p.env.put("FRESHET_HOME", dir.resolve("empty-home").toString());
    ProjectDir.Run replay = p.test();
    assertEquals(0, replay.exit(), replay.all());
    assertFalse(Files.exists(dir.resolve("empty-home/connections")), "replay opened no connection store");
  }
}
