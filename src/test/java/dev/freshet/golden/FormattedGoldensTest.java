package dev.freshet.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.freshet.fmt.FormatException;
import dev.freshet.fmt.Formatter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The formatter's round trip: every golden script under {@code scripts/} and every sample that parses is formatted,
 * then run exactly as its golden case runs (same options, standard input and neighbouring files). It prints the same
 * standard output and ends with the same exit code; its standard error names the same problems, though at the lines
 * and columns of the formatted text, so positions and the quoted source lines are not compared. Scripts that do not
 * parse (the parse-error cases) are left out: the formatter refuses them (FmtCommandTest).
 */
class FormattedGoldensTest {
  private static final Pattern HEADER = Pattern.compile("^(\\S.*?):\\d+:\\d+: (error|warning|runtime error): (.*)$");
  private final Map<Path, Path> copies = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> formattedScriptsPrintWhatTheOriginalsPrint() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Stream.concat(Files.walk(GoldenScriptsTest.ROOT), Files.list(Path.of("samples")))) {
      scripts = files.filter(p -> p.toString().endsWith(".dg")).sorted().toList();
    }
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> roundTrip(p)));
  }

  private void roundTrip(Path script) throws IOException {
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    Path dir = script.getParent();
    String text = Files.readString(script, StandardCharsets.UTF_8);
    String formatted;
    try {
      formatted = Formatter.format(name, text);
    } catch (FormatException e) {
      return; // a parse-error case
    }
    Path copy = copies.computeIfAbsent(dir, FormattedGoldensTest::copyOf).resolve(name);
    Files.writeString(copy, formatted, StandardCharsets.UTF_8);
    Path inFile = dir.resolve(base + ".in");
    InputStream in = Files.exists(inFile) ? Files.newInputStream(inFile) : new ByteArrayInputStream(new byte[0]);
    GoldenScriptsTest.Run run = GoldenScriptsTest.run(copy.getParent(), in,
        GoldenScriptsTest.args(script, List.of()).toArray(String[]::new));
    String expectedOut = Files.readString(dir.resolve(base + ".out"), StandardCharsets.UTF_8);
    Path exitFile = dir.resolve(base + ".exit");
    int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
    Path errFile = dir.resolve(base + ".err");
    String expectedErr = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
    assertEquals(expectedOut, run.out(), "standard output of the formatted " + script + "\n" + formatted);
    assertEquals(expectedExit, run.exit(), "exit code of the formatted " + script + "\n" + run.err());
    if (!dir.getFileName().toString().equals("conformance")) {
      assertEquals(problems(expectedErr), problems(run.err()), "standard error of the formatted " + script);
    }
  }

  /** The diagnostics of standard error without their positions. */
  private static List<String> problems(String err) {
    return err.lines().map(HEADER::matcher).filter(Matcher::matches)
        .map(m -> m.group(1) + ": " + m.group(2) + ": " + m.group(3)).toList();
  }

  /** A temporary copy of a golden folder's files, so each formatted script runs beside what the original had. */
  private static Path copyOf(Path dir) {
    try {
      Path copy = Files.createTempDirectory("freshet-fmt-roundtrip");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      return copy;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
