package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cassette's {@code from}: each recorded call names the Deluge line that made it (path relative to the project,
 * line:column of the task, its name), in a function file and in the test file as written (its asserts are rewritten
 * before it runs); {@code httpCalls()} shows it too. Matching ignores it, so moved lines still replay; failures name it.
 * In the tree-walker and with every function compiled at its first call.
 */
class CassetteFromTest {
  static final String FUNCTIONS = """
      map createContact(string last)
      {
          response = invokeurl
          [
              url: "BASE/contacts"
              type: POST
              body: {"Last_Name": last}
          ];
          return response;
      }
      """;
  static final String TEST = """
      void test_creates_contact()
      {
          assertEquals("42", createContact("LAST").get("id"));
          assert(getUrl("BASE/ping") == "pong");
          calls = httpCalls();
          assertEquals("functions/crm/contacts.dg:LINE:16 invokeurl", calls.get(0).get("from"));
          assertEquals("tests/crm/contacts.test.dg:4:12 getUrl", calls.get(1).get("from"));
      }
      """;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {false, true})
  void eachRecordedCallNamesTheLineThatMadeIt(boolean compiled) throws Exception {
    ProjectDir.inTier(compiled, this::recordMoveAndReplay);
  }

  private void recordMoveAndReplay() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlPathEqualTo("/contacts")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"42\"}")));
    wm.stubFor(get(urlPathEqualTo("/ping")).willReturn(aResponse().withBody("pong")));
    ProjectDir p = new ProjectDir(dir);
    p.file("functions/crm/contacts.dg", FUNCTIONS.replace("BASE", base));
    p.file("tests/crm/contacts.test.dg", TEST.replace("BASE", base).replace("LAST", "Lovelace")
        .replace("LINE", "3"));
    try {
      ProjectDir.Run record = p.test();
      assertEquals(0, record.exit(), record.all());
    } finally {
      wm.stop();
    }
    String cassette = p.read("tests/cassettes/crm/contacts/test_creates_contact.json");
    assertTrue(cassette.contains("""
              "seq" : 1,
              "from" : "functions/crm/contacts.dg:3:16 invokeurl",
              "connection" : null,
        """), cassette);
    assertTrue(cassette.contains("""
              "seq" : 2,
              "from" : "tests/crm/contacts.test.dg:4:12 getUrl",
              "connection" : null,
        """), cassette);

    // two lines more above the invokeurl: it still replays (httpCalls() says where the call is now), and the
    // cassette keeps the line it was recorded from
    p.env.put("CI", "true");
    p.file("functions/crm/contacts.dg", "// contacts\n\n" + FUNCTIONS.replace("BASE", base));
    p.file("tests/crm/contacts.test.dg", TEST.replace("BASE", base).replace("LAST", "Lovelace")
        .replace("LINE", "5"));
    ProjectDir.Run moved = p.test();
    assertEquals(0, moved.exit(), moved.all());
    assertEquals(cassette, p.read("tests/cassettes/crm/contacts/test_creates_contact.json"));

    p.file("tests/crm/contacts.test.dg", TEST.replace("BASE", base).replace("LAST", "Byron").replace("LINE", "5"));
    ProjectDir.Run changed = p.test();
    assertEquals(1, changed.exit(), changed.all());
    assertTrue(changed.out().contains("functions/crm/contacts.dg:5:5: runtime error: no recorded response for this"
        + " call"), changed.all());
    assertTrue(changed.out().contains("closest unplayed: seq 1 (from functions/crm/contacts.dg:3:16 invokeurl)\n"),
        changed.all());

    p.file("tests/crm/contacts.test.dg", """
        void test_creates_contact()
        {
            assertEquals("42", createContact("Lovelace").get("id"));
        }
        """);
    ProjectDir.Run unplayed = p.test();
    assertEquals(1, unplayed.exit(), unplayed.all());
    assertTrue(unplayed.out().contains("1 recorded call was never made: seq 2 GET " + base
        + "/ping (from tests/crm/contacts.test.dg:4:12 getUrl)"), unplayed.all());
    // a CI annotation points at the call that was recorded and not made, not at the test
    ProjectDir.Run annotated = p.test("--reporter", "github");
    assertTrue(annotated.out().contains("::error file=tests/crm/contacts.test.dg,line=4,col=12,title="),
        annotated.all());
  }
}
