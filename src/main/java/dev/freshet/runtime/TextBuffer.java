package dev.freshet.runtime;

import dev.freshet.source.Span;

/**
 * A TEXT variable being built by {@code s = s + x} in a loop, in either tier: the pieces go into a builder, so n
 * appends copy O(n) characters instead of O(n²). It lives only in a variable's slot; reading the variable gives the
 * text (made once per change), so no other part of Freshet ever sees this class.
 */
public final class TextBuffer {
  /** Shorter texts are concatenated directly: a builder only pays once the text is long. */
  static final int THRESHOLD = 64;

  private final StringBuilder builder;
  private String text;

  private TextBuffer(String start) {
    builder = new StringBuilder(Math.max(THRESHOLD * 2, start.length() * 2)).append(start);
    text = start;
  }

  private String text() {
    String t = text;
    if (t == null) {
      t = builder.toString();
      text = t;
    }
    return t;
  }

  /** The value a slot holds, as scripts see it. */
  public static Object read(Object slotValue) {
    return slotValue instanceof TextBuffer b ? b.text() : slotValue;
  }

  /** Whether a slot holds TEXT (built or plain): then {@code +} cannot fail. */
  public static boolean isText(Object slotValue) {
    return slotValue instanceof TextBuffer || slotValue instanceof String;
  }

  /** One part of {@code s = s + v}: a running total stays a NUMBER, a long text becomes a buffer. */
  public static Object append(Object current, Object v, Span operator) {
    if (current instanceof Long x && v instanceof Long y) { // a running total: the common case that is no text
      return Ops.addNumbers(x, y);
    }
    if (current instanceof TextBuffer b) {
      b.builder.append(Values.toText(v));
      b.text = null;
      return b;
    }
    try {
      Object sum = Ops.add(current, v);
      return sum instanceof String s && s.length() >= THRESHOLD ? new TextBuffer(s) : sum;
    } catch (ScriptError e) {
      throw e.at(operator);
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
