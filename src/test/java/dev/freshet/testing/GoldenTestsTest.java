package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden-style tests: a .dg under tests/ with a .out beside it runs whole, with a cassette of its own. */
class GoldenTestsTest {
  @TempDir
  Path dir;

  @Test
  void aGoldenScriptRecordsReplaysOfflineAndFailsOnChangedOutput() throws IOException {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathEqualTo("/sky")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"sky\":\"clear\",\"temp\":21}")));
    ProjectDir p = new ProjectDir(dir)
        .file("functions/weather.dg", """
            map weather()
            {
                return invokeurl [ url: "BASE/sky" type: GET ];
            }
            """.replace("BASE", "http://127.0.0.1:" + wm.port()))
        .file("tests/golden/report.dg", """
            w = weather();
            info "sky: " + w.get("sky");
            info "temp: " + w.get("temp");
            """)
        .file("tests/golden/report.out", "sky: clear\ntemp: 21\n")
        .file("tests/golden/notes.txt.dg", "info 1;\n") // no .out beside it: not a test
        .file("tests/a.test.dg", "void test_a()\n{\n    assertEquals(\"clear\", weather().get(\"sky\"));\n}\n");
    ProjectDir.Run record = p.test();
    wm.stop();
    assertEquals(0, record.exit(), record.all());
    assertTrue(record.out().contains("tests/golden/report.dg\n  ✓ report\n"), record.out());
    assertTrue(record.out().endsWith("2 passed, 0 failed, 0 skipped\n"), record.out());
    assertTrue(p.read("tests/cassettes/golden/report.json").contains("\"test\" : \"tests/golden/report.dg::report\""));

    p.env.put("CI", "true");
    assertEquals(0, p.test("tests/golden").exit());
    assertEquals(0, p.test("tests/golden/report.dg").exit());
    p.file("tests/golden/report.out", "sky: clear\ntemp: 22\n");
    ProjectDir.Run changed = p.test();
    assertEquals(1, changed.exit(), changed.all());
    assertTrue(changed.out().contains("""
          tests/golden/report.dg: the output differs from tests/golden/report.out at line 2
            expected: "temp: 22"
            actual:   "temp: 21"
        """), changed.out());
    assertTrue(changed.out().contains("  info:\n    sky: clear\n    temp: 21\n"), changed.out());
    p.file("tests/golden/report.out", "sky: clear\n");
    assertTrue(p.test().out().contains("at line 2\n    expected: (end of output)\n    actual:   \"temp: 21\""));
  }

  @Test
  void aGoldenScriptMakesNoHttpCallWhileTheFilesAreChecked() {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    try {
      wm.stubFor(get(urlPathEqualTo("/n")).willReturn(aResponse().withBody("1")));
      ProjectDir p = new ProjectDir(dir)
          .file("tests/once.dg", "info invokeurl [ url: \"http://127.0.0.1:" + wm.port() + "/n\" type: GET ];\n")
          .file("tests/once.out", "1\n");
      assertEquals(0, p.test().exit());
      assertEquals(1, wm.getAllServeEvents().size(), "one call: the recording, none for the check");
    } finally {
      wm.stop();
    }
  }
}
