package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code freshet run FILE} and {@code run --tz ZONE FILE} skip picocli ({@link RunCommand#direct}), with the same
 * standard output, standard error and exit code as through picocli, for every sample and golden script whose output
 * does not depend on the clock, the network or mail.
 */
class CliFastPathTest {
  /** Scripts whose two runs could differ for reasons other than the command line. */
  private static final Pattern UNSTEADY =
      Pattern.compile("\\b(now|today|randomNumber|invokeurl|sendmail|getUrl|postUrl|putUrl|patchUrl|deleteUrl)\\b");

  @TempDir
  static Path home;

  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, BiFunction<String[], Terminal, Integer> main, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.remove("FRESHET_SMTP_URL");
    int exit = main.apply(args, new Terminal(dir, new ByteArrayInputStream(new byte[0]), outStream, errStream, env));
    outStream.flush();
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void same(Path dir, String... args) {
    assertNotNull(RunCommand.direct(args, null), "takes the direct path: " + List.of(args));
    Run direct = run(dir, Main::execute, args);
    Run picocli = run(dir, Main::parseAndExecute, args);
    assertEquals(picocli, direct, List.of(args) + " in " + dir);
  }

  /** The samples, with and without --tz, both ways. */
  @TestFactory
  Stream<DynamicTest> samplesGiveTheSameResultWithoutPicocli() throws IOException {
    return scripts(Path.of("samples")).map(p -> dynamicTest(p.toString(), () -> {
      Path dir = p.toAbsolutePath().getParent();
      String name = p.getFileName().toString();
      same(dir, "run", name);
      same(dir, "run", "--tz", "UTC", name);
      same(dir, "run", name, "--tz", "Asia/Kolkata");
      same(dir, "run", "--no-compile", "--tz", "UTC", name);
    }));
  }

  /**
   * The golden scripts (GoldenScriptsTest runs them through picocli) print their expected output on the direct path:
   * {@code NAME.out}, {@code NAME.exit}, {@code NAME.err} (under conformance/, each of its lines).
   */
  @TestFactory
  Stream<DynamicTest> goldenScriptsWithoutPicocli() throws IOException {
    return scripts(Path.of("src/test/resources/scripts")).map(p -> dynamicTest(p.toString(), () -> {
      Path dir = p.toAbsolutePath().getParent();
      String name = p.getFileName().toString();
      String base = name.substring(0, name.length() - 3);
      String[] args = {"run", "--tz", "UTC", name};
      assertNotNull(RunCommand.direct(args, null));
      Run result = run(dir, Main::execute, args);
      Path exit = dir.resolve(base + ".exit");
      Path err = dir.resolve(base + ".err");
      String expectedErr = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
      assertEquals(Files.readString(dir.resolve(base + ".out"), StandardCharsets.UTF_8), result.out(), result.err());
      assertEquals(Files.exists(exit) ? Integer.parseInt(Files.readString(exit).trim()) : 0, result.exit());
      if (dir.getFileName().toString().equals("conformance")) {
        for (String line : expectedErr.split("\n")) {
          assertTrue(line.isBlank() || result.err().contains(line), line);
        }
      } else {
        assertEquals(expectedErr, result.err());
      }
    }));
  }

  private static Stream<Path> scripts(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".dg")).filter(CliFastPathTest::steady).sorted().toList().stream();
    }
  }

  private static boolean steady(Path script) {
    String base = script.toString().substring(0, script.toString().length() - 3);
    try {
      return !Files.exists(Path.of(base + ".args")) && !Files.exists(Path.of(base + ".in"))
          && !UNSTEADY.matcher(Files.readString(script, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void usageErrorsAreTheSame() {
    Path dir = Path.of("samples").toAbsolutePath();
    same(dir, "run", "no-such-file.dg");
    same(dir, "run", "--tz", "Mars/Olympus", "hello.dg");
    same(dir, "run", ".");
  }

  @Test
  void everyOtherCommandLineGoesToPicocli() {
    for (String[] args : new String[][] {{"run"}, {"run", "-"}, {"run", "--", "a.dg"}, {"run", "@args"},
        {"run", "\"a.dg\""}, {"run", ""}, {"run", "a.dg", "b.dg"}, {"run", "--tz", "UTC"},
        {"run", "--tz", "UTC", "--tz", "UTC", "a.dg"}, {"run", "--tz", "-05:00", "a.dg"}, {"run", "--tz=UTC", "a.dg"},
        {"run", "a.dg", "--debug"}, {"run", "--no-compile", "--no-compile", "a.dg"}, {"run", "--no-compile"},
        {"run", "--no-compile=true", "a.dg"}, {"run", "-e", "info 1;"}, {"run", "--help"}, {"check", "a.dg"},
        {"Run", "a.dg"}, {"a.dg"}, {}}) {
      assertNull(RunCommand.direct(args, null), List.of(args).toString());
    }
    RunCommand both = RunCommand.direct(new String[] {"run", "a.dg", "--tz", "UTC"}, null);
    assertEquals("a.dg", both.file);
    assertEquals("UTC", both.tz);
    RunCommand all = RunCommand.direct(new String[] {"run", "--tz", "UTC", "a.dg", "--no-compile"}, null);
    assertEquals("a.dg", all.file);
    assertTrue(all.noCompile);
  }
}
