package dev.freshet.api;

import dev.freshet.source.Diagnostic;
import java.util.List;

/**
 * The script failed while running (exit code 70 in the CLI): a runtime error, an uncaught {@code throw}, a missing
 * binding. {@link #diagnostic()} says where, with the chain of user functions the error passed through. Two
 * subclasses tell the host why a run was stopped rather than failed: {@link LimitExceededException} and
 * {@link CancelledException}.
 */
public class RunException extends DelugeException {
  private final boolean limit;

  RunException(Diagnostic diagnostic) {
    this(diagnostic, false);
  }

  /** Prefer {@link #of}, which gives a limit its own type. */
  RunException(Diagnostic diagnostic, boolean limit) {
    super(List.of(diagnostic));
    this.limit = limit;
  }

  /** The exception for a failed run: a {@link LimitExceededException} when {@code limit}. */
  static RunException of(Diagnostic diagnostic, boolean limit) {
    return limit ? new LimitExceededException(diagnostic) : new RunException(diagnostic);
  }

  /** The exception for a script error: an {@link AuthorizationRequiredException} when a connection needs one. */
  static RunException of(dev.freshet.runtime.ScriptError e, Diagnostic diagnostic) {
    return e instanceof dev.freshet.runtime.AuthorizationRequired a
        ? new AuthorizationRequiredException(diagnostic, a.connection()) : new RunException(diagnostic);
  }

  /** The error with its position ({@code diagnostic().span()}, null when no position is known). */
  public Diagnostic diagnostic() {
    return diagnostics().get(0);
  }

  /** Whether an execution limit stopped the run (then this is a {@link LimitExceededException}). */
  public boolean isLimit() {
    return limit;
  }
}
