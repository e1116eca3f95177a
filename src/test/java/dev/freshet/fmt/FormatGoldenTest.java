package dev.freshet.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Formatter goldens: every {@code src/test/resources/fmt/NAME.dg} formats to exactly {@code NAME.out}, and that stays. */
class FormatGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/fmt");

  @TestFactory
  Stream<DynamicTest> eachInputFormatsToItsExpectedText() throws IOException {
    try (Stream<Path> files = Files.list(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }
  }

  private static void check(Path input) throws IOException {
    String name = input.getFileName().toString();
    Path expectedFile = input.resolveSibling(name.substring(0, name.length() - 3) + ".out");
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    assertEquals(expected, Formatter.format(name, Files.readString(input, StandardCharsets.UTF_8)));
    assertEquals(expected, Formatter.format(name, expected), "formatting the expected text again changes it");
  }
}
