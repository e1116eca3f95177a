package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the input, parsing ends, soon, in a script or a {@link SyntaxError}: never another exception, a stack
 * overflow or a hang. Mutations are random but seeded, so a failure repeats. The deep-nesting cases run last: a
 * parse that times out keeps running in the background (ANTLR ignores interrupts) and would slow the others down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParserFuzzTest {
  static final long SEED = 0x5EED_F4E5L;
  static final int MUTANTS = 5000;
  static final Duration PER_INPUT = Duration.ofSeconds(5);
  /** For the megabyte-sized inputs: about a second, but several on a busy 2-core machine. */
  static final Duration PER_BIG_INPUT = Duration.ofSeconds(15);

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
    return parsesOrRejects(label, text, PER_INPUT);
  }

  static boolean parsesOrRejects(String label, String text, Duration limit) {
    Object outcome = assertTimeoutPreemptively(limit, () -> {
      try {
        Parser.parseScript(new SourceFile("fuzz.dg", text));
        return Boolean.FALSE;
      } catch (SyntaxError e) {
        e.diagnostics().forEach(d -> d.render());
        return !e.diagnostics().isEmpty();
      } catch (Throwable t) {
        return t;
      }
    }, () -> label + " took longer than " + limit);
    if (outcome instanceof Throwable t) {
      String message = label + " threw " + t + "\n--- input (" + text.length() + " chars):\n" + excerpt(text);
      fail(message, t instanceof StackOverflowError ? null : t);
    }
    return (Boolean) outcome;
  }

  /** {@link Parser#isComplete} (the REPL's entry rule) answers, in time, without throwing. */
  static void replAnswers(String label, String text) {
    Throwable thrown = assertTimeoutPreemptively(PER_INPUT, () -> {
      try {
        Parser.isComplete(text);
        return null;
      } catch (Throwable t) {
        return t;
      }
    }, () -> label + " (isComplete) took longer than " + PER_INPUT);
    if (thrown != null) {
      fail(label + " (isComplete) threw " + thrown + "\n--- input:\n" + excerpt(text), thrown);
    }
  }

  static String excerpt(String text) {
    return text.length() <= 600 ? text : text.substring(0, 300) + "\n[…]\n" + text.substring(text.length() - 200);
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

  @Order(1)
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
        if (i % 5 == 0) {
          replAnswers(label, mutant);
        }
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + MUTANTS + " mutants broke the parser; first:\n"
        + (failures.isEmpty() ? "" : failures.get(0)));
    assertTrue(rejected > MUTANTS / 4, "the mutations hardly ever break a script (" + rejected + " rejected)");
  }

  @Order(2)
  @Test
  void megabyteTextLiteral() {
    parsesOrRejects("1 MB text", "x = \"" + "a".repeat(1 << 20) + "\";\ninfo x.length();\n", PER_BIG_INPUT);
    parsesOrRejects("1 MB unterminated text", "x = \"" + "a".repeat(1 << 20), PER_BIG_INPUT);
  }

  @Order(3)
  @Test
  void hundredThousandStatements() {
    String half = "x = 1;\n".repeat(50_000);
    parsesOrRejects("100,000 statements", half + half, PER_BIG_INPUT);
    assertTrue(parsesOrRejects("100,000 statements, one broken", half + "x = ;\n" + half, PER_BIG_INPUT));
  }

  @Order(4)
  @Test
  void longFlatExpressions() {
    parsesOrRejects("chain of 5,000 method calls", "x = a" + ".b()".repeat(5000) + ";");
    parsesOrRejects("list of 20,000 items", "x = {" + "1, ".repeat(20_000) + "1};");
  }

  @Order(5)
  @ParameterizedTest
  @ValueSource(strings = {"if (x) {", "m = {\"a\":", "s = \"abc", "/* abc", "invokeurl [", "m = {",
      "for each x in l {\n info x;", "void f() {"})
  void unfinishedInputIsIncomplete(String text) {
    assertFalse(Parser.isComplete(text), "the REPL should wait for more after: " + text);
  }

  @Order(5)
  @ParameterizedTest
  @ValueSource(strings = {"x = 1;", "info x;", "if (x) { info 1; }", "void f() { }", "x", "1 + 2", "",
      "x = = 1;", "x = 1 # 2;", "}", "else { }"})
  void finishedOrBrokenInputIsComplete(String text) {
    assertTrue(Parser.isComplete(text), "the REPL should not wait for more after: " + text);
  }

  @Order(9)
  @ParameterizedTest
  @ValueSource(strings = {"open braces", "parens", "open parens", "blocks", "braces", "maps", "sum", "negations"})
  void deepNestingDoesNotOverflowTheStack(String shape) {
    // start from an empty prediction cache, so that the time taken does not depend on which tests ran before
    new DelugeParser(new CommonTokenStream(new DelugeLexer(CharStreams.fromString("")))).getInterpreter().clearDFA();
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
}
