package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds and runs samples/embed/QuoteService.java as a host would: compiled against the project's classes with javac,
 * run in its own JVM, and its standard output compared with QuoteService.out.
 */
class EmbedSampleTest {
  private static final Path SAMPLE = Path.of("samples/embed/QuoteService.java");

  @Test
  void theEmbeddingSampleCompilesRunsAndPrintsWhatItsOutFileSays(@TempDir Path classes) throws Exception {
    String classpath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests run on a JDK");
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-cp", classpath, "-d", classes.toString(), "-Xlint:all", "-Werror"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(SAMPLE.toFile())).call();
    assertEquals("", diagnostics.toString(), "javac warnings or errors");
    assertEquals(true, compiled);

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes + File.pathSeparator + classpath, "QuoteService")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertEquals(expected(), output);
  }

  private static String expected() throws IOException {
    return Files.readString(Path.of("samples/embed/QuoteService.out"), StandardCharsets.UTF_8);
  }
}
