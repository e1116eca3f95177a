package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.freshet.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the input, parsing ends, soon, in a script or a {@link SyntaxError}: never another exception, a stack
 * overflow or a hang. Mutations are random but seeded, so a failure repeats.
 */
class ParserFuzzTest {
  static final long SEED = 0x5EED_F4E5L;
  static final int MUTANTS = 3000;
  static final Duration PER_INPUT = Duration.ofSeconds(5);

  static final String[] TOKENS = {
      "if", "else", "for each", "each", "index", "in", "while", "try", "catch", "return", "info", "break", "continue",
      "throw", "void", "string", "int", "List:String()", "Collection(", "Map(", "ifnull(", "if(", "input.", "zoho.",
      "invokeurl [", "sendmail [", "insert into", "delete from", "cancel submit", "alert", "url:", "reply to:",
      "{", "}", "(", ")", "[", "]", "\"", "'", "/*", "*/", "//", ";", ":", ",", ".", "=", "==", "+=", "!", "-", "&&",
      "||", "<", ">=", "#", "@", "\\", "\n", "\t", "\uFEFF", "0", "99999999999999999999", "1.5", "null", "true",
  };

  /**
   * Parses within the time bound and returns whether the text was rejected with a SyntaxError; any other outcome
   * (another exception, a stack overflow, a timeout) fails the test.
   */
  static boolean parsesOrRejects(String label, String text) {
    Object outcome = assertTimeoutPreemptively(PER_INPUT, () -> {
      try {
        Parser.parseScript(new SourceFile("fuzz.dg", text));
        return Boolean.FALSE;
      } catch (SyntaxError e) {
        e.diagnostics().forEach(d -> d.render());
        return !e.diagnostics().isEmpty();
      } catch (Throwable t) {
        return t;
      }
    }, () -> label + " took longer than " + PER_INPUT);
    if (outcome instanceof Throwable t) {
      String message = label + " threw " + t + "\n--- input (" + text.length() + " chars):\n" + excerpt(text);
      fail(message, t instanceof StackOverflowError ? null : t);
    }
    return (Boolean) outcome;
  }

  static String excerpt(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1000) + "\n[…]\n" + text.substring(text.length() - 1000);
  }

  static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(s.length() + 1);
      int len = Math.min(1 + random.nextInt(24), s.length() - at);
      switch (random.nextInt(5)) {
        case 0 -> s.delete(at, at + len);
        case 1 -> s.insert(at, s.substring(at, at + len));
        case 2 -> s.insert(at, " " + TOKENS[random.nextInt(TOKENS.length)] + (random.nextBoolean() ? " " : ""));
        case 3 -> {
          if (s.length() > 1) {
            int a = random.nextInt(s.length());
            int b = random.nextInt(s.length());
            char c = s.charAt(a);
            s.setCharAt(a, s.charAt(b));
            s.setCharAt(b, c);
          }
        }
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

  @Test
  void mutatedScriptsParseOrFailCleanly() {
    List<Path> corpus = GrammarCorpusTest.corpus();
    List<String> texts = corpus.stream().map(GrammarCorpusTest::read).toList();
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int rejected = 0;
    for (int i = 0; i < MUTANTS; i++) {
      int pick = random.nextInt(texts.size());
      String mutant = mutate(texts.get(pick), random);
      String label = "mutant #" + i + " of " + corpus.get(pick);
      try {
        rejected += parsesOrRejects(label, mutant) ? 1 : 0;
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + MUTANTS + " mutants broke the parser; first:\n"
        + (failures.isEmpty() ? "" : failures.get(0)));
    assertTrue(rejected > MUTANTS / 4, "the mutations hardly ever break a script (" + rejected + " rejected)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parens", "open parens", "blocks", "braces", "open braces", "maps", "sum", "negations"})
  void deepNestingDoesNotOverflowTheStack(String shape) {
    int n = 5000;
    String text = switch (shape) {
      case "parens" -> "x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";";
      case "open parens" -> "x = " + "(".repeat(n) + "1;";
      case "blocks" -> "if (true) {\n".repeat(n) + "}\n".repeat(n);
      case "braces" -> "x = " + "{".repeat(n) + "1" + "}".repeat(n) + ";";
      case "open braces" -> "{".repeat(n);
      case "maps" -> "x = " + "{1: ".repeat(n) + "1" + "}".repeat(n) + ";";
      case "sum" -> "x = 1" + " + 1".repeat(n) + ";";
      default -> "x = " + "-".repeat(n) + "1;";
    };
    parsesOrRejects(n + " " + shape, text);
  }

  @Test
  void megabyteTextLiteral() {
    parsesOrRejects("1 MB text", "x = \"" + "a".repeat(1 << 20) + "\";\ninfo x.length();\n");
    parsesOrRejects("1 MB unterminated text", "x = \"" + "a".repeat(1 << 20));
  }

  @Test
  void hundredThousandStatements() {
    parsesOrRejects("100,000 statements", "x = 1;\n".repeat(100_000));
    parsesOrRejects("100,000 statements, one broken", "x = 1;\n".repeat(50_000) + "x = ;\n" + "x = 1;\n".repeat(50_000));
  }

  @Test
  void longFlatExpressions() {
    parsesOrRejects("chain of 5,000 method calls", "x = a" + ".b()".repeat(5000) + ";");
    parsesOrRejects("list of 20,000 items", "x = {" + "1, ".repeat(20_000) + "1};");
  }

  @ParameterizedTest
  @ValueSource(strings = {"if (x) {", "m = {\"a\":", "s = \"abc", "/* abc", "invokeurl [", "m = {",
      "for each x in l {\n info x;", "void f() {"})
  void unfinishedInputIsIncomplete(String text) {
    assertFalse(Parser.isComplete(text), "the REPL should wait for more after: " + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x = 1;", "info x;", "if (x) { info 1; }", "void f() { }", "x", "1 + 2", "",
      "x = = 1;", "x = 1 # 2;", "}", "else { }"})
  void finishedOrBrokenInputIsComplete(String text) {
    assertTrue(Parser.isComplete(text), "the REPL should not wait for more after: " + text);
  }
}
