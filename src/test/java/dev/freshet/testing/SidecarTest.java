package dev.freshet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies over 256 KiB go to a file beside the cassette, redacted, and replay from it. */
class SidecarTest {
  static final String KEY = "sidecar-key-51e0b7aa";

  @TempDir
  Path dir;

  @Test
  void aLargeBodyIsKeptInABodyFileThatReplaysAndHoldsNoSecret() throws IOException {
    String big = "{\"items\":[" + "\"row\",".repeat(60_000) + "\"end\"],\"echo\":\"" + KEY + "\"}";
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(big)));
    wm.stubFor(get(urlPathEqualTo("/small")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"items\":[\"end\"]}")));
    ProjectDir p = new ProjectDir(dir);
    p.env.put("BIG_KEY", KEY);
    p.file("functions/f.dg", """
        list items(string path, string key)
        {
            return invokeurl [ url: "BASE" + path type: GET headers: {"X-Key": key} ].get("items");
        }
        """.replace("BASE", "http://127.0.0.1:" + wm.port()));
    p.file("tests/t.test.dg", """
        // @arg key env:BIG_KEY
        void test_big(string key)
        {
            assertEquals("end", items("/big", key).get(60000));
        }
        """);
    ProjectDir.Run record = p.test();
    wm.stop();
    assertEquals(0, record.exit(), record.all());
    String cassette = p.read("tests/cassettes/t/test_big.json");
    assertTrue(cassette.length() < 4000, "the body is not inline: " + cassette.length());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"file\" : \"(test_big\\.files/1-[0-9a-f]{8}\\.bin)\"")
        .matcher(cassette);
    assertTrue(m.find(), cassette);
    Path body = dir.resolve("tests/cassettes/t").resolve(m.group(1));
    String bodyText = Files.readString(body);
    assertTrue(bodyText.startsWith("{\"items\":[\"row\",") && bodyText.endsWith("\"echo\":\"<redacted:env:big_key#1>\"}"),
        bodyText.substring(bodyText.length() - 60));
    assertFalse(cassette.contains(KEY) || bodyText.contains(KEY) || record.all().contains(KEY));
    assertEquals(0, p.run("cassettes", "scan").exit());

    p.env.remove("BIG_KEY");
    p.env.put("CI", "true");
    ProjectDir.Run replay = p.test();
    assertEquals(0, replay.exit(), replay.all());

    Files.writeString(body, bodyText.replace("\"end\"", "\"END\""));
    ProjectDir.Run tampered = p.test();
    assertEquals(1, tampered.exit());
    assertTrue(tampered.out().contains("the body file " + m.group(1) + " of cassette tests/cassettes/t/test_big.json"
        + " does not match its sha256"), tampered.out());
    Files.delete(body);
    assertTrue(p.test().out().contains("names the body file " + m.group(1) + ", which is missing (commit the"
        + " test_big.files folder with the cassette)"));
  }

  @Test
  void reRecordingWithASmallBodyRemovesTheOldBodyFile() throws IOException {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    try {
      wm.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withBody("x".repeat(Sidecars.LIMIT + 1))));
      ProjectDir p = new ProjectDir(dir).file("functions/f.dg",
          "string x()\n{\n    return invokeurl [ url: \"http://127.0.0.1:" + wm.port() + "/x\" type: GET ];\n}\n")
          .file("tests/t.test.dg", "void test_x()\n{\n    x();\n}\n");
      assertEquals(0, p.test().exit());
      assertTrue(p.exists("tests/cassettes/t/test_x.files"));
      wm.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withBody("small")));
      assertEquals(0, p.test("--record", "rewrite").exit());
      assertFalse(p.exists("tests/cassettes/t/test_x.files"), "the unused body file and its folder are gone");
      assertTrue(p.read("tests/cassettes/t/test_x.json").contains("\"text\" : \"small\""));
    } finally {
      wm.stop();
    }
  }
}
