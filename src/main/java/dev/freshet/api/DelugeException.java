package dev.freshet.api;

import dev.freshet.source.Diagnostic;
import java.util.List;

/**
 * A problem with a script (not with Freshet): it carries diagnostics with positions, ready to render. The message is
 * the first diagnostic's header ({@code name.dg:3:5: error: …}); there is no Java stack trace to show a user.
 */
public abstract class DelugeException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  DelugeException(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).header(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every problem, each with its kind, message, source, span ({@code line()}, {@code column()}) and notes. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Every diagnostic rendered as the CLI shows it: header, the source line, a caret, then notes. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(d.render());
    }
    return out.toString();
  }
}
