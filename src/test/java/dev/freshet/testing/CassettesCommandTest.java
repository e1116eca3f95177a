package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshet cassettes list} and {@code freshet cassettes scan} over committed cassettes. */
class CassettesCommandTest {
  static final String TOKEN = "1000.9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String ENV_SECRET = "shop-pass-771fa0c9";

  @TempDir
  Path dir;

  /** samples/testing's cassettes, copied, with its test file; recorded (clock.now) at 2026-11-29T10:15:02Z. */
  private ProjectDir sample() throws IOException {
    ProjectDir p = new ProjectDir(dir);
    Path from = Path.of("samples/testing");
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        p.file(from.relativize(f).toString(), Files.readString(f)
            .replaceAll("\"now\" : \"[^\"]+\"", "\"now\" : \"2026-11-29T15:45:02+05:30\""));
      }
    }
    return p;
  }

  private static final String CASSETTE = "tests/cassettes/crm/createContact/test_creates_contact_and_returns_id.json";

  @Test
  void theCommittedSampleCassettesAreClean() throws IOException {
    ProjectDir.Run r = sample().run("cassettes", "scan");
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().endsWith("2 cassettes scanned: no secret found\n"), r.out());
  }

  @Test
  void aTokenWrittenIntoACassetteByHandIsALeakNamedByPathNeverShown() throws IOException {
    ProjectDir p = sample();
    p.file(CASSETTE, p.read(CASSETTE).replace("\"Content-Type\" : \"application/json\"",
        "\"Content-Type\" : \"application/json\", \"Authorization\" : \"Zoho-oauthtoken " + TOKEN + "\""));
    ProjectDir.Run r = p.run("cassettes", "scan");
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains(CASSETTE + ": leak: $.interactions[0].request.headers.Authorization: a secret"
        + " (access_token) is not redacted"), r.out());
    assertTrue(r.out().endsWith("2 cassettes scanned: 1 leak\n"), r.out());
    assertFalse(r.all().contains(TOKEN), r.all());
  }

  @Test
  void aSecretFromTheEnvironmentIsFoundInAnyEncodingAndRandomKeysAndRealEmailsWarn() throws IOException {
    ProjectDir p = sample();
    p.env.put("SHOP_PASSWORD", ENV_SECRET);
    p.file("freshet.json", "{\"test\": {\"secrets\": [\"env:SHOP_PASSWORD\"]}}");
    p.file(CASSETTE, p.read(CASSETTE)
        .replace("\"message\" : \"record added\"", "\"message\" : \"record added by "
            + java.net.URLEncoder.encode(ENV_SECRET + "/x", java.nio.charset.StandardCharsets.UTF_8) + "\"")
        .replace("\"code\" : \"SUCCESS\"", "\"code\" : \"SUCCESS\", \"sync_token\" : \"Qm9vayBvZiBGcmVzaGV0IHJ1bnM\","
            + " \"owner\" : \"jane@realcustomer.co\""));
    ProjectDir.Run r = p.run("cassettes", "scan");
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains(CASSETTE + ": leak: $.interactions[0].response.body.json.data[0].message: secret"
        + " (env:shop_password) is not redacted"), r.out());
    assertTrue(r.out().contains(CASSETTE + ": warning: $.interactions[0].response.body.json.data[0].sync_token: a long"
        + " random-looking value under a secret-like key"), r.out());
    assertTrue(r.out().contains(CASSETTE + ": warning: $.interactions[0].response.body: an email address at"
        + " realcustomer.co in a response"), r.out());
    assertFalse(r.all().contains(ENV_SECRET), r.all());
    assertFalse(r.all().contains("jane@"), r.all());
  }

  @Test
  void listShowsEveryCassetteAndStaleOrUnusedOnesOnDemand() throws IOException {
    ProjectDir p = sample();
    p.file("freshet.json", "{\"test\": {\"max_age\": \"1d\"}}");
    p.file("tests/cassettes/crm/createContact/test_renamed_away.json", p.read(CASSETTE)
        .replace("2026-11-29T15:45:02+05:30", "2099-01-01T00:00:00Z"));
    ProjectDir.Run all = p.run("cassettes", "list");
    assertEquals(0, all.exit(), all.all());
    assertEquals("""
        tests/cassettes/crm/createContact/test_creates_contact_and_returns_id.json  2026-11-29T10:15:02Z  1 call  stale
        tests/cassettes/crm/createContact/test_duplicate_email_is_reported.json  2026-11-29T10:15:02Z  1 call  stale
        tests/cassettes/crm/createContact/test_renamed_away.json  2099-01-01T00:00:00Z  1 call  unused (no test uses it)
        """, all.out());
    ProjectDir.Run unused = p.run("cassettes", "list", "--unused");
    assertEquals("tests/cassettes/crm/createContact/test_renamed_away.json  2099-01-01T00:00:00Z  1 call  unused (no"
        + " test uses it)\n", unused.out());
    assertEquals(2, p.run("cassettes", "list", "--stale").out().lines().count());
  }
}
