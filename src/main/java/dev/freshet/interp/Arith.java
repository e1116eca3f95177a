package dev.freshet.interp;

import static dev.freshet.interp.Operand.CONSTANT;
import static dev.freshet.interp.Operand.NODE;
import static dev.freshet.interp.Operand.constant;
import static dev.freshet.interp.Operand.kind;

import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import dev.freshet.source.Span;

/**
 * {@code + - * / %}. NUMBER operands travel as {@code long}s ({@link Node#evalNumber}), so in {@code hi * 1000 + lo}
 * only the sum is boxed; a variable or a NUMBER constant operand is read here, without a call. Any other operand
 * (TEXT, DECIMAL, a date…) goes through the general rules ({@link OperatorNodes.Binary#apply}), as before: the same
 * order of evaluation, the same results and errors, which point at the operator.
 */
abstract class Arith extends Node {
  final BinaryOp op;
  final Node left;
  final Node right;
  final int leftSlot;
  final int rightSlot;
  final long leftConstant;
  final long rightConstant;

  /**
   * A {@link Leaf} when both operands are variables or constants, a {@link Twig} when one of them is a {@link Leaf}
   * and the other a variable or constant, else a {@link Tree}.
   */
  static Arith of(BinaryOp op, Node left, Node right, Span span) {
    if (kind(left) != NODE && kind(right) != NODE) {
      return new Leaf(op, left, right, span);
    }
    if (left instanceof Leaf && kind(right) != NODE || right instanceof Leaf && kind(left) != NODE) {
      return new Twig(op, left, right, span);
    }
    return new Tree(op, left, right, span);
  }

  private Arith(BinaryOp op, Node left, Node right, Span span) {
    super(span);
    this.op = op;
    this.left = left;
    this.right = right;
    this.leftSlot = kind(left);
    this.rightSlot = kind(right);
    this.leftConstant = constant(left, leftSlot);
    this.rightConstant = constant(right, rightSlot);
  }

  /** Whether {@code op} is arithmetic and neither operand a constant of another type (those stay general). */
  static boolean applies(BinaryOp op, Node left, Node right) {
    boolean arithmetic = op == BinaryOp.ADD || op == BinaryOp.SUBTRACT || op == BinaryOp.MULTIPLY
        || op == BinaryOp.DIVIDE || op == BinaryOp.REMAINDER;
    return arithmetic && !otherConstant(left) && !otherConstant(right);
  }

  private static boolean otherConstant(Node n) {
    return n instanceof ValueNodes.Const c && !(c.value() instanceof Long);
  }

  BinaryOp op() {
    return op;
  }

  Node left() {
    return left;
  }

  Node right() {
    return right;
  }

  @Override
  final Object eval(Frame f) {
    long r = evalNumber(f);
    return f.escaping ? f.escaped() : (Object) r;
  }

  /**
   * An operator with an operand that is itself evaluated (another operator, a call…). The operands are read here
   * rather than by a shared helper: every Java call level counts against the JIT's inlining depth, which a recursive
   * user function's chain of nodes uses up quickly.
   */
  static final class Tree extends Arith {
    Tree(BinaryOp op, Node left, Node right, Span span) {
      super(op, left, right, span);
    }

    @Override
    long evalNumber(Frame f) {
      long x = leftSlot >= 0 ? number(f, leftSlot) : leftSlot == CONSTANT ? leftConstant : left.evalNumber(f);
      if (f.escaping) {
        return general(f, f.escaped(), right.eval(f));
      }
      long y = rightSlot >= 0 ? number(f, rightSlot) : rightSlot == CONSTANT ? rightConstant : right.evalNumber(f);
      if (f.escaping) {
        return general(f, x, f.escaped());
      }
      return numbersAt(x, y);
    }
  }

  /**
   * {@code hi * 1000 + lo}: a {@link Leaf} and a variable or constant. Its Leaf is called directly (a final class),
   * never through {@link Tree}'s operand calls, which meet every kind of operand: so the JIT inlines the Leaf here, and
   * this whole node into the statement that uses it.
   */
  static final class Twig extends Arith {
    private final Leaf leaf;
    private final boolean leafOnLeft;

    Twig(BinaryOp op, Node left, Node right, Span span) {
      super(op, left, right, span);
      leafOnLeft = left instanceof Leaf;
      leaf = (Leaf) (leafOnLeft ? left : right);
    }

    @Override
    long evalNumber(Frame f) {
      long x = leafOnLeft ? leaf.evalNumber(f) : leftSlot >= 0 ? number(f, leftSlot) : leftConstant;
      if (f.escaping) {
        return general(f, f.escaped(), right.eval(f));
      }
      long y = leafOnLeft ? rightSlot >= 0 ? number(f, rightSlot) : rightConstant : leaf.evalNumber(f);
      if (f.escaping) {
        return general(f, x, f.escaped());
      }
      return numbersAt(x, y);
    }
  }

  /**
   * {@code i * i}, {@code hi * 1000}: both operands variables or constants. Apart from {@link Tree} so that its
   * compiled code stays small (no nested operator inlined into it), which lets the JIT inline it into its callers.
   */
  static final class Leaf extends Arith {
    Leaf(BinaryOp op, Node left, Node right, Span span) {
      super(op, left, right, span);
    }

    @Override
    long evalNumber(Frame f) {
      long x = leftSlot >= 0 ? number(f, leftSlot) : leftConstant;
      if (f.escaping) {
        return general(f, f.escaped(), right.eval(f));
      }
      long y = rightSlot >= 0 ? number(f, rightSlot) : rightConstant;
      if (f.escaping) {
        return general(f, x, f.escaped());
      }
      return numbersAt(x, y);
    }
  }

  final long numbersAt(long x, long y) {
    try {
      return numbers(x, y);
    } catch (ScriptError e) {
      throw e.at(span);
    }
  }

  /** A variable's value as a NUMBER's long, or handed over through the frame ({@link Node#evalNumber}). */
  static long number(Frame f, int slot) {
    Object v = f.get(slot);
    if (v instanceof Long x) {
      return x;
    }
    if (v instanceof Unboxed u) {
      return u.value;
    }
    f.escape(TextBuffer.read(v));
    return 0;
  }

  /** Identity tests, not a switch: javac's switch on another class's enum reads a lookup table first. */
  private long numbers(long x, long y) {
    if (op == BinaryOp.ADD) {
      return Ops.addNumbers(x, y);
    } else if (op == BinaryOp.SUBTRACT) {
      return Ops.subtractNumbers(x, y);
    } else if (op == BinaryOp.MULTIPLY) {
      return Ops.multiplyNumbers(x, y);
    } else if (op == BinaryOp.DIVIDE) {
      return Ops.divideNumbers(x, y);
    }
    return Ops.remainderNumbers(x, y);
  }

  /** An operand that is no NUMBER: the general rules; a result that is no NUMBER is handed over as well. */
  final long general(Frame f, Object a, Object b) {
    Object r;
    try {
      r = OperatorNodes.Binary.apply(op, a, b);
    } catch (ScriptError e) {
      throw e.at(span);
    }
    if (r instanceof Long x) {
      return x;
    }
    f.escape(r);
    return 0;
  }
}
