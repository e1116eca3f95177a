package dev.freshet.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** ✓ / ✗ / ↷ per test, the failures in full at the end, then the HTTP summary
 * (replayed, recorded, live, unused), then {@code N passed, N failed, N skipped}. */
public final class PrettyReporter implements Reporter {
  private final PrintStream out;

  public PrettyReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String mode) {
    out.println("freshet test: record mode " + mode);
  }

  @Override
  public void file(String path, List<TestResult> results) {
    out.println(path);
    for (TestResult r : results) {
      String mark = switch (r.status()) {
        case PASSED -> "✓";
        case SKIPPED -> "↷";
        default -> "✗";
      };
      String extra = switch (r.status()) {
        case SKIPPED -> "  (skipped: " + r.message() + ")";
        case ERROR -> "  (error)";
        default -> "";
      };
      out.println("  " + mark + " " + r.name() + extra);
    }
  }

  @Override
  public void end(List<TestResult> all) {
    List<TestResult> bad = new ArrayList<>();
    for (TestResult r : all) {
      if (r.status() == TestResult.Status.FAILED || r.status() == TestResult.Status.ERROR) {
        bad.add(r);
      }
    }
    if (!bad.isEmpty()) {
      out.println();
      out.println(bad.size() == 1 ? "1 test did not pass:" : bad.size() + " tests did not pass:");
    }
    for (TestResult r : bad) {
      out.println();
      out.println("✗ " + r.file() + " › " + r.name() + (r.status() == TestResult.Status.ERROR ? "  (error)" : ""));
      out.print(indent(r.message()));
      for (String note : r.notes()) {
        out.println("  " + note);
      }
      if (!r.info().isEmpty()) {
        out.println("  info:");
        r.info().forEach(line -> out.println("    " + line));
      }
    }
    List<String> warnings = new ArrayList<>();
    for (TestResult r : all) {
      if (r.status() == TestResult.Status.PASSED || r.status() == TestResult.Status.SKIPPED) {
        r.notes().forEach(n -> warnings.add(r.id() + ": " + n));
      }
    }
    if (!warnings.isEmpty()) {
      out.println();
      warnings.forEach(out::println);
    }
    List<TestResult> stale = Reporter.stale(all);
    if (!stale.isEmpty()) {
      out.println();
      out.println("stale cassettes (older than their max age; re-record with --record=rewrite), oldest first:");
      stale.forEach(r -> out.println("  " + Reporter.staleLine(r)));
    }
    TestResult.Http http = TestResult.Http.total(all);
    if (http.any()) {
      out.println();
      out.println("HTTP: " + http.summary());
    }
    out.println();
    out.println(Reporter.counts(all));
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
