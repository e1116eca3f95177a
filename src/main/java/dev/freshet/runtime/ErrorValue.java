package dev.freshet.runtime;

import dev.freshet.source.Span;

/** What a {@code catch (e)} variable holds: prints as its message; {@code e.message}, {@code e.lineNo}. */
public record ErrorValue(String message, long lineNo) {
  @Override
  public String toString() {
    return message;
  }

  /** {@code v.name}: {@code message} or {@code lineNo} of a caught error; anything else is an error at {@code at}. */
  public static Object property(Object v, String name, Span at) {
    if (v instanceof ErrorValue e) {
      if (name.equalsIgnoreCase("message")) {
        return e.message();
      }
      if (name.equalsIgnoreCase("lineNo") || name.equalsIgnoreCase("lineNumber")) {
        return e.lineNo();
      }
    }
    throw new ScriptError("." + name + " is not a property of " + Values.typeOf(v)
        + (v instanceof ErrorValue ? " (use .message or .lineNo)" : "; use .get(\"" + name + "\") to read a map key"),
        at);
  }
}
