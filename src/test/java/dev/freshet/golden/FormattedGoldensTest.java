package dev.freshet.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @TestFactory
  Stream<DynamicTest> formattedScriptsPrintWhatTheOriginalsPrint() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Stream.concat(Files.walk(GoldenScriptsTest.ROOT), Files.list(Path.of("samples")))) {
      scripts = files.filter(p -> p.toString().endsWith(".dg")).sorted().toList();
    }
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> Formatted.roundTrip(p, copy -> compare(p, copy))));
  }

  /** Runs the formatted copy as the golden case runs and compares with the case's expected files. */
  private static void compare(Path script, Path copy) throws IOException {
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    Path dir = script.getParent();
    Path inFile = dir.resolve(base + ".in");
    InputStream in = Files.exists(inFile) ? Files.newInputStream(inFile) : new ByteArrayInputStream(new byte[0]);
    GoldenScriptsTest.Run run = GoldenScriptsTest.run(copy.getParent(), in,
        GoldenScriptsTest.args(script, List.of()).toArray(String[]::new));
    String expectedOut = Files.readString(dir.resolve(base + ".out"), StandardCharsets.UTF_8);
    Path exitFile = dir.resolve(base + ".exit");
    int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
    Path errFile = dir.resolve(base + ".err");
    String expectedErr = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
    assertEquals(expectedOut, run.out(), "standard output of the formatted " + script + "\n" + Files.readString(copy));
    assertEquals(expectedExit, run.exit(), "exit code of the formatted " + script + "\n" + run.err());
    if (!dir.getFileName().toString().equals("conformance")) {
      assertEquals(Formatted.problems(expectedErr), Formatted.problems(run.err()), "standard error of the formatted "
          + script);
    }
  }
}
