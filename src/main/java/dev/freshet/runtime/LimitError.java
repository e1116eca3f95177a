package dev.freshet.runtime;

import dev.freshet.source.Span;

/** An execution limit was exceeded; {@code try/catch} cannot stop it, as in Zoho. */
public final class LimitError extends ScriptError {
  public LimitError(String message, Span span) {
    super(message, span, true);
  }
}
