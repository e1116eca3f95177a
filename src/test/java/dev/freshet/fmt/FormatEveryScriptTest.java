package dev.freshet.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script of the test suite ({@code src/test/resources/**}{@code /*.dg}) and every sample that parses: formatting
 * it twice gives what formatting it once gave, and each of its comments is still there, in order. The comments are
 * found by a scanner of its own here (quotes and escapes aware), not by the formatter's.
 */
class FormatEveryScriptTest {
  @TestFactory
  Stream<DynamicTest> formattingIsIdempotentAndKeepsEveryComment() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.list(Path.of("samples")))) {
      scripts = files.filter(p -> p.toString().endsWith(".dg")).sorted().toList();
    }
    return scripts.stream().map(p -> dynamicTest(p.toString(), p.toUri(), () -> check(p)));
  }

  private static void check(Path script) throws IOException {
    String text = Files.readString(script, StandardCharsets.UTF_8);
    String once;
    try {
      once = Formatter.format(script.toString(), text);
    } catch (FormatException e) {
      return; // a script that does not parse is refused (FmtCommandTest)
    }
    assertEquals(once, Formatter.format(script.toString(), once), "formatting twice changed " + script);
    assertEquals(comments(text), comments(once), "comments of " + script);
  }

  /** The comments of a script in order, each line comment without trailing blanks. */
  static List<String> comments(String text) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != c) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else if (text.startsWith("//", i)) {
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        found.add(text.substring(i, end).stripTrailing());
        i = end;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2) + 2;
        found.add(text.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }
}
