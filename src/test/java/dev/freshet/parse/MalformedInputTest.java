package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Small malformed inputs (table in {@code malformed/cases.txt}): where the first error is and what it says. */
class MalformedInputTest {

  /** One line of cases.txt. */
  record Case(int tableLine, int line, int column, String fragment, String input) {
    @Override
    public String toString() {
      return "cases.txt:" + tableLine + "  " + input.replace("\n", "⏎").replace("\t", "⇥");
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = MalformedInputTest.class.getResourceAsStream("/malformed/cases.txt")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String row = lines.get(i);
        if (row.isBlank() || row.startsWith("#")) {
          continue;
        }
        String[] cols = row.split("\\s+\\|\\s+", 3);
        String[] pos = cols[0].trim().split(":");
        String input = cols[2].replace("\\n", "\n").replace("\\t", "\t");
        cases.add(new Case(i + 1, Integer.parseInt(pos[0]), Integer.parseInt(pos[1]), cols[1].trim(), input));
      }
    }
    return cases;
  }

  static SyntaxError fails(String input) {
    return assertThrows(SyntaxError.class, () -> Parser.parseScript(new SourceFile("t.dg", input)),
        () -> "should not parse: " + input);
  }

  static String where(Diagnostic d) {
    return d.line() + ":" + d.column();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstErrorIsWhereAndWhatTheTableSays(Case c) {
    SyntaxError e = fails(c.input());
    Diagnostic first = e.diagnostics().get(0);
    String all = e.diagnostics().stream().map(Diagnostic::header).collect(Collectors.joining("\n  "));
    assertEquals(c.line() + ":" + c.column(), where(first), c + "\nposition; diagnostics:\n  " + all);
    assertTrue(first.message().contains(c.fragment()),
        c + "\nmessage should contain \"" + c.fragment() + "\"; diagnostics:\n  " + all);
    assertTrue(first.render().contains("^"), "rendered with a caret:\n" + first.render());
  }

  @Test
  void tableIsBigEnough() throws IOException {
    assertTrue(cases().size() >= 25, "only " + cases().size() + " cases");
  }

  @Test
  void errorsFarApartAreBothReported() {
    SyntaxError e = fails("x = 1\ny = 2;\nz = 3;\na = 4;\nb = 5;\nc = 6;\nq = 7\nr = 8;\n");
    assertEquals(List.of("1:6", "7:6"), e.diagnostics().stream().map(MalformedInputTest::where).toList());
    assertTrue(e.diagnostics().get(1).message().contains("missing ';' after this statement"));
  }

  @Test
  void errorsOnAlternateLinesAreBothReported() {
    SyntaxError e = fails("a = 1;\nb = ;\nc = 2;\nd = ;\n");
    assertEquals(List.of("2:5", "4:5"), e.diagnostics().stream().map(MalformedInputTest::where).toList());
  }

  @Test
  void checksAfterParsingAreAllReported() {
    SyntaxError e = fails("m = Map(1, 2);\nx = ifnull(a);\ny = (a)[0];\n");
    assertEquals(List.of("1:5", "2:5", "3:8"), e.diagnostics().stream().map(MalformedInputTest::where).toList());
  }

  @Test
  void columnsIgnoreAByteOrderMark() {
    // docs/language.md: a byte-order mark "is accepted and ignored", so columns are those an editor shows
    assertEquals("1:5", where(fails("\uFEFFx = ;").diagnostics().get(0)));
  }

  @Test
  void windowsLineEndingsCountLines() {
    assertEquals("2:5", where(fails("x = 1;\r\ny = ;").diagnostics().get(0)));
  }

  @Test
  void oldMacLineEndingsCountLines() {
    // SourceFile (and so the rendered caret line) takes a lone \r as a line break; the positions must agree
    Diagnostic d = fails("x = 1;\ry = ;").diagnostics().get(0);
    assertEquals("2:5", where(d), d.render());
  }

  @Test
  void bareInfoIsNotAnError() {
    Parser.parseScript(new SourceFile("t.dg", "info;\ninfo ;\n"));
  }
}
