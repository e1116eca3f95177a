package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import dev.freshet.api.Session;
import dev.freshet.http.HttpReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code src/test/resources/repl/*.repl} transcript through the REPL loop in plain mode (a Reader in,
 * Writers out) and compares what it printed.
 *
 * <p>The format, one kind of line each:
 * <pre>
 * # a comment, ignored
 * &gt; an input line, fed to the REPL in order ("&gt;" alone is an empty line)
 * ! a line expected on standard error ("!" alone is an empty one)
 * ...            any number of expected lines (standard output or error), matched as few as possible
 * ~ REGEX        a line on standard output that matches the regular expression
 * &#64;exit 70   the exit code expected when the input ends (default 0)
 * anything else  a line expected on standard output; start it with "| " to expect a line beginning with
 *                #, &gt;, !, ~, | or &#64;
 * </pre>
 * All input lines are read as one stream, as from a pipe; the expected lines are compared in the order the REPL
 * wrote them, so writing each entry's output right under it keeps a transcript readable. Scripts run with the zone
 * UTC, the clock at 2024-01-02T03:04:05Z, randomNumber seeded with 42, {@code :load} paths relative to
 * {@code src/test/resources/repl}, and invokeurl answered by a fake transport that returns a JSON echo of the
 * request.
 */
class ReplTranscriptTest {
  static final Path DIR = Path.of("src/test/resources/repl");

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".repl")).sorted().toList();
    }
    assertTrue(files.size() >= 10, "expected at least 10 transcripts, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  static void replay(Path file) throws IOException {
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    int expectedExit = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      } else if (line.equals(">") || line.startsWith("> ")) {
        input.append(line.length() > 1 ? line.substring(2) : "").append('\n');
      } else if (line.equals("!") || line.startsWith("! ")) {
        expected.add("! " + (line.length() > 1 ? line.substring(2) : ""));
      } else if (line.startsWith("@exit ")) {
        expectedExit = Integer.parseInt(line.substring(6).trim());
      } else if (line.equals("...")) {
        expected.add("...");
      } else if (line.startsWith("~ ")) {
        expected.add(line);
      } else {
        expected.add("  " + (line.startsWith("| ") ? line.substring(2) : line));
      }
    }
    Transcript t = run(input.toString());
    assertTrue(matches(expected, 0, t.lines, 0), file.getFileName() + ": the REPL printed (\"  \" = standard output,"
        + " \"! \" = standard error)\n" + String.join("\n", t.lines) + "\n\nbut the transcript expects\n"
        + String.join("\n", expected));
    assertEquals(expectedExit, t.exit, file.getFileName() + ": exit code");
  }

  /** What a replay printed, each line tagged "  " (standard output) or "! " (standard error), and its exit code. */
  record Transcript(List<String> lines, int exit) {}

  static Transcript run(String input) throws IOException {
    List<String> lines = new ArrayList<>();
    PrintWriter out = new PrintWriter(new Tagged("  ", lines));
    PrintWriter err = new PrintWriter(new Tagged("! ", lines));
    Engine engine = Engine.builder().zone(ZoneOffset.UTC).seed(42)
        .clock(Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC))
        .transport(call -> new HttpReply(200, Map.of("Content-Type", List.of("application/json")),
            ("{\"method\":\"" + call.method() + "\",\"url\":\"" + call.uri() + "\"}").getBytes(StandardCharsets.UTF_8)))
        .output(out::println).build();
    Repl repl = new Repl(new Session(engine), out, err, DIR, ReplConnections.NONE);
    int exit = repl.run(new ReplInput.Lines(new BufferedReader(new StringReader(input))));
    out.flush();
    err.flush();
    assertFalse(lines.stream().anyMatch(l -> l.contains("\tat dev.freshet.") || l.contains("Exception")),
        "a Java stack trace or exception leaked: " + lines);
    return new Transcript(lines, exit);
  }

  /** Expected lines against actual ones, where "..." stands for any number of lines. */
  static boolean matches(List<String> expected, int e, List<String> actual, int a) {
    if (e == expected.size()) {
      return a == actual.size();
    }
    if (expected.get(e).equals("...")) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matches(expected, e + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    String want = expected.get(e);
    boolean same = a < actual.size() && (want.startsWith("~ ")
        ? actual.get(a).startsWith("  ") && actual.get(a).substring(2).matches(want.substring(2))
        : want.equals(actual.get(a)));
    return same && matches(expected, e + 1, actual, a + 1);
  }

  /** Collects whole lines written to it, each with a tag saying which stream it came from. */
  private static final class Tagged extends Writer {
    private final String tag;
    private final List<String> lines;
    private final StringBuilder line = new StringBuilder();

    Tagged(String tag, List<String> lines) {
      this.tag = tag;
      this.lines = lines;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (cbuf[i] == '\n') {
          lines.add(tag + line);
          line.setLength(0);
        } else if (cbuf[i] != '\r') {
          line.append(cbuf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
