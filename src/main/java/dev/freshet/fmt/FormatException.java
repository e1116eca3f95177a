package dev.freshet.fmt;

import dev.freshet.source.Diagnostic;
import java.util.List;

/** The text was not formatted because it does not parse: every problem found, each with its file, line and column. */
public final class FormatException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  FormatException(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).header(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Every diagnostic as the other commands print it: {@code file.dg:LINE:COL: error: …}, the line and a caret. */
  public String render() {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append(d.render()));
    return out.toString();
  }
}
