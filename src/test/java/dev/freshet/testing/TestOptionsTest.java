package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-test options {@code @tags}, {@code @only}, {@code @max-age}, {@code @arg}, and freshet.json's test section. */
class TestOptionsTest {
  static final String KEY = "sk-live-arg-4f1c9e77";
  static final String OTHER = "mc-other-secret-0b9d";

  @TempDir
  Path dir;

  private ProjectDir tagged() {
    return new ProjectDir(dir).file("tests/a.test.dg", """
        // @tags crm slow
        void test_crm_slow()
        {
            info "crm slow";
        }
        // @tags crm
        void test_crm()
        {
            info "crm";
        }
        void test_untagged()
        {
        }
        """);
  }

  @Test
  void tagsChooseTestsCommasMeanAllAndRepeatsMeanAny() {
    ProjectDir p = tagged();
    ProjectDir.Run crm = p.test("--tags", "crm");
    assertEquals(0, crm.exit(), crm.all());
    assertTrue(crm.out().contains("✓ test_crm_slow") && crm.out().contains("✓ test_crm\n"), crm.out());
    assertFalse(crm.out().contains("test_untagged"), crm.out());
    ProjectDir.Run fast = p.test("--tags", "crm,!slow");
    assertTrue(fast.out().contains("✓ test_crm\n") && !fast.out().contains("slow"), fast.out());
    ProjectDir.Run either = p.test("--tags", "slow", "--tags", "CRM,!slow");
    assertTrue(either.out().endsWith("2 passed, 0 failed, 0 skipped\n"), either.out());
    assertEquals(5, p.test("--tags", "billing").exit(), "no test has the tag: no tests found");
  }

  @Test
  void onlyRunsTheFocusedTestsAndFailsTheRunInCi() {
    ProjectDir p = tagged().file("tests/b.test.dg", """
        // @only
        void test_focus()
        {
        }
        void test_other()
        {
            fail("not run");
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().contains("✓ test_focus") && !r.out().contains("test_other") && !r.out().contains("test_crm"),
        r.out());
    assertTrue(r.err().contains("only the tests marked // @only ran: tests/b.test.dg::test_focus"), r.err());
    p.env.put("CI", "true");
    ProjectDir.Run ci = p.test();
    assertEquals(1, ci.exit(), ci.all());
    assertTrue(ci.err().contains("a committed // @only fails the run in CI"), ci.err());
  }

  @Test
  void aCassetteOlderThanItsMaxAgeWarnsOrFailsWithStale() throws IOException {
    WireMockServer wm = server();
    try {
      ProjectDir p = new ProjectDir(dir);
      p.file("functions/f.dg", "string sky()\n{\n    return invokeurl [ url: \"" + base(wm) + "/sky\" type: GET ];\n}\n");
      p.file("tests/s.test.dg", """
          // @max-age 30d
          void test_old()
          {
              assertEquals("blue", sky());
          }
          void test_project_age()
          {
              assertEquals("blue", sky());
          }
          """);
      assertEquals(0, p.test().exit());
      assertEquals(0, p.test().out().split("stale").length - 1, "fresh cassettes are not stale");
      for (String name : new String[] {"test_old", "test_project_age"}) {
        String path = "tests/cassettes/s/" + name + ".json";
        p.file(path, p.read(path).replaceFirst("\"now\" : \"[^\"]*\"", "\"now\" : \"2020-01-01T00:00:00Z\""));
      }
      ProjectDir.Run warn = p.test();
      assertEquals(0, warn.exit(), warn.all());
      assertTrue(warn.out().contains("stale cassettes (older than their max age; re-record with --record=rewrite),"
          + " oldest first:\n  tests/cassettes/s/test_old.json  recorded 2020-01-01T00:00:00Z, "), warn.out());
      assertTrue(warn.out().contains(" days ago (max age 30d)\n"), warn.out());
      assertFalse(warn.out().contains("test_project_age.json  recorded"), "no max age for it: " + warn.out());
      p.file("freshet.json", "{\"test\": {\"max_age\": \"26w\", \"stale\": \"error\"}}");
      ProjectDir.Run error = p.test();
      assertEquals(1, error.exit(), error.all());
      assertTrue(error.out().contains("cassette tests/cassettes/s/test_project_age.json is stale: recorded"
          + " 2020-01-01T00:00:00Z, older than its max age 26w (--stale=error)"), error.out());
      assertTrue(error.out().contains("✗ test_old"), "@max-age wins over the project's: " + error.out());
      assertEquals(0, p.test("--stale", "ignore").exit());
      assertEquals(64, p.test("--stale", "sometimes").exit());
      p.file("freshet.json", "{\"test\": {\"max_ages\": \"1d\"}}");
      ProjectDir.Run typo = p.test();
      assertEquals(64, typo.exit());
      assertTrue(typo.err().contains("freshet.json: unknown key test.max_ages"), typo.err());
    } finally {
      wm.stop();
    }
  }

  @Test
  void argFromTheEnvironmentIsRedactedEverywhereAndReplaysWithoutTheVariable() throws IOException {
    WireMockServer wm = server();
    ProjectDir p = new ProjectDir(dir);
    p.env.put("PAY_KEY", KEY);
    p.env.put("OTHER_KEY", OTHER);
    p.file("freshet.json", "{\"test\": {\"secrets\": [\"env:OTHER_KEY\"]}}");
    p.file("functions/pay.dg", """
        map charge(string key, string note)
        {
            return invokeurl
            [
                url: "BASE/charge"
                type: GET
                parameters: {"note": note}
                headers: {"X-Pay": key}
            ];
        }
        """.replace("BASE", base(wm)));
    p.file("tests/pay.test.dg", """
        // @arg apiKey env:PAY_KEY
        void test_charge(string apiKey)
        {
            info "using " + apiKey;
            r = charge(apiKey, "other is OTHER");
            assertEquals("ok", r.get("status"));
            assertEquals("wrong", apiKey, "shows the key");
        }
        """.replace("OTHER", OTHER));
    try {
      ProjectDir.Run record = p.test("--junit-path", "junit.xml", "--reporter", "pretty", "--reporter", "json");
      assertEquals(1, record.exit(), record.all());
      String cassette = p.read("tests/cassettes/pay/test_charge.json");
      assertTrue(cassette.contains("\"X-Pay\" : \"<redacted:env:pay_key#1>\""), cassette);
      assertTrue(cassette.contains("note=other+is+%3Credacted%3Aenv%3Aother_key%231%3E")
          || cassette.contains("<redacted:env:other_key#1>"), cassette);
      assertTrue(record.out().contains("using <redacted:env:pay_key#1>"), record.out());
      String everything = record.all() + cassette + p.read("junit.xml");
      assertFalse(everything.contains(KEY), everything);
      assertFalse(everything.contains(OTHER), everything);
    } finally {
      wm.stop();
    }
    p.env.remove("PAY_KEY"); // replay without the @arg's variable: the test gets the placeholder, which matches
    p.env.put("CI", "true");
    p.file("tests/pay.test.dg", p.read("tests/pay.test.dg").replace("assertEquals(\"wrong\", apiKey, \"shows the key\");",
        "assertEquals(\"<redacted:env:pay_key#1>\", apiKey);"));
    ProjectDir.Run replay = p.test();
    assertEquals(0, replay.exit(), replay.all());
    assertFalse(replay.all().contains(OTHER), replay.all());

    p.env.remove("CI");
    ProjectDir.Run missing = p.test("--record", "rewrite");
    assertEquals(1, missing.exit(), missing.all());
    assertTrue(missing.out().contains("tests/pay.test.dg:2: @arg apiKey env:PAY_KEY: the environment variable PAY_KEY"
        + " is not set, and this test records (mode rewrite)"), missing.out());
  }

  @Test
  void aParameterWithoutArgOrAnArgWithoutParameterIsAnError() {
    ProjectDir p = new ProjectDir(dir).file("tests/a.test.dg", """
        void test_needs(string token)
        {
        }
        // @arg nothing env:X
        void test_extra()
        {
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("test_needs takes the parameter token: give its value with // @arg token"
        + " env:VARIABLE above the function"), r.out());
    assertTrue(r.out().contains("// @arg nothing: test_extra has no parameter of that name"), r.out());
  }

  private static WireMockServer server() {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathEqualTo("/sky")).willReturn(aResponse().withBody("blue")));
    wm.stubFor(get(urlPathEqualTo("/charge")).withHeader("X-Pay", equalTo(KEY)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ok\",\"echo\":\"" + KEY + "\"}")));
    return wm;
  }

  private static String base(WireMockServer wm) {
    return "http://127.0.0.1:" + wm.port();
  }
}
