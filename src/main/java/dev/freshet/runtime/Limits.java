package dev.freshet.runtime;

import java.time.Duration;

/**
 * Execution limits (DECISIONS §22); the defaults follow Zoho CRM. {@code maxApiCalls} caps the Zoho API calls one
 * run's {@code zoho.*} tasks make (each task that gets an answer is one call, as Zoho counts them).
 */
public record Limits(long maxStatements, int maxDepth, Duration timeout, long maxApiCalls) {
  /** The default cap on a run's Zoho API calls: a loop gone wrong stops long before it spends a day's API credits. */
  public static final long DEFAULT_MAX_API_CALLS = 1000;
  public static final Limits DEFAULT = new Limits(200_000, 75, Duration.ofSeconds(60), DEFAULT_MAX_API_CALLS);

  public Limits {
    if (maxStatements < 1 || maxDepth < 1 || timeout.isNegative() || timeout.isZero() || maxApiCalls < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Limits with the default cap on API calls. */
  public Limits(long maxStatements, int maxDepth, Duration timeout) {
    this(maxStatements, maxDepth, timeout, DEFAULT_MAX_API_CALLS);
  }
}
