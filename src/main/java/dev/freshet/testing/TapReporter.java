package dev.freshet.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** TAP 14: {@code ok 3 - FILE > test}, a YAML block for each failure, {@code # SKIP} for skips. */
public final class TapReporter implements Reporter {
  private final PrintStream out;
  private final List<String> lines = new ArrayList<>();
  private int n;

  public TapReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void file(String path, List<TestResult> results) {
    for (TestResult r : results) {
      n++;
      String name = r.file() + " > " + r.name();
      switch (r.status()) {
        case PASSED -> lines.add("ok " + n + " - " + name);
        case SKIPPED -> lines.add("ok " + n + " - " + name + " # SKIP " + r.message());
        default -> {
          lines.add("not ok " + n + " - " + name);
          lines.add("  ---");
          lines.add("  severity: " + (r.status() == TestResult.Status.ERROR ? "error" : "fail"));
          lines.add("  at: {file: " + r.at().file() + ", line: " + r.at().line() + ", column: " + r.at().column()
              + "}");
          if (r.cassette() != null) {
            lines.add("  cassette: " + r.cassette());
          }
          lines.add("  message: |");
          for (String line : r.message().split("\n")) {
            lines.add("    " + line);
          }
          lines.add("  ...");
        }
      }
    }
  }

  @Override
  public void end(List<TestResult> all) {
    out.println("TAP version 14");
    out.println("1.." + n);
    lines.forEach(out::println);
    Reporter.stale(all).forEach(r -> out.println("# stale cassette " + Reporter.staleLine(r)));
    out.println("# " + Reporter.counts(all));
  }
}
