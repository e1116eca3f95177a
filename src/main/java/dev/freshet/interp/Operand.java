package dev.freshet.interp;

/**
 * How a NUMBER operator ({@link Arith}, {@link Comparison}) reads an operand without a call: a variable's slot (0 or
 * more), a NUMBER constant held in a field, or else by evaluating the node.
 */
final class Operand {
  static final int NODE = -1;
  static final int CONSTANT = -2;

  private Operand() {}

  /** A variable's slot, {@link #CONSTANT} for a NUMBER constant, else {@link #NODE}. */
  static int kind(Node n) {
    if (n instanceof ValueNodes.Local l) {
      return l.slot();
    }
    return n instanceof ValueNodes.Const c && c.value() instanceof Long ? CONSTANT : NODE;
  }

  /** The constant's value when {@code kind} is {@link #CONSTANT}, else 0 (unused). */
  static long constant(Node n, int kind) {
    return kind == CONSTANT ? (Long) ((ValueNodes.Const) n).value() : 0;
  }
}
