package dev.freshet.api;

import dev.freshet.source.Diagnostic;
import java.util.List;

/** The script failed while running (exit code 70 in the CLI); {@link #isLimit()} tells an execution limit apart. */
public final class RunException extends DelugeException {
  private final boolean limit;

  RunException(Diagnostic diagnostic, boolean limit) {
    super(List.of(diagnostic));
    this.limit = limit;
  }

  public Diagnostic diagnostic() {
    return diagnostics().get(0);
  }

  public boolean isLimit() {
    return limit;
  }
}
