package dev.freshet.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.freshet.compile.FunctionCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole golden suite (the conformance cases included) and the samples again, with the compiled tier forced into
 * a test mode ({@code freshet.compile}, see docs/performance.md): every script must print, fail and exit exactly as
 * in the tree-walker ({@link GoldenScriptsTest}), and no generated code may fail to load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForcedTierGoldens {
  private String before;

  /** The value of {@code freshet.compile} for the whole class. */
  abstract String mode();

  @BeforeAll
  void forceTheTier() {
    before = System.getProperty("freshet.compile");
    System.setProperty("freshet.compile", mode());
  }

  @TestFactory
  Stream<DynamicNode> scripts() throws IOException {
    try (Stream<Path> files = Files.walk(GoldenScriptsTest.ROOT)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream().map(GoldenScriptsTest::test);
    }
  }

  @TestFactory
  Stream<DynamicNode> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.toString(), p.toUri(), () -> GoldenScriptsTest.check(p)));
    }
  }

  /** Runs after the factories above; restores the property and checks that all generated code loaded. */
  @AfterAll
  void restoreAndCheck() {
    if (before == null) {
      System.clearProperty("freshet.compile");
    } else {
      System.setProperty("freshet.compile", before);
    }
    System.out.println("compiled tier (" + mode() + ") over the golden suite: " + FunctionCompiler.statistics());
    assertEquals(List.of(), FunctionCompiler.failures(), "code the compiled tier generated but could not load");
  }
}
