package dev.freshet.compile;

/**
 * A TEXT variable being built by {@code s = s + x} in compiled code (the tree-walker's TextBuffer): the pieces go
 * into a builder, so n appends copy O(n) characters. It lives only in a JVM local; reading the variable gives the
 * text.
 */
final class TextRope {
  /** Shorter texts are concatenated directly, as in the tree-walker. */
  static final int THRESHOLD = 64;

  private final StringBuilder builder;
  private String text;

  TextRope(String start) {
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

  @Override
  public String toString() {
    return text();
  }
}
