package dev.freshet.parse;

import dev.freshet.source.Diagnostic;
import java.util.List;

/** A script that does not parse: every problem found, each with its position. */
public final class SyntaxError extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public SyntaxError(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).header(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** True when the input merely stopped early (an open block, text or comment): the REPL asks for more. */
  public boolean incomplete() {
    return diagnostics.stream().allMatch(d -> d.message().contains("end of file")
        || d.message().startsWith("unterminated") || d.message().startsWith("comment is not closed"));
  }
}
