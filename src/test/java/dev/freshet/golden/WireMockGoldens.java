package dev.freshet.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden scripts against a WireMock server, run through the CLI: every {@code ROOT/NAME.dg} as
 * {@code freshet run --tz UTC [NAME.args] [--arg base=http://127.0.0.1:PORT] NAME.dg} in {@code env}. {@code NAME.out}
 * is the exact standard output, {@code NAME.err} the exact standard error (empty when absent), {@code NAME.exit} the
 * exit code (0 when absent). A request that no stub matches fails the script, naming the request. The server's port
 * is written {@code PORT} in the expected files, and the time in {@code --log-http} lines {@code N ms}.
 *
 * @param passBase whether a script gets {@code base}: always, or only one whose text mentions it
 */
public record WireMockGoldens(Path root, WireMockServer server, Map<String, String> env, boolean passBase) {

  /** Runs {@code freshet connections ARGS…} from {@code root} in {@code env}; it must succeed (the goldens' set-up). */
  public static void connections(Path root, Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("connections"));
    all.addAll(List.of(args));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(all.toArray(String[]::new), new Terminal(root, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), env));
    assertEquals(0, exit, String.join(" ", all) + ": " + err);
  }

  /** One dynamic test per script in the folder, in name order. */
  public Stream<DynamicTest> scripts() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }
  }

  /**
   * The formatter's round trip: each script that parses, formatted, runs again with the same output, exit code and
   * requests, and the same problems on standard error (at the formatted text's positions).
   */
  public Stream<DynamicTest> formattedScripts() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.getFileName().toString(), p.toUri(),
              () -> Formatted.roundTrip(p, copy -> check(p, copy))));
    }
  }

  /** Runs one script and compares what it printed, its exit code and what it sent. */
  public void check(Path script) throws IOException {
    check(script, null);
  }

  /** As {@link #check(Path)}, running {@code formatted} (a formatted copy) instead when it is not null. */
  private void check(Path script, Path formatted) throws IOException {
    Path run = formatted == null ? script : formatted;
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    List<String> args = new ArrayList<>(List.of("run", "--tz", "UTC"));
    Path argsFile = root.resolve(base + ".args");
    if (Files.exists(argsFile)) {
      args.addAll(Files.readAllLines(argsFile).stream().filter(l -> !l.isBlank()).map(String::trim).toList());
    }
    if (passBase || Files.readString(run).contains("base")) {
      args.addAll(List.of("--arg", "base=http://127.0.0.1:" + server.port()));
    }
    args.add(name);

    server.resetRequests();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args.toArray(String[]::new), new Terminal(run.getParent(),
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env));
    String actualOut = normalise(out.toString(StandardCharsets.UTF_8));
    String actualErr = normalise(err.toString(StandardCharsets.UTF_8));

    List<LoggedRequest> unmatched = server.findAllUnmatchedRequests();
    assertEquals("", unmatched.stream().map(WireMockGoldens::describe).collect(Collectors.joining()),
        name + " sent requests that no stub in " + root.resolve("mappings") + " matches\nstdout was:\n" + actualOut
            + "\nstderr was:\n" + actualErr);
    assertEquals(read(base + ".out"), actualOut, "standard output of " + name + "\nstderr was:\n" + actualErr);
    if (formatted == null) {
      assertEquals(read(base + ".err"), actualErr, "standard error of " + name);
    } else {
      assertEquals(Formatted.problems(read(base + ".err")), Formatted.problems(actualErr), "standard error of " + name);
    }
    String exitText = read(base + ".exit").trim();
    assertEquals(exitText.isEmpty() ? 0 : Integer.parseInt(exitText), exit, "exit code of " + name);
  }

  /** The parts that change from run to run: the server's port and the request time in --log-http lines. */
  public String normalise(String text) {
    return text.replace("127.0.0.1:" + server.port(), "127.0.0.1:PORT").replaceAll("\\(\\d+ ms, ", "(N ms, ");
  }

  private static String describe(LoggedRequest r) {
    return r.getMethod() + " " + r.getUrl() + " " + r.getHeaders().all() + " body: " + r.getBodyAsString() + "\n";
  }

  private String read(String file) throws IOException {
    Path p = root.resolve(file);
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
