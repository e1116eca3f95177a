package dev.freshet.testing;

import java.util.List;

/**
 * How one test ended. {@code message} is the rendered failure (the diagnostic with its source line and caret), the
 * skip reason, or null for a pass; {@code notes} are extra lines (the cassette's HTTP summary, warnings);
 * {@code stale} is set when the replayed cassette is older than its max age; {@code at} is null for a pass;
 * {@code http} counts what became of the test's HTTP calls.
 */
public record TestResult(String file, String name, int line, Status status, String message, long millis,
    List<String> info, List<String> notes, String cassette, Stale stale, At at, Http http) {

  public enum Status { PASSED, FAILED, ERROR, SKIPPED }

  /**
   * Where a failure happened: the failed assertion, or the Deluge line of the call a cassette could not answer;
   * the test function's line for a failure found after the test (unplayed calls, a refused write).
   */
  public record At(String file, int line, int column) {}

  /** A replayed cassette older than the test's max age: when it was recorded. */
  public record Stale(java.time.Instant recordedAt, java.time.Duration maxAge) {}

  /**
   * A test's HTTP calls: answered from the cassette, recorded into it, sent to the network without recording
   * ({@code live}, {@code check}), answered by a {@code stub}; {@code unused}: recorded calls a replaying test never
   * made; {@code mode}: the test's record mode.
   */
  public record Http(int replayed, int recorded, int live, int stubbed, int unused, String mode) {
    public static final Http NONE = new Http(0, 0, 0, 0, 0, null);

    /** {@code 3 replayed, 1 recorded, 0 live, 0 unused}, and {@code , 2 stubbed} when there were any. */
    public String summary() {
      return replayed + " replayed, " + recorded + " recorded, " + live + " live, " + unused + " unused"
          + (stubbed == 0 ? "" : ", " + stubbed + " stubbed");
    }

    boolean any() {
      return replayed + recorded + live + stubbed + unused > 0;
    }

    /** The sum over several tests. */
    static Http total(List<TestResult> all) {
      int[] n = new int[5];
      for (TestResult r : all) {
        Http h = r.http();
        n[0] += h.replayed;
        n[1] += h.recorded;
        n[2] += h.live;
        n[3] += h.stubbed;
        n[4] += h.unused;
      }
      return new Http(n[0], n[1], n[2], n[3], n[4], null);
    }
  }

  public TestResult {
    http = http != null ? http : Http.NONE;
  }

  /** {@code file::name}, the form the command line accepts to run this test alone. */
  public String id() {
    return file + "::" + name;
  }
}
