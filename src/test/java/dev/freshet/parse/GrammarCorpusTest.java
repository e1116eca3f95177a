package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample and golden script parses; every deliberately malformed one (under {@code errors/parse/}, plus the
 * conformance case below) fails with its first diagnostic where the first line of its {@code .err} file says.
 */
class GrammarCorpusTest {
  static final Path SCRIPTS = Path.of("src/test/resources/scripts");
  static final Path SAMPLES = Path.of("samples");
  /** Malformed on purpose but kept outside errors/parse/ (the shared conformance suite has its own layout). */
  static final Set<String> MALFORMED_ELSEWHERE = Set.of("conformance/c13_parse_error.dg");
  /** {@code NAME.dg:LINE:COL} at the start of an .err file. */
  static final Pattern POSITION = Pattern.compile("^(\\S+\\.dg):(\\d+):(\\d+)");

  /** All .dg files of the samples and the golden scripts, sorted. */
  static List<Path> corpus() {
    return Stream.of(SAMPLES, SCRIPTS).flatMap(GrammarCorpusTest::walk).sorted().toList();
  }

  static boolean malformed(Path script) {
    if (!script.startsWith(SCRIPTS)) {
      return false;
    }
    String relative = SCRIPTS.relativize(script).toString().replace('\\', '/');
    return relative.startsWith("errors/parse/") || MALFORMED_ELSEWHERE.contains(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> wellFormedScriptsParse() {
    List<Path> scripts = corpus().stream().filter(p -> !malformed(p)).toList();
    assertTrue(scripts.size() > 100, "expected the golden corpus, found " + scripts.size() + " scripts");
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> {
      try {
        Parser.parseScript(new SourceFile(p.getFileName().toString(), read(p)));
      } catch (SyntaxError e) {
        throw new AssertionError(p + " should parse but:\n" + e.diagnostics().get(0).render(), e);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> malformedScriptsReportTheirPosition() {
    List<Path> scripts = corpus().stream().filter(GrammarCorpusTest::malformed).toList();
    assertTrue(scripts.size() >= 15, "expected the errors/parse corpus, found " + scripts.size());
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> {
      String name = p.getFileName().toString();
      Path err = p.resolveSibling(name.replaceAll("\\.dg$", ".err"));
      String header = read(err).lines().findFirst().orElse("");
      Matcher m = POSITION.matcher(header);
      assertTrue(m.find(), err + " should start with NAME.dg:LINE:COL, not: " + header);
      assertEquals(name, m.group(1), "file named in " + err);

      SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parseScript(new SourceFile(name, read(p))));
      Diagnostic first = e.diagnostics().get(0);
      assertEquals(m.group(2) + ":" + m.group(3), first.line() + ":" + first.column(), first.render());
      if (header.contains(": error: ")) {
        assertEquals(header, first.header(), "whole first line of " + err);
      }
      assertFalse(first.render().isBlank());
    }));
  }

  private static Stream<Path> walk(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".dg")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
