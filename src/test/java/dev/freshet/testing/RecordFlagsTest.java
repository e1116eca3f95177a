package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/** {@code --read-only}, {@code --discard-on-failure} and {@code --record-timing} against WireMock as the API. */
class RecordFlagsTest {
  @TempDir
  Path dir;
  WireMockServer wm;
  ProjectDir p;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true}")));
    p = new ProjectDir(dir).file("functions/api.dg", """
        map call(string method)
        {
            return invokeurl [ url: "BASE/things" type: method ];
        }
        """.replace("BASE", "http://127.0.0.1:" + wm.port()));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void readOnlyRefusesWritesToTheNetworkButLetsReadsAndStubsThrough() throws IOException {
    p.file("tests/t.test.dg", """
        void test_read()
        {
            assertTrue(call("GET").get("ok"));
        }
        void test_write()
        {
            try
            {
                call("POST");
            }
            catch (e)
            {
                info "caught " + e;
            }
        }
        void test_stubbed_write()
        {
            stub [ url: "BASE/things" type: POST body: {"ok": true} ];
            assertTrue(call("POST").get("ok"));
        }
        """.replace("BASE", "http://127.0.0.1:" + wm.port()));
    ProjectDir.Run r = p.test("--read-only");
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("✓ test_read") && r.out().contains("✗ test_write  (error)")
        && r.out().contains("✓ test_stubbed_write"), r.out());
    assertTrue(r.out().contains("functions/api.dg:3:5: runtime error: --read-only: refusing to send POST http://127.0.0.1:"
        + wm.port() + "/things to the network (mode once)"), r.out());
    assertFalse(r.out().contains("caught"), "the script cannot catch the refusal: " + r.out());
    wm.verify(0, postRequestedFor(urlPathEqualTo("/things")));
    assertTrue(p.exists("tests/cassettes/t/test_read.json"));
  }

  @Test
  void aFailingRecordingTestWritesItsCassetteUnlessDiscardOnFailure() throws IOException {
    p.file("tests/t.test.dg", """
        void test_fails_after_the_call()
        {
            call("GET");
            fail("after the call");
        }
        """);
    ProjectDir.Run discard = p.test("--discard-on-failure");
    assertEquals(1, discard.exit(), discard.all());
    assertTrue(discard.out().contains("cassette tests/cassettes/t/test_fails_after_the_call.json not written: the test"
        + " failed (--discard-on-failure)"), discard.out());
    assertFalse(p.exists("tests/cassettes/t/test_fails_after_the_call.json"));
    ProjectDir.Run kept = p.test();
    assertTrue(kept.out().contains("recorded 1 call to tests/cassettes/t/test_fails_after_the_call.json (written"
        + " although the test failed)"), kept.out());
    assertTrue(p.exists("tests/cassettes/t/test_fails_after_the_call.json"));
  }

  @Test
  void recordTimingAddsElapsedMsWhichReplayIgnores() throws IOException {
    p.file("tests/t.test.dg", """
        void test_get()
        {
            assertTrue(call("GET").get("ok"));
        }
        """);
    assertEquals(0, p.test().exit());
    assertFalse(p.read("tests/cassettes/t/test_get.json").contains("elapsed_ms"), "not without the option");
    assertEquals(0, p.test("--record-timing", "--record", "rewrite").exit());
    String cassette = p.read("tests/cassettes/t/test_get.json");
    assertTrue(cassette.matches("(?s).*\"body\" : \\{.*\\},\\s+\"elapsed_ms\" : \\d+\\s+}\\s+]\\s+}\\s+"), cassette);
    wm.stop();
    p.env.put("CI", "true");
    ProjectDir.Run replay = p.test();
    assertEquals(0, replay.exit(), replay.all());
  }
}
