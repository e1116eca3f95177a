package dev.freshet.testing;

import java.util.List;

/**
 * Shows a run's results. Files are reported whole, in discovery order, even when {@code --jobs} ran them in
 * parallel, so the output is the same either way.
 */
public interface Reporter {
  /** Before any test: the effective record mode and why (e.g. "replay (CI is set)"). */
  default void start(String mode) {}

  /** One file's results, in source order. */
  void file(String path, List<TestResult> results);

  /** After every file. */
  default void end(List<TestResult> all) {}

  /** The results whose replayed cassette is older than its max age, oldest first. */
  static List<TestResult> stale(List<TestResult> all) {
    return all.stream().filter(r -> r.stale() != null)
        .sorted(java.util.Comparator.comparing((TestResult r) -> r.stale().recordedAt())).toList();
  }

  /** {@code tests/cassettes/a/test_x.json  recorded 2026-01-02T03:04:05Z, 40 days ago (max age 30d)}. */
  static String staleLine(TestResult r) {
    long days = java.time.Duration.between(r.stale().recordedAt(), java.time.Instant.now()).toDays();
    return r.cassette() + "  recorded " + r.stale().recordedAt() + ", " + days + " day" + (days == 1 ? "" : "s")
        + " ago (max age " + TestConfig.show(r.stale().maxAge()) + ")";
  }

  /** The counts line the pretty reporter ends with. */
  static String counts(List<TestResult> all) {
    long passed = all.stream().filter(r -> r.status() == TestResult.Status.PASSED).count();
    long skipped = all.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
    return passed + " passed, " + (all.size() - passed - skipped) + " failed, " + skipped + " skipped";
  }
}
