package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cassettes against WireMock as the real API: record, stop WireMock, replay and pass; no secret in a cassette or in
 * the output; one changed body field fails naming the field.
 */
class CassetteWireMockTest {
  static final String API_KEY = "wm-api-key-5d1e9a";
  static final String CLIENT_SECRET = "wm-client-secret-77c2";
  static final String REFRESH = "1000.wm-refresh-token-aa41";
  static final String ACCESS = "1000.wm-access-token-b3f0";
  static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final List<String> SECRETS = List.of(API_KEY, CLIENT_SECRET, REFRESH, ACCESS);

  @TempDir
  Path dir;
  WireMockServer wm;
  int port;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    port = wm.port();
    wm.stubFor(get(urlPathEqualTo("/forecast")).withHeader("X-Api-Key", equalTo(API_KEY))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withHeader("Date", "Sat, 05 Dec 2026 04:00:00 GMT")
            .withBody("{\"city\":\"Pune\",\"sky\":\"sunny\",\"echo\":\"" + API_KEY + "\"}")));
    wm.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + ACCESS + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
    wm.stubFor(post(urlPathEqualTo("/crm/v2/Contacts")).withHeader("Authorization",
        equalTo("Zoho-oauthtoken " + ACCESS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"data\":[{\"code\":\"SUCCESS\",\"id\":\"42\"}]}")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private ProjectDir project(String lastName) {
    ProjectDir p = new ProjectDir(dir);
    p.env.put("FRESHET_MASTER_KEY", MASTER_KEY);
    p.env.put("WEATHER_KEY", API_KEY);
    p.file("functions/weather.dg", """
        map standalone.forecast(string city)
        {
            return invokeurl
            [
                url: "BASE/forecast"
                type: GET
                parameters: {"city": city}
                connection: "weather"
            ];
        }
        """.replace("BASE", base()));
    p.file("functions/crm.dg", """
        map createContact(string last)
        {
            token = invokeurl
            [
                url: "BASE/oauth/v2/token"
                type: POST
                parameters: {"client_id": "1000.CLIENT", "client_secret": "SECRET", "grant_type": "refresh_token",
                    "refresh_token": "REFRESH"}
            ];
            return invokeurl
            [
                url: "BASE/crm/v2/Contacts"
                type: POST
                headers: {"Authorization": "Zoho-oauthtoken " + token.get("access_token")}
                body: {"data": [{"First_Name": "Ada", "Last_Name": last, "Ref": randomNumber(1, 1000000000)}]}
            ];
        }
        """.replace("BASE", base()).replace("SECRET", CLIENT_SECRET).replace("REFRESH", REFRESH));
    p.file("tests/weather.test.dg", """
        void test_forecast()
        {
            f = standalone.forecast("Pune");
            assertEquals("sunny", f.get("sky"));
            assertCalled("GET", "BASE/forecast");
            assertEquals(1, httpCalls().size());
            assertEquals("weather", httpCalls().get(0).get("connection"));
        }
        """.replace("BASE", base()));
    p.file("tests/crm/contacts.test.dg", """
        void test_creates_contact()
        {
            r = createContact("LAST");
            assertEquals("42", r.get("data").get(0).get("id"));
            info "created at " + now;
        }
        """.replace("LAST", lastName));
    return p;
  }

  private void addConnection(ProjectDir p) {
    ProjectDir.Run add = p.run("connections", "add", "weather", "--custom", "--auth", "api_key", "--key-name",
        "X-Api-Key", "--key-in", "header", "--key-env", "WEATHER_KEY", "--api-host", "127.0.0.1:" + wm.port());
    assertEquals(0, add.exit(), add.all());
  }

  @Test
  void recordsStopsTheApiReplaysAndNoSecretIsWritten() throws IOException {
    ProjectDir p = project("Lovelace");
    addConnection(p);
    ProjectDir.Run record = p.test("--junit-path", "report.xml");
    assertEquals(0, record.exit(), record.all());
    assertTrue(record.out().contains("record mode once (the default outside CI)"), record.out());
    String weather = p.read("tests/cassettes/weather/test_forecast.json");
    String crm = p.read("tests/cassettes/crm/contacts/test_creates_contact.json");
    assertTrue(weather.contains("\"connection\" : \"weather\""), weather);
    assertTrue(crm.contains("Zoho-oauthtoken <redacted:access_token#1>"), crm);
    assertTrue(crm.contains("\"access_token\" : \"<redacted:access_token#1>\""), crm);
    assertTrue(crm.contains("\"Last_Name\" : \"Lovelace\""), crm);
    assertFalse(weather.contains("\"Date\""), weather);
    assertNoSecrets(p, record);

    wm.stop();
    p.env.put("CI", "true");
    p.env.put("FRESHET_HOME", dir.resolve("empty-home").toString()); // replay needs no connection store
    ProjectDir.Run replay = p.test();
    assertEquals(0, replay.exit(), replay.all());
    assertTrue(replay.out().contains("record mode replay (CI=true)"), replay.out());
    assertTrue(replay.out().endsWith("2 passed, 0 failed, 0 skipped\n"), replay.out());
    assertEquals(crm, p.read("tests/cassettes/crm/contacts/test_creates_contact.json"), "replay writes nothing");
    assertNoSecrets(p, replay);
  }

  @Test
  void oneChangedBodyFieldFailsNamingTheFieldAndTheFix() throws IOException {
    ProjectDir p = project("Lovelace");
    addConnection(p);
    assertEquals(0, p.test().exit());
    wm.stop();
    ProjectDir changed = project("Byron");
    changed.env.put("CI", "1");
    ProjectDir.Run r = changed.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("no recorded response for this call — mode replay"), r.out());
    assertTrue(r.out().contains("body $.data[0].Last_Name   recorded \"Lovelace\"   sent \"Byron\""), r.out());
    assertTrue(r.out().contains("functions/crm.dg:10:5"), r.out());
    assertTrue(r.out().contains("fix: freshet test tests/crm/contacts.test.dg::test_creates_contact"
        + " --record=rewrite"), r.out());
    assertTrue(r.out().contains("✓ test_forecast"), r.out());
    assertFalse(r.out().contains("already played"), "only close candidates are shown:\n" + r.out());
  }

  @Test
  void aMissingCassetteInCiSaysHowToRecordIt() {
    ProjectDir p = project("Lovelace");
    p.env.put("CI", "true");
    ProjectDir.Run r = p.test("tests/weather.test.dg");
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("cassette tests/cassettes/weather/test_forecast.json is missing"), r.out());
    assertTrue(r.out().contains("freshet test tests/weather.test.dg::test_forecast --record=once"), r.out());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing went live");
  }

  @Test
  void theClockAndTheSeedAreFrozenAndReadBackFromTheCassette() throws Exception {
    ProjectDir p = project("Lovelace");
    assertEquals(0, p.test("--tz", "UTC", "tests/crm").exit());
    String cassette = p.read("tests/cassettes/crm/contacts/test_creates_contact.json");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"now\" : \"(\\d{4}-\\d\\d-\\d\\d)T([0-9:]{8})Z\"")
        .matcher(cassette);
    assertTrue(m.find(), cassette);
    wm.stop();
    Thread.sleep(1100); // a live clock would have moved on
    p.file("tests/crm/contacts.test.dg", """
        void test_creates_contact()
        {
            r = createContact("Lovelace");
            assertEquals("42", r.get("data").get(0).get("id"));
            assertEquals("WHEN", now.toString("yyyy-MM-dd HH:mm:ss"));
        }
        """.replace("WHEN", m.group(1) + " " + m.group(2)));
    p.env.put("CI", "true");
    ProjectDir.Run replay = p.test("tests/crm");
    // the request body holds a randomNumber: it matches only when the recorded seed is used again
    assertEquals(0, replay.exit(), replay.all());
  }

  @Test
  void parallelFilesWriteTheSameCassettesAsASerialRun() throws IOException {
    ProjectDir serial = new ProjectDir(dir.resolve("serial"));
    ProjectDir parallel = new ProjectDir(dir.resolve("parallel"));
    for (ProjectDir p : List.of(serial, parallel)) {
      p.file("functions/weather.dg", """
          map forecast(string city)
          {
              return invokeurl [ url: "BASE/forecast" type: GET parameters: {"city": city}
                  headers: {"X-Api-Key": "KEY"} ];
          }
          """.replace("BASE", base()).replace("KEY", API_KEY));
      for (int i = 0; i < 8; i++) {
        p.file("tests/city" + i + ".test.dg", """
            void test_a()
            {
                assertEquals("sunny", forecast("CITY-a").get("sky"));
            }
            void test_b()
            {
                assertEquals("sunny", forecast("CITY-b").get("sky"));
                assertEquals("sunny", forecast("CITY-c").get("sky"));
            }
            """.replace("CITY", "c" + i));
      }
    }
    assertEquals(0, serial.test().exit());
    assertEquals(0, parallel.test("--jobs", "4").exit());
    assertEquals(cassettes(serial), cassettes(parallel));
    assertEquals(16, cassettes(serial).size());
  }

  /** Every cassette by path, without the lines that say when it was recorded (the clock, the seed). */
  private static java.util.Map<String, String> cassettes(ProjectDir p) throws IOException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    Path root = p.root.resolve("tests/cassettes");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readString(f)
            .replaceAll("(?m)^.*\"(recorded_at|now|zone|seed)\" : .*$", ""));
      }
    }
    return out;
  }

  private void assertNoSecrets(ProjectDir p, ProjectDir.Run run) throws IOException {
    StringBuilder all = new StringBuilder(run.all());
    try (Stream<Path> files = Files.walk(p.root.resolve("tests/cassettes"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(f));
      }
    }
    if (p.exists("report.xml")) {
      all.append(p.read("report.xml"));
    }
    for (String s : SECRETS) {
      assertFalse(all.toString().contains(s), "secret " + s + " leaked:\n" + all);
    }
  }
}
