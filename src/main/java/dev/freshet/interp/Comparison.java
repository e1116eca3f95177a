package dev.freshet.interp;

import static dev.freshet.interp.Operand.CONSTANT;
import static dev.freshet.interp.Operand.constant;
import static dev.freshet.interp.Operand.kind;

import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;

/**
 * {@code < <= > >= == !=}. An {@code if} asks it for a {@code boolean} ({@link #test}), so {@code if (n < 2)} boxes
 * nothing and reads no Boolean back; NUMBER operands travel as {@code long}s as in {@link Arith}, and a variable or a
 * NUMBER constant operand is read here. Any other operand goes through the general rules ({@link
 * OperatorNodes.Binary#apply}) as before: the same order of evaluation, the same results and errors (at the operator).
 * One class for every comparison, so the call from an {@code if} has one target.
 */
final class Comparison extends Node {
  private final BinaryOp op;
  private final Node left;
  private final Node right;
  private final int leftSlot;
  private final int rightSlot;
  private final long leftConstant;
  private final long rightConstant;

  Comparison(BinaryOp op, Node left, Node right, Span span) {
    super(span);
    this.op = op;
    this.left = left;
    this.right = right;
    this.leftSlot = kind(left);
    this.rightSlot = kind(right);
    this.leftConstant = constant(left, leftSlot);
    this.rightConstant = constant(right, rightSlot);
  }

  static boolean applies(BinaryOp op) {
    return op == BinaryOp.LESS || op == BinaryOp.LESS_EQUAL || op == BinaryOp.GREATER
        || op == BinaryOp.GREATER_EQUAL || op == BinaryOp.EQUAL || op == BinaryOp.NOT_EQUAL;
  }

  @Override
  Object eval(Frame f) {
    return test(f);
  }

  /** The comparison's value; only the general rules can fail, and they give a BOOLEAN too. */
  boolean test(Frame f) {
    if (leftSlot >= 0 && rightSlot == CONSTANT && f.get(leftSlot) instanceof Long x) { // n < 2, the usual case
      return compare(x, rightConstant);
    }
    long x = leftSlot >= 0 ? Arith.number(f, leftSlot) : leftSlot == CONSTANT ? leftConstant : left.evalNumber(f);
    if (f.escaping) {
      return general(f.escaped(), right.eval(f));
    }
    long y = rightSlot >= 0 ? Arith.number(f, rightSlot) : rightSlot == CONSTANT ? rightConstant : right.evalNumber(f);
    if (f.escaping) {
      return general(x, f.escaped());
    }
    return compare(x, y);
  }

  private boolean compare(long x, long y) {
    BinaryOp o = op; // identity tests, not a switch: javac's switch on another class's enum reads a table first
    if (o == BinaryOp.LESS) {
      return x < y;
    } else if (o == BinaryOp.LESS_EQUAL) {
      return x <= y;
    } else if (o == BinaryOp.GREATER) {
      return x > y;
    } else if (o == BinaryOp.GREATER_EQUAL) {
      return x >= y;
    } else if (o == BinaryOp.EQUAL) {
      return x == y;
    }
    return x != y;
  }

  private boolean general(Object a, Object b) {
    try {
      return (Boolean) OperatorNodes.Binary.apply(op, a, b);
    } catch (ScriptError e) {
      throw e.at(span);
    }
  }
}
