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

/**
 * The whole golden suite (the conformance cases included) and the samples again, with the compiled tier forced on:
 * every user function is compiled at its first call ({@code freshet.compile=eager}), so each one the tier supports
 * runs as bytecode, and must print, fail and exit exactly as in the tree-walker ({@link GoldenScriptsTest}).
 */
class CompiledGoldenScriptsTest {
  private static String before;

  @BeforeAll
  static void forceTheTier() {
    before = System.getProperty("freshet.compile");
    System.setProperty("freshet.compile", "eager");
  }

  @AfterAll
  static void restore() {
    if (before == null) {
      System.clearProperty("freshet.compile");
    } else {
      System.setProperty("freshet.compile", before);
    }
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

  /** Runs last (JUnit runs a class's tests in a fixed but unspecified order; the factories above run first here). */
  @AfterAll
  static void noCompilerFailures() {
    System.out.println("compiled tier over the golden suite: " + FunctionCompiler.statistics());
    assertEquals(List.of(), FunctionCompiler.failures(), "code the compiled tier generated but could not load");
  }
}
