package dev.freshet.runtime;

/** What a {@code catch (e)} variable holds: prints as its message; {@code e.message}, {@code e.lineNo}. */
public record ErrorValue(String message, long lineNo) {
  @Override
  public String toString() {
    return message;
  }
}
