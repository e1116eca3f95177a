package dev.freshet.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps {@code freshet run} quick to start (issue 7's cold-start target; bench/coldstart.sh times it): on the
 * second run of an unchanged script no ANTLR class is loaded (the parse comes from the cache), no standard library is
 * loaded for a script that calls none, and no lambda is spun (a process's first lambda costs ~10 ms of method-handle
 * set-up). Checked in a fresh JVM's class-loading log, so it fails when a change puts any of them back on the path.
 */
class ColdStartPathTest {
  @TempDir
  Path home;

  private List<String> loadedClasses(Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), "dev.freshet.cli.Main", "run", "samples/hello.dg");
    pb.environment().put("FRESHET_HOME", home.toString());
    pb.environment().remove("FRESHET_CACHE");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run finished");
    assertEquals(0, p.exitValue(), out);
    assertEquals(Files.readString(Path.of("samples/hello.out")), out);
    return Files.readAllLines(log);
  }

  @Test
  void aSecondRunOfAnUnchangedScriptLoadsNoParserNoLibraryAndSpinsNoLambda() throws Exception {
    List<String> first = loadedClasses(home.resolve("first.log"));
    assertTrue(first.stream().anyMatch(l -> l.contains(" org.antlr.v4.runtime.")), "the first run parses");

    List<String> second = loadedClasses(home.resolve("second.log"));
    List<String> unwanted = second.stream()
        .filter(l -> l.contains(" org.antlr.") || l.contains(" dev.freshet.parse.gen.")
            || l.contains("$$Lambda") && !l.contains("source: shared objects file")
            || l.contains("LambdaForm$") && l.contains("__JVM_LookupDefineClass__")
            || l.matches(".* dev\\.freshet\\.builtins\\.\\w+Lib .*"))
        .toList();
    assertEquals(List.of(), unwanted);
  }
}
