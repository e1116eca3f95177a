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

  /** The counts line the pretty reporter ends with. */
  static String counts(List<TestResult> all) {
    long passed = all.stream().filter(r -> r.status() == TestResult.Status.PASSED).count();
    long skipped = all.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
    return passed + " passed, " + (all.size() - passed - skipped) + " failed, " + skipped + " skipped";
  }
}
