package dev.freshet.interp;

/**
 * A TEXT variable being built by {@code s = s + x} in a loop: the pieces go into a builder, so n appends copy O(n)
 * characters instead of O(n²). It lives only in a frame slot; reading the variable gives the text (made once per
 * change), so no other part of Freshet ever sees this class.
 */
final class TextBuffer {
  /** Shorter texts are concatenated directly: a builder only pays once the text is long. */
  static final int THRESHOLD = 64;

  private final StringBuilder builder;
  private String text;

  TextBuffer(String start) {
    builder = new StringBuilder(Math.max(THRESHOLD * 2, start.length() * 2)).append(start);
    text = start;
  }

  void append(String more) {
    builder.append(more);
    text = null;
  }

  String text() {
    String t = text;
    if (t == null) {
      t = builder.toString();
      text = t;
    }
    return t;
  }

  /** The value a slot holds, as scripts see it. */
  static Object read(Object slotValue) {
    return slotValue instanceof TextBuffer b ? b.text() : slotValue;
  }

  @Override
  public String toString() {
    return text();
  }
}
