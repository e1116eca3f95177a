package dev.freshet.interp;

import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;

/** A compiled expression. */
abstract class Node {
  final Span span;

  Node(Span span) {
    this.span = span;
  }

  abstract Object eval(Frame f);

  /**
   * The value as a NUMBER's {@code long}, for the arithmetic nodes ({@link OperatorNodes.Arith}), so that a NUMBER
   * passed from one operator to the next is never boxed. Any other value is handed over through the frame ({@link
   * Frame#escape}) and 0 returned; the caller takes it at once ({@link Frame#escaped}).
   */
  long evalNumber(Frame f) {
    Object v = eval(f);
    if (v instanceof Long x) {
      return x;
    }
    f.escape(v);
    return 0;
  }

  /** Evaluates, attaching this node's position to an error that has none yet. */
  final Object evalAt(Frame f) {
    try {
      return eval(f);
    } catch (ScriptError e) {
      throw e.at(span);
    }
  }
}
