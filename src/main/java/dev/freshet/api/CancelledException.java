package dev.freshet.api;

import dev.freshet.source.Diagnostic;

/**
 * The host cancelled the run ({@link Execution#cancel()}). It stopped at the next statement it reached (the span), or
 * never started when it was cancelled while waiting for a thread (no span).
 */
public final class CancelledException extends RunException {
  CancelledException(Diagnostic diagnostic) {
    super(diagnostic);
  }
}
