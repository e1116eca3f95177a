package dev.freshet.interp;

import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import dev.freshet.runtime.Values;
import dev.freshet.source.Span;

/** Unary, binary, logical and conditional operators. Errors point at the operator. */
final class OperatorNodes {
  private OperatorNodes() {}

  static final class Binary extends Node {
    private final BinaryOp op;
    private final Node left;
    private final Node right;

    Binary(BinaryOp op, Node left, Node right, Span span) {
      super(span);
      this.op = op;
      this.left = left;
      this.right = right;
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
    Object eval(Frame f) {
      Object a = left.eval(f);
      Object b = right.eval(f);
      try {
        if (a instanceof Long x && b instanceof Long y) {
          return numbers(op, x, y);
        }
        return apply(op, a, b);
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }

    /**
     * NUMBER op NUMBER, the common case, without going through the general rules. Identity tests rather than a
     * switch: javac's switch on another class's enum first reads a lookup table, a chain of dependent loads that
     * showed up as the hottest instructions of a call.
     */
    static Object numbers(BinaryOp op, long x, long y) {
      if (op == BinaryOp.ADD) {
        return Ops.addNumbers(x, y);
      } else if (op == BinaryOp.SUBTRACT) {
        return Ops.subtractNumbers(x, y);
      } else if (op == BinaryOp.MULTIPLY) {
        return Ops.multiplyNumbers(x, y);
      } else if (op == BinaryOp.LESS) {
        return x < y;
      } else if (op == BinaryOp.LESS_EQUAL) {
        return x <= y;
      } else if (op == BinaryOp.GREATER) {
        return x > y;
      } else if (op == BinaryOp.GREATER_EQUAL) {
        return x >= y;
      } else if (op == BinaryOp.EQUAL) {
        return x == y;
      } else if (op == BinaryOp.NOT_EQUAL) {
        return x != y;
      }
      return apply(op, x, y);
    }

    static Object apply(BinaryOp op, Object a, Object b) {
      return switch (op) {
        case ADD -> Ops.add(a, b);
        case SUBTRACT -> Ops.subtract(a, b);
        case MULTIPLY -> Ops.multiply(a, b);
        case DIVIDE -> Ops.divide(a, b);
        case REMAINDER -> Ops.remainder(a, b);
        case LESS -> Ops.compare(op.symbol, a, b) < 0;
        case LESS_EQUAL -> Ops.compare(op.symbol, a, b) <= 0;
        case GREATER -> Ops.compare(op.symbol, a, b) > 0;
        case GREATER_EQUAL -> Ops.compare(op.symbol, a, b) >= 0;
        case EQUAL -> Values.same(a, b);
        case NOT_EQUAL -> !Values.same(a, b);
        default -> throw new IllegalStateException("logical operators are compiled to And / Or");
      };
    }
  }

  /** {@code i < 10}: the right operand is a NUMBER constant, so only the left is evaluated. */
  static final class BinaryConst extends Node {
    private final BinaryOp op;
    private final Node left;
    private final Long right;

    BinaryConst(BinaryOp op, Node left, Long right, Span span) {
      super(span);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      return withConstant(op, left.eval(f), right, span);
    }
  }

  /** {@code n < 2} with a variable on the left: the slot is read here, one call fewer. */
  static final class LocalConst extends Node {
    private final BinaryOp op;
    private final int slot;
    private final Long right;

    LocalConst(BinaryOp op, int slot, Long right, Span span) {
      super(span);
      this.op = op;
      this.slot = slot;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      return withConstant(op, Unboxed.read(f.get(slot)), right, span);
    }
  }

  /** {@code a op k} for a NUMBER constant k: the NUMBER fast path first; errors point at the operator. */
  private static Object withConstant(BinaryOp op, Object a, Long k, Span span) {
    try {
      return a instanceof Long x ? Binary.numbers(op, x, k) : Binary.apply(op, a, k);
    } catch (ScriptError e) {
      throw e.at(span);
    }
  }

  static final class And extends Node {
    private final Node left;
    private final Node right;

    And(Node left, Node right, Span span) {
      super(span);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      try {
        return Ops.truth("operator '&&'", left.eval(f)) && Ops.truth("operator '&&'", right.eval(f));
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }
  }

  static final class Or extends Node {
    private final Node left;
    private final Node right;

    Or(Node left, Node right, Span span) {
      super(span);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      try {
        return Ops.truth("operator '||'", left.eval(f)) || Ops.truth("operator '||'", right.eval(f));
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }
  }

  static final class Not extends Node {
    private final Node operand;

    Not(Node operand, Span span) {
      super(span);
      this.operand = operand;
    }

    @Override
    Object eval(Frame f) {
      Object v = operand.eval(f);
      try {
        return Ops.not(v);
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }
  }

  static final class Negate extends Node {
    private final Node operand;
    private final boolean plus;

    Negate(Node operand, boolean plus, Span span) {
      super(span);
      this.operand = operand;
      this.plus = plus;
    }

    @Override
    Object eval(Frame f) {
      Object v = operand.eval(f);
      try {
        if (plus) {
          if (!Values.isNumeric(v)) {
            throw new ScriptError("operator '+' cannot be applied to " + Values.typeOf(v));
          }
          return v;
        }
        return Ops.negate(v);
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }
  }

  /** {@code if(condition, a, b)}: only the chosen branch is evaluated. */
  static final class Conditional extends Node {
    private final Node condition;
    private final Node whenTrue;
    private final Node whenFalse;

    Conditional(Node condition, Node whenTrue, Node whenFalse, Span span) {
      super(span);
      this.condition = condition;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    Object eval(Frame f) {
      boolean c;
      try {
        c = Ops.truth("if(…)", condition.eval(f));
      } catch (ScriptError e) {
        throw e.at(span);
      }
      return c ? whenTrue.eval(f) : whenFalse.eval(f);
    }
  }

  static final class IfNull extends Node {
    private final Node value;
    private final Node fallback;

    IfNull(Node value, Node fallback, Span span) {
      super(span);
      this.value = value;
      this.fallback = fallback;
    }

    @Override
    Object eval(Frame f) {
      Object v = value.eval(f);
      return v != null ? v : fallback.eval(f);
    }
  }
}
