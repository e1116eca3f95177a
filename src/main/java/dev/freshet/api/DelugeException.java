package dev.freshet.api;

import dev.freshet.source.Diagnostic;
import java.util.List;

/** A problem with a script (not with Freshet): it carries diagnostics with positions, ready to render. */
public abstract class DelugeException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  DelugeException(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).header(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Every diagnostic rendered with its source line and caret. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(d.render());
    }
    return out.toString();
  }
}
