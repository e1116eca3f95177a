package dev.freshet.runtime;

import java.time.Duration;

/** Execution limits (DECISIONS §22); the defaults follow Zoho CRM. */
public record Limits(long maxStatements, int maxDepth, Duration timeout) {
  public static final Limits DEFAULT = new Limits(200_000, 75, Duration.ofSeconds(60));

  public Limits {
    if (maxStatements < 1 || maxDepth < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
