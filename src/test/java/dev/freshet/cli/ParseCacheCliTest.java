package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshet run} keeps parsed scripts in the home folder; an edited script always runs as edited. */
class ParseCacheCliTest {
  @TempDir
  Path home;
  @TempDir
  Path work;

  private String run(Map<String, String> extraEnv, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.remove("FRESHET_CACHE");
    env.putAll(extraEnv);
    PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
    int exit = Main.execute(args, new Terminal(work, new ByteArrayInputStream(new byte[0]), o,
        new PrintStream(err, true, StandardCharsets.UTF_8), env));
    o.flush();
    return exit + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private long cached() throws IOException {
    Path dir = home.resolve("cache/parsed");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".ast")).count();
    }
  }

  @Test
  void anEditedScriptRunsAsEditedAndEachTextIsKeptOnce() throws IOException {
    Path script = work.resolve("s.dg");
    Files.writeString(script, "x = 1;\ninfo x + 1;\n");
    assertEquals("0:2\n", run(Map.of(), "run", "s.dg"));
    assertEquals(1, cached());
    assertEquals("0:2\n", run(Map.of(), "run", "s.dg"));
    assertEquals(1, cached(), "the second run used the entry");

    Files.writeString(script, "x = 1;\ninfo x + 2;\n");
    assertEquals("0:3\n", run(Map.of(), "run", "s.dg"));
    assertEquals(2, cached());

    Files.writeString(script, "x = 1;\ninfo x +;\n");
    String broken = run(Map.of(), "run", "s.dg");
    assertTrue(broken.startsWith(Main.COMPILE_ERROR + ":s.dg:2:9: error"), broken);
    assertEquals(2, cached(), "a script that does not parse is not kept");
  }

  @Test
  void noCacheAndFreshetCacheOffParseEveryTimeAndKeepNothing() throws IOException {
    Files.writeString(work.resolve("s.dg"), "info \"hi\";\n");
    assertEquals("0:hi\n", run(Map.of(), "run", "--no-cache", "s.dg"));
    assertEquals("0:hi\n", run(Map.of("FRESHET_CACHE", "off"), "run", "s.dg"));
    assertFalse(Files.exists(home.resolve("cache")));
    assertEquals("0:hi\n", run(Map.of("FRESHET_CACHE", "on"), "run", "s.dg"));
    assertEquals(1, cached());
  }
}
