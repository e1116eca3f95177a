package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** freshet.json's test.match, test.redact and test.response-emails, recorded against WireMock and replayed. */
class ProjectSettingsTest {
  static final String SHOP_TOKEN = "shop-secret-7f3a9c";
  static final String SESSION = "sess-55aa77bb";
  static final String PATTERN_SECRET = "shp_0123456789abcdef0123";

  @TempDir
  Path dir;
  WireMockServer wm;
  String base;
  ProjectDir p;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(("{\"note\":\"issued PATTERN\",\"email\":\"Ada.Real@customer.co.uk\",\"owner\":\"ops@example.com\","
            + "\"again\":\"write to ada.real@customer.co.uk\",\"other\":\"bob@shop.io\"}")
            .replace("PATTERN", PATTERN_SECRET))));
    p = new ProjectDir(dir).file("functions/shop.dg", """
        map order(string token, string ts, string sentAt)
        {
            return invokeurl
            [
                url: "BASE/orders?session_id=SESSION&client_id=public-client-1&ts=" + ts
                type: POST
                headers: {"X-Shop-Token": token}
                parameters: {"sent_at": sentAt, "item": "tea"}.toString()
                content-type: "application/json"
            ];
        }
        """.replace("BASE", base).replace("SESSION", SESSION));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private void test(String ts, String sentAt) {
    p.file("tests/shop.test.dg", """
        void test_order()
        {
            token = "TOKEN";
            r = order(token, "TS", "SENT");
            info "sent " + token + ", got " + r.get("note");
            assertEquals("user-1@example.invalid", r.get("email"));
            assertEquals("ops@example.com", r.get("owner"));
            assertEquals("write to user-1@example.invalid", r.get("again"));
            assertEquals("user-2@example.invalid", r.get("other"));
        }
        """.replace("TS", ts).replace("SENT", sentAt).replace("TOKEN", SHOP_TOKEN));
  }

  private static final String CONFIG = """
      { "test": {
          "match": { "ignore-query": ["ts"], "ignore-body": ["$.sent_at"] },
          "redact": { "headers": ["X-Shop-Token"], "keys": ["session_id"], "patterns": ["shp_[0-9a-f]{16,}"],
                      "remove": ["client_id"] },
          "response-emails": "mask" } }
      """;

  @Test
  void projectRulesRedactMatchAndMaskWithoutLeaking() throws IOException {
    p.file("freshet.json", CONFIG);
    test("1", "2026-01-01");
    ProjectDir.Run record = p.test("--junit-path", "report.xml");
    assertEquals(0, record.exit(), record.all());
    String cassette = p.read("tests/cassettes/shop/test_order.json");
    assertTrue(cassette.contains("\"X-Shop-Token\" : \"<redacted:x_shop_token#1>\""), cassette);
    assertTrue(cassette.contains("session_id=<redacted:session_id#1>"), cassette);
    assertTrue(cassette.contains("client_id=public-client-1"), "a removed default is kept in clear:\n" + cassette);
    assertTrue(cassette.contains("\"note\" : \"issued <redacted:pattern#1>\""), cassette);
    assertTrue(cassette.contains("\"email\" : \"user-1@example.invalid\""), cassette);
    assertTrue(cassette.contains("\"owner\" : \"ops@example.com\""), cassette);
    assertNoLeak(p, record, cassette);
    assertTrue(p.read("report.xml").contains("got issued &lt;redacted:pattern#1&gt;"), p.read("report.xml"));
    ProjectDir.Run scan = p.run("cassettes", "scan");
    assertEquals(0, scan.exit(), scan.all());
    assertFalse(scan.out().contains("email"), "masked emails are not real customers' data:\n" + scan.out());

    wm.stop();
    test("2", "2026-02-02"); // ts and sent_at are left out of matching by test.match
    p.env.put("CI", "true");
    ProjectDir.Run replay = p.test("--junit-path", "report.xml");
    assertEquals(0, replay.exit(), replay.all());
    assertNoLeak(p, replay, p.read("tests/cassettes/shop/test_order.json"));

    p.file("freshet.json", CONFIG.replace("\"match\"", "\"unmatched\"").replaceFirst("\"unmatched\".*\n", ""));
    ProjectDir.Run strict = p.test("--junit-path", "report.xml");
    assertEquals(1, strict.exit(), strict.all());
    assertTrue(strict.out().contains("query ts   recorded \"1\"   sent \"2\""), strict.out());
    assertTrue(strict.out().contains("body $.sent_at   recorded \"2026-01-01\"   sent \"2026-02-02\""), strict.out());
    assertNoLeak(p, strict, p.read("tests/cassettes/shop/test_order.json"));
  }

  private void assertNoLeak(ProjectDir p, ProjectDir.Run run, String cassette) throws IOException {
    String junit = p.read("report.xml");
    for (String secret : new String[] {SHOP_TOKEN, SESSION, PATTERN_SECRET, "customer.co.uk", "shop.io"}) {
      assertFalse(cassette.contains(secret), secret + " in the cassette:\n" + cassette);
      assertFalse(run.all().contains(secret), secret + " in the output:\n" + run.all());
      assertFalse(junit.contains(secret), secret + " in the JUnit file:\n" + junit);
    }
  }

  @Test
  void aSettingThatCannotBeUsedIsAUsageErrorNamingIt() {
    test("1", "x");
    String[][] cases = {
        {"{\"test\": {\"match\": {\"match-headers\": [\"User-Agent\"]}}}", "test.match.match-headers is not needed"},
        {"{\"test\": {\"match\": {\"ignore-queries\": [\"a\"]}}}", "unknown key test.match.ignore-queries"},
        {"{\"test\": {\"redact\": {\"remove\": [\"authorisation\"]}}}",
            "test.redact.remove: 'authorisation' is not a default redacted name"},
        {"{\"test\": {\"redact\": {\"patterns\": [\"shp_[\"]}}}", "test.redact.patterns: 'shp_[' is not a regular"},
        {"{\"test\": {\"response-emails\": \"hide\"}}", "test.response-emails must be \"mask\" or \"warn\""},
    };
    for (String[] c : cases) {
      p.file("freshet.json", c[0]);
      ProjectDir.Run r = p.test();
      assertEquals(64, r.exit(), c[0] + "\n" + r.all());
      assertTrue(r.err().contains(c[1]), c[0] + "\n" + r.err());
    }
  }
}
