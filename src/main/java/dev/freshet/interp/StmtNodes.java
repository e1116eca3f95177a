package dev.freshet.interp;

import dev.freshet.ast.Stmt.AssignOp;
import dev.freshet.runtime.ErrorValue;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import dev.freshet.runtime.Values;
import dev.freshet.source.Span;

/** Compiled statements. */
final class StmtNodes {
  private StmtNodes() {}

  static final class Assign extends Exec {
    private final int slot;
    private final Node value;

    Assign(int slot, Node value, Span span) {
      super(span);
      this.slot = slot;
      this.value = value;
    }

    Node value() {
      return value;
    }

    @Override
    int run(Frame f) {
      f.set(slot, value.eval(f));
      return NORMAL;
    }
  }

  /**
   * {@code x = <arithmetic>}: the NUMBER stays a long in the slot ({@link Unboxed}). A class of its own, apart from
   * {@link Assign}, so that its compiled code is small enough for the JIT to inline into a loop, and its value is
   * called through a field of its own type, a call with one target where {@code value.eval} meets every kind of node.
   */
  static final class AssignNumber extends Exec {
    private final int slot;
    private final Arith value;

    AssignNumber(int slot, Arith value, Span span) {
      super(span);
      this.slot = slot;
      this.value = value;
    }

    Arith value() {
      return value;
    }

    @Override
    int run(Frame f) {
      long r = value.evalNumber(f);
      if (f.escaping) {
        f.set(slot, f.escaped());
      } else {
        Unboxed.store(f, slot, r);
      }
      return NORMAL;
    }
  }

  /** {@code x += v} and friends: the same operator rules as {@code x = x + v}. */
  static final class CompoundAssign extends Exec {
    private final int slot;
    private final AssignOp op;
    private final Node value;

    CompoundAssign(int slot, AssignOp op, Node value, Span span) {
      super(span);
      this.slot = slot;
      this.op = op;
      this.value = value;
    }

    @Override
    int run(Frame f) {
      Object current = Unboxed.read(f.get(slot));
      Object v = value.eval(f);
      try {
        f.set(slot, switch (op) {
          case ADD -> Ops.add(current, v);
          case SUBTRACT -> Ops.subtract(current, v);
          case MULTIPLY -> Ops.multiply(current, v);
          case DIVIDE -> Ops.divide(current, v);
          default -> Ops.remainder(current, v);
        });
      } catch (ScriptError e) {
        throw e.at(span);
      }
      return NORMAL;
    }
  }

  /**
   * {@code s = s + a + b} (or {@code s += a}): while {@code s} holds TEXT the parts are appended to a {@link
   * TextBuffer}, so building a text in a loop stays linear. Any other value goes through {@code +} as written.
   */
  static final class Append extends Exec {
    private final int slot;
    private final Node[] parts;
    private final Span[] operators;

    /** The one part when it is arithmetic, else null (as in {@link Assign}). */
    private final Arith arithmetic;

    Append(int slot, Node[] parts, Span[] operators, Span span) {
      super(span);
      this.slot = slot;
      this.parts = parts;
      this.operators = operators;
      this.arithmetic = parts.length == 1 && parts[0] instanceof Arith a ? a : null;
    }

    Node[] parts() {
      return parts;
    }

    @Override
    int run(Frame f) {
      Object current = f.get(slot);
      if (current instanceof Unboxed u && parts.length == 1) { // a running total, kept as a long in the slot
        long x = u.value;
        long y = arithmetic != null ? arithmetic.evalNumber(f) : parts[0].evalNumber(f);
        if (f.escaping) {
          f.set(slot, add(x, f.escaped(), operators[0]));
        } else {
          u.set(Ops.addNumbers(x, y));
        }
        return NORMAL;
      }
      return other(f, current);
    }

    /** Apart from {@link #run} so that the running total's path stays small enough for the JIT to inline. */
    private int other(Frame f, Object current) {
      if (parts.length == 1) {
        if (current instanceof Long x) { // the first step of a running total
          long y = arithmetic != null ? arithmetic.evalNumber(f) : parts[0].evalNumber(f);
          if (f.escaping) {
            f.set(slot, add(x, f.escaped(), operators[0]));
          } else {
            f.set(slot, new Unboxed(Ops.addNumbers(x, y)));
          }
          return NORMAL;
        }
        f.set(slot, add(current, parts[0].eval(f), operators[0]));
        return NORMAL;
      }
      if (current instanceof Unboxed u) {
        current = u.value;
      }
      if (TextBuffer.isText(current)) {
        // TEXT + anything cannot fail: every part is evaluated first, so a part that reads the variable sees it
        // as it was, then the parts are appended
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
          values[i] = parts[i].eval(f);
        }
        for (int i = 0; i < values.length; i++) {
          current = add(current, values[i], operators[i]);
        }
      } else {
        for (int i = 0; i < parts.length; i++) { // as written: an error stops the later parts from running
          current = add(current, parts[i].eval(f), operators[i]);
        }
      }
      f.set(slot, current);
      return NORMAL;
    }

    private static Object add(Object current, Object v, Span operator) {
      return TextBuffer.append(current, v, operator);
    }
  }

  static final class Evaluate extends Exec {
    private final Node expr;

    Evaluate(Node expr, Span span) {
      super(span);
      this.expr = expr;
    }

    @Override
    int run(Frame f) {
      expr.eval(f);
      return NORMAL;
    }
  }

  static final class Info extends Exec {
    private final Node value;

    Info(Node value, Span span) {
      super(span);
      this.value = value;
    }

    @Override
    int run(Frame f) {
      f.run.info(value == null ? "" : Values.toText(value.eval(f)));
      return NORMAL;
    }
  }

  static final class If extends Exec {
    private final Node[] conditions;
    /** Each condition when it is a comparison, else null: tested as a boolean, nothing boxed. */
    private final Comparison[] comparisons;
    private final Exec[][] bodies;
    private final Exec[] otherwise;

    If(Node[] conditions, Exec[][] bodies, Exec[] otherwise, Span span) {
      super(span);
      this.conditions = conditions;
      this.comparisons = new Comparison[conditions.length];
      for (int i = 0; i < conditions.length; i++) {
        comparisons[i] = conditions[i] instanceof Comparison c ? c : null;
      }
      this.bodies = bodies;
      this.otherwise = otherwise;
    }

    @Override
    int run(Frame f) {
      for (int i = 0; i < conditions.length; i++) {
        Comparison c = comparisons[i];
        if (c != null ? c.test(f) : truth(conditions[i], f)) {
          return runAll(bodies[i], f);
        }
      }
      return otherwise == null ? NORMAL : runAll(otherwise, f);
    }
  }

  /** An {@code if} condition's value, which must be a BOOLEAN. */
  static boolean truth(Node condition, Frame f) {
    Object c = condition.eval(f);
    if (c == Boolean.TRUE) { // the usual case: operators give the two canonical Booleans
      return true;
    } else if (c == Boolean.FALSE) {
      return false;
    } else if (c instanceof Boolean b) {
      return b;
    }
    throw new ScriptError("if condition needs a BOOLEAN, got " + Ops.describe(c), condition.span);
  }

  /** {@code if (c) { … }} without else: one condition, one block, no loops. */
  static final class IfThen extends Exec {
    private final Node condition;
    /** The condition when it is a comparison, else null (as in {@link If}). */
    private final Comparison comparison;
    private final Exec[] body;

    IfThen(Node condition, Exec[] body, Span span) {
      super(span);
      this.condition = condition;
      this.comparison = condition instanceof Comparison c ? c : null;
      this.body = body;
    }

    @Override
    int run(Frame f) {
      if (!(comparison != null ? comparison.test(f) : truth(condition, f))) {
        return NORMAL;
      }
      if (body.length != 1) {
        return runAll(body, f);
      }
      Exec only = body[0]; // runOne written out: one Java call level fewer (see Arith.evalNumber)
      f.run.tick(only.span);
      try {
        return only.run(f);
      } catch (ScriptError err) {
        throw err.at(only.span);
      }
    }
  }

  static final class Break extends Exec {
    Break(Span span) {
      super(span);
    }

    @Override
    int run(Frame f) {
      return BREAK;
    }
  }

  static final class Continue extends Exec {
    Continue(Span span) {
      super(span);
    }

    @Override
    int run(Frame f) {
      return CONTINUE;
    }
  }

  /** {@code return}: in a function the value is checked against its return type here, where errors point. */
  static final class Return extends Exec {
    private final Node value;
    private final UserFunction function;
    /** The value when it is arithmetic, else null (as in {@link Assign}): its NUMBER needs no return type check. */
    private final Arith arithmetic;
    /** The value's slot when it is a variable, else -1: read here, no call. */
    private final int slot;
    /** Whether a NUMBER is returned as it is: in a function returning a NUMBER (or undeclared), or the top level. */
    private final boolean numberFits;

    Return(Node value, UserFunction function, Span span) {
      super(span);
      this.value = value;
      this.function = function;
      this.arithmetic = value instanceof Arith a ? a : null;
      this.slot = value instanceof ValueNodes.Local l ? l.slot() : -1;
      this.numberFits = function == null || function.returnsAnyNumber();
    }

    @Override
    int run(Frame f) {
      Object v;
      if (arithmetic != null) {
        long r = arithmetic.evalNumber(f);
        if (!f.escaping) {
          if (numberFits) {
            f.returned = r;
            return RETURN;
          }
          v = r;
        } else {
          v = f.escaped();
        }
      } else if (slot >= 0) {
        v = Unboxed.read(f.get(slot));
      } else {
        v = value == null ? null : value.eval(f);
      }
      f.returned = function == null ? v : function.returning(v);
      return RETURN;
    }
  }

  static final class Throw extends Exec {
    private final Node value;

    Throw(Node value, Span span) {
      super(span);
      this.value = value;
    }

    @Override
    int run(Frame f) {
      Object v = value.eval(f);
      throw new ScriptError(v instanceof ErrorValue e ? e.message() : Values.toText(v), span);
    }
  }

  /** {@code try/catch}: catches runtime errors and throws, not limit violations. */
  static final class Try extends Exec {
    private final Exec[] body;
    private final int slot;
    private final Exec[] handler;

    Try(Exec[] body, int slot, Exec[] handler, Span span) {
      super(span);
      this.body = body;
      this.slot = slot;
      this.handler = handler;
    }

    @Override
    int run(Frame f) {
      try {
        return runAll(body, f);
      } catch (ScriptError e) {
        if (e.uncatchable()) {
          throw e;
        }
        if (slot >= 0) {
          f.set(slot, new ErrorValue(e.getMessage(), e.span() == null ? span.line() : e.span().line()));
        }
        return runAll(handler, f);
      }
    }
  }

  static final class Unavailable extends Exec {
    private final String message;

    Unavailable(String message, Span span) {
      super(span);
      this.message = message;
    }

    @Override
    int run(Frame f) {
      throw new ScriptError(message, span);
    }
  }
}
