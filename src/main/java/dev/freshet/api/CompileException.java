package dev.freshet.api;

import dev.freshet.source.Diagnostic;
import java.util.List;

/**
 * The script does not parse, or does not pass the checks made before running (exit code 65 in the CLI). Nothing ran.
 * {@link #diagnostics()} lists every problem found, in source order, each with its line and column.
 */
public final class CompileException extends DelugeException {
  CompileException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }
}
