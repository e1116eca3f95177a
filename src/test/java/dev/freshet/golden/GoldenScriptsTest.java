package dev.freshet.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/scripts/**}{@code /NAME.dg} through the CLI ({@code freshet run --tz UTC NAME.dg}
 * from its folder) and compares: {@code NAME.out} is the exact standard output; {@code NAME.exit} the exit code (0 when
 * absent); {@code NAME.err} the exact standard error (empty when absent) — except under {@code conformance/}, where,
 * as in the shared suite, each line of {@code NAME.err} must appear somewhere in standard error. Optional
 * {@code NAME.args} adds CLI options (one per line) and {@code NAME.in} is standard input.
 */
class GoldenScriptsTest {
  static final Path ROOT = Path.of("src/test/resources/scripts");
  /** The environment scripts run in: a FRESHET_HOME of their own, never the user's connections. */
  static final java.util.Map<String, String> ISOLATED = isolated();

  private static java.util.Map<String, String> isolated() {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("FRESHET_HOME", TempFolders.create("freshet-golden-home").toString());
    env.remove("FRESHET_SMTP_URL");
    return env;
  }

  @TestFactory
  Stream<DynamicNode> scripts() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(ROOT)) {
      scripts = files.filter(p -> p.toString().endsWith(".dg")).sorted().toList();
    }
    return scripts.stream().map(GoldenScriptsTest::test);
  }

  /** The runnable samples print exactly what their {@code .out} files (shown in the docs) say. */
  @TestFactory
  Stream<DynamicNode> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.toString(), p.toUri(), () -> check(p)));
    }
  }

  static DynamicTest test(Path script) {
    return dynamicTest(ROOT.relativize(script).toString(), script.toUri(), () -> check(script));
  }

  static void check(Path script) throws IOException {
    check(script, List.of());
  }

  /** Runs one golden script with extra CLI options (e.g. {@code --arg base=http://127.0.0.1:PORT}). */
  static void check(Path script, List<String> extraArgs) throws IOException {
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    Path dir = script.getParent();
    List<String> args = args(script, extraArgs);
    Path inFile = dir.resolve(base + ".in");
    InputStream in = Files.exists(inFile) ? Files.newInputStream(inFile) : new ByteArrayInputStream(new byte[0]);
    Run result = run(dir, in, args.toArray(String[]::new));

    String expectedOut = Files.readString(dir.resolve(base + ".out"), StandardCharsets.UTF_8);
    Path exitFile = dir.resolve(base + ".exit");
    int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
    Path errFile = dir.resolve(base + ".err");
    String expectedErr = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";

    assertEquals(expectedOut, result.out, "standard output of " + script + "\nstderr was:\n" + result.err);
    if (dir.getFileName().toString().equals("conformance")) {
      for (String line : expectedErr.split("\n")) {
        assertTrue(line.isBlank() || result.err.contains(line), "stderr lacks '" + line + "':\n" + result.err);
      }
    } else {
      assertEquals(expectedErr, result.err, "standard error of " + script);
    }
    assertEquals(expectedExit, result.exit, "exit code of " + script + "\nstderr was:\n" + result.err);
  }

  /** The command line a golden script runs with: {@code run --tz UTC}, its {@code NAME.args}, a private outbox. */
  static List<String> args(Path script, List<String> extraArgs) throws IOException {
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    Path dir = script.getParent();
    List<String> args = new ArrayList<>(List.of("run"));
    Path argsFile = dir.resolve(base + ".args");
    List<String> extra = Files.exists(argsFile)
        ? Files.readAllLines(argsFile).stream().filter(l -> !l.isBlank()).toList() : List.of();
    if (!extra.contains("--tz")) {
      args.addAll(List.of("--tz", "UTC")); // a case may choose its own zone in NAME.args
    }
    args.addAll(extra);
    if (!extra.contains("--mail-outbox")) {
      // sendmail in a golden case never writes into the user's home folder
      args.addAll(List.of("--mail-outbox", TempFolders.MAIL_OUTBOX.toString()));
    }
    args.addAll(extraArgs);
    args.add(name);
    return args;
  }

  record Run(int exit, String out, String err) {}

  static Run run(Path dir, InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = Main.execute(args, new Terminal(dir, in, outStream, errStream, ISOLATED));
    outStream.flush();
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
