package dev.freshet.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The layout depends only on the tokens, the comments and where blank lines were: every golden script, re-spaced at
 * random (spaces and tabs added between tokens, single line breaks added or removed where no comment is), formats to
 * exactly what the script itself formats to.
 */
class FormatLayoutOnlyTest {
  @TestFactory
  Stream<DynamicTest> respacedScriptsFormatAlike() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources/scripts")),
        Files.list(Path.of("src/test/resources/fmt")))) {
      scripts = files.filter(p -> p.toString().endsWith(".dg")).sorted().toList();
    }
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> check(p)));
  }

  private static void check(Path script) throws IOException {
    String text = Files.readString(script, StandardCharsets.UTF_8);
    String expected;
    try {
      expected = Formatter.format(text);
    } catch (FormatException e) {
      return;
    }
    Random random = new Random(script.toString().hashCode());
    for (int round = 0; round < 3; round++) {
      String respaced = respace(text, random);
      assertEquals(expected, Formatter.format(respaced), "re-spaced:\n" + respaced);
    }
  }

  /** The text with the gaps between its tokens changed, keeping comments, and lines breaks next to them, as they were. */
  private static String respace(String text, Random random) {
    int[] points = text.codePoints().toArray();
    List<Token> tokens = Formatter.tokens(text).getTokens();
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (Token t : tokens) {
      int to = t.getType() == Token.EOF ? points.length : t.getStartIndex();
      String gap = new String(points, from, to - from);
      out.append(from == 0 || gap.contains("/") || t.getType() == Token.EOF ? gap : newGap(gap, random));
      if (t.getType() != Token.EOF) {
        out.append(t.getText());
        from = t.getStopIndex() + 1;
      }
    }
    return out.toString();
  }

  private static String newGap(String gap, Random random) {
    long breaks = gap.chars().filter(c -> c == '\n').count();
    String pad = " \t".repeat(random.nextInt(2)) + (random.nextBoolean() ? " " : "");
    if (breaks >= 2) {
      return pad + "\n\n" + pad;
    }
    String respaced = random.nextBoolean() ? pad + "\n" + pad : pad;
    return respaced.isEmpty() && !gap.isEmpty() ? " " : respaced;
  }
}
