package dev.freshet.api;

import dev.freshet.source.Diagnostic;

/**
 * The run passed one of the engine's limits (statements, nested calls, wall time, or the Java stack): it was stopped
 * where the limit was hit, and {@code try … catch} in the script could not catch it. The diagnostic's span is the
 * statement or call that passed the limit.
 */
public final class LimitExceededException extends RunException {
  LimitExceededException(Diagnostic diagnostic) {
    super(diagnostic, true);
  }
}
