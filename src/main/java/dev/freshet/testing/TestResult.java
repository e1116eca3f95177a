package dev.freshet.testing;

import java.util.List;

/**
 * How one test ended. {@code message} is the rendered failure (the diagnostic with its source line and caret), the
 * skip reason, or null for a pass; {@code notes} are extra lines (the cassette's HTTP summary, warnings);
 * {@code stale} is set when the replayed cassette is older than its max age; {@code at} is null for a pass.
 */
public record TestResult(String file, String name, int line, Status status, String message, long millis,
    List<String> info, List<String> notes, String cassette, Stale stale, At at) {

  public enum Status { PASSED, FAILED, ERROR, SKIPPED }

  /**
   * Where a failure happened: the failed assertion, or the Deluge line of the call a cassette could not answer;
   * the test function's line for a failure found after the test (unplayed calls, a refused write).
   */
  public record At(String file, int line, int column) {}

  /** A replayed cassette older than the test's max age: when it was recorded. */
  public record Stale(java.time.Instant recordedAt, java.time.Duration maxAge) {}

  /** {@code file::name}, the form the command line accepts to run this test alone. */
  public String id() {
    return file + "::" + name;
  }
}
