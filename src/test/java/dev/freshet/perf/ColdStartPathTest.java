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
 * What keeps {@code freshet run} and an embedding host quick to start (issues 7 and 18; bench/coldstart.sh times
 * them): no ANTLR class is loaded for a script the hand-written parser takes (and none on a run whose parse comes from
 * the cache), no standard library is loaded for a script that calls none, and no lambda is spun (a process's first
 * lambda costs ~10 ms of method-handle set-up). Checked in a fresh JVM's class-loading log, so it fails when a change
 * puts any of them back on the path.
 */
class ColdStartPathTest {
  @TempDir
  Path home;

  private List<String> loadedClasses(Path log) throws IOException, InterruptedException {
    String out = run(log, "dev.freshet.cli.Main", "run", "samples/hello.dg");
    assertEquals(Files.readString(Path.of("samples/hello.out")), out);
    return Files.readAllLines(log);
  }

  private String run(Path log, String... mainAndArguments) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xshare:auto",
        "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArguments));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("FRESHET_HOME", home.toString());
    pb.environment().remove("FRESHET_CACHE");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run finished");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** ANTLR's classes and the generated parser, lambdas spun at run time, and the standard libraries. */
  private static List<String> unwanted(List<String> loaded) {
    return loaded.stream()
        .filter(l -> l.contains(" org.antlr.") || l.contains(" dev.freshet.parse.gen.")
            || l.contains("$$Lambda") && !l.contains("source: shared objects file")
            || l.contains("LambdaForm$") && l.contains("__JVM_LookupDefineClass__")
            || l.matches(".* dev\\.freshet\\.builtins\\.\\w+Lib .*"))
        .toList();
  }

  @Test
  void runsOfHelloLoadNoAntlrNoLibraryAndSpinNoLambda() throws Exception {
    List<String> first = loadedClasses(home.resolve("first.log"));
    assertTrue(first.stream().anyMatch(l -> l.contains(" dev.freshet.parse.DirectParser ")),
        "the first run parses, with the hand-written parser");
    assertEquals(List.of(), unwanted(first));

    List<String> second = loadedClasses(home.resolve("second.log"));
    assertTrue(second.stream().noneMatch(l -> l.contains(" dev.freshet.parse.DirectParser ")),
        "the second run takes the parse from the cache");
    assertEquals(List.of(), unwanted(second));
  }

  /** Most real scripts call an API: an invokeurl (or sendmail) block parses without ANTLR too. */
  @Test
  void aScriptWithTaskBlocksParsesWithoutAntlr() throws Exception {
    Path script = home.resolve("task.dg");
    Files.writeString(script, """
        reach = false;
        if (reach) {
          resp = invokeurl
          [
            url: "https://example.com/api"
            type: GET
            headers: {"Accept": "application/json"}
          ];
          sendmail [ from: "me@example.com" to: "a@example.com" subject: "Hi" message: resp ]
        }
        info "parsed";
        """);
    Path log = home.resolve("task.log");
    assertEquals("parsed\n", run(log, "dev.freshet.cli.Main", "run", script.toString()));
    List<String> loaded = Files.readAllLines(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.freshet.parse.DirectTasks ")),
        "the hand-written parser took the task blocks");
    assertEquals(List.of(), unwanted(loaded));
  }

  /** Issue 18's embedded cold start: a host's main that builds an engine and runs {@code return 1 + 1;}. */
  @Test
  void anEmbeddedFirstRunLoadsNoAntlrNoLibraryAndSpinsNoLambda() throws Exception {
    Path log = home.resolve("embedded.log");
    assertEquals("2\n", run(log, EmbeddedMain.class.getName()));
    List<String> loaded = Files.readAllLines(log);
    assertEquals(List.of(), unwanted(loaded));
    // nor the tree-walker's nodes for statements it does not have (interp.Compiler names them all; see its built())
    assertEquals(List.of(), loaded.stream()
        .filter(l -> l.contains(" dev.freshet.interp.TaskNodes$") || l.contains(" dev.freshet.interp.StmtNodes$Try "))
        .toList());
  }

  /** What bench/coldstart.sh times as {@code embedded}. */
  public static final class EmbeddedMain {
    public static void main(String[] args) {
      dev.freshet.api.Engine engine = dev.freshet.api.Engine.builder().build();
      System.out.println(engine.compile("embedded.dg", "return 1 + 1;").run(java.util.Map.of()).value());
    }
  }
}
