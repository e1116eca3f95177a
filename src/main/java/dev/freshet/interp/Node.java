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

  /** Evaluates, attaching this node's position to an error that has none yet. */
  final Object evalAt(Frame f) {
    try {
      return eval(f);
    } catch (ScriptError e) {
      throw e.at(span);
    }
  }
}
