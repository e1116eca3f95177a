package dev.freshet.source;

/** A position in a source file: 1-based line and column of the start, and the character range. */
public record Span(int line, int column, int start, int end) {
  public static final Span NONE = new Span(0, 0, 0, 0);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
