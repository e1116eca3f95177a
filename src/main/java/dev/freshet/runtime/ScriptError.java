package dev.freshet.runtime;

import dev.freshet.source.Span;

/**
 * A runtime error a script can catch. Built-ins throw it without a position; the interpreter attaches the span of
 * the expression or statement that failed. No stack trace: it is control flow, not a bug.
 */
public class ScriptError extends RuntimeException {
  private Span span;
  private final boolean uncatchable;
  private final java.util.List<String> calls = new java.util.ArrayList<>();

  public ScriptError(String message) {
    this(message, null, false);
  }

  public ScriptError(String message, Span span) {
    this(message, span, false);
  }

  protected ScriptError(String message, Span span, boolean uncatchable) {
    super(message, null, false, false);
    this.span = span;
    this.uncatchable = uncatchable;
  }

  public Span span() {
    return span;
  }

  /** Sets the position if none is known yet (the innermost failing expression wins). */
  public ScriptError at(Span where) {
    if (span == null) {
      span = where;
    }
    return this;
  }

  /** Limit violations and host cancellation end the run even inside {@code try}. */
  public boolean uncatchable() {
    return uncatchable;
  }

  /** Records that the error passed out of a user function called at {@code callSite} (innermost first). */
  public void addCall(String function, Span callSite) {
    calls.add(function + "()@" + callSite.line() + ":" + callSite.column());
  }

  /** The user functions the error passed through, innermost first, as {@code name()@line:col}. */
  public java.util.List<String> calls() {
    return java.util.Collections.unmodifiableList(calls);
  }

  /** A type error built from an operation and its operand types. */
  public static ScriptError typeError(String op, Object left, Object right) {
    return new ScriptError("operator '" + op + "' cannot be applied to " + Values.typeOf(left) + " and "
        + Values.typeOf(right));
  }
}
