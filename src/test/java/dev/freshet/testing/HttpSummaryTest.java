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

/** The HTTP summary at the end of the pretty report, the JUnit {@code http} property and the JSON {@code http}. */
class HttpSummaryTest {
  @TempDir
  Path dir;
  WireMockServer wm;
  int port;
  ProjectDir p;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    port = wm.port();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true}")));
    p = new ProjectDir(dir).file("functions/api.dg", """
        map call(string method, string path)
        {
            return invokeurl [ url: "BASE/" + path type: method ];
        }
        """.replace("BASE", "http://127.0.0.1:" + port));
    tests("""
        call("GET", "b");""");
  }

  /** test_a makes two calls (and {@code more}), test_b one call and one a stub answers, test_c none. */
  private void tests(String more) {
    p.file("tests/t.test.dg", """
        // @allow-unused
        void test_a()
        {
            call("GET", "a");
            MORE
        }
        void test_b()
        {
            stub [ url: "BASE/stubbed" type: POST body: {"ok": true} ];
            call("POST", "stubbed");
            call("POST", "c");
        }
        void test_c()
        {
            assertEquals(2, 1 + 1);
        }
        """.replace("BASE", "http://127.0.0.1:" + port).replace("MORE", more));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void recordingThenReplayingCountsRecordedReplayedStubbedAndUnusedCalls() throws IOException {
    ProjectDir.Run record = p.test("--junit-path", "report.xml");
    assertEquals(0, record.exit(), record.all());
    assertTrue(record.out().endsWith("\nHTTP: 0 replayed, 3 recorded, 0 live, 0 unused, 1 stubbed\n\n"
        + "3 passed, 0 failed, 0 skipped\n"), record.out());
    String xml = p.read("report.xml");
    assertTrue(xml.contains("""
          <testcase classname="tests/t.test.dg" name="test_a" file="tests/t.test.dg" line="2\""""), xml);
    assertTrue(xml.contains("""
              <properties>
                <property name="cassette" value="tests/cassettes/t/test_a.json"/>
                <property name="http" value="0 replayed, 2 recorded, 0 live, 0 unused, mode once"/>
              </properties>
        """), xml);
    assertTrue(xml.contains("""
            <property name="http" value="0 replayed, 1 recorded, 0 live, 0 unused, 1 stubbed, mode once"/>
        """), xml);
    String testC = xml.substring(xml.indexOf("name=\"test_c\""));
    assertFalse(testC.contains("<property"), "a test without HTTP has no properties:\n" + xml);

    wm.stop();
    tests(""); // test_a no longer makes its second call: that recorded call goes unused
    p.env.put("CI", "true");
    ProjectDir.Run replay = p.test("--junit-path", "report.xml", "--reporter", "pretty", "--reporter", "json");
    assertEquals(0, replay.exit(), replay.all());
    assertTrue(replay.out().contains("\nHTTP: 2 replayed, 0 recorded, 0 live, 1 unused, 1 stubbed\n\n"
        + "3 passed, 0 failed, 0 skipped\n"), replay.out());
    assertTrue(p.read("report.xml").contains(
        "<property name=\"http\" value=\"1 replayed, 0 recorded, 0 live, 1 unused, mode replay\"/>"),
        p.read("report.xml"));
    assertTrue(replay.out().contains("\"http\":{\"replayed\":1,\"recorded\":0,\"live\":0,\"stubbed\":0,\"unused\":1,"
        + "\"mode\":\"replay\"}"), replay.out());
  }

  @Test
  void liveCallsAreCountedAsLiveAndNoHttpMeansNoSummary() {
    ProjectDir.Run live = p.test("--record=live");
    assertEquals(0, live.exit(), live.all());
    assertTrue(live.out().contains("\nHTTP: 0 replayed, 0 recorded, 3 live, 0 unused, 1 stubbed\n"), live.out());
    assertFalse(p.exists("tests/cassettes/t"), "live writes no cassette");

    ProjectDir.Run none = p.test("tests/t.test.dg::test_c");
    assertEquals(0, none.exit(), none.all());
    assertFalse(none.out().contains("HTTP:"), none.out());
  }
}
