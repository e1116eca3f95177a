package dev.freshet.bench;

/**
 * A bound, not Freshet: the smallest tree-walker that runs fib.dg and keeps a few of Deluge's rules (each statement
 * counted against a budget, the call depth checked, NUMBER overflow checked, values boxed in the frame, a fresh frame
 * per call, a {@code return} passed up as a code), with none of Freshet's generality: each operator and comparison is
 * a class of its own with its constant in a field, the one variable is read without a slot number, and there are no
 * type checks, error positions, escaping values or compiled tier. Its ratio to plain Java is about as low as a
 * tree-walker on this JVM can go ({@code CpuRatios floor}; docs/performance.md, "Calls (fib)").
 */
final class FloorFib {
  private FloorFib() {}

  static final class Run {
    long budget = Long.MAX_VALUE;
    final int maxDepth = 1_000;
  }

  static final class Frame {
    final Run run;
    final int depth;
    Object n;
    Object returned;

    Frame(Run run, int depth) {
      this.run = run;
      this.depth = depth;
    }
  }

  abstract static class Expr {
    abstract long number(Frame f);
  }

  abstract static class Stmt {
    static final int NORMAL = 0;
    static final int RETURN = 1;

    abstract int run(Frame f);

    static int block(Stmt[] body, Frame f) {
      for (Stmt s : body) {
        if (--f.run.budget < 0) {
          throw new IllegalStateException("statement limit");
        }
        int done = s.run(f);
        if (done != NORMAL) {
          return done;
        }
      }
      return NORMAL;
    }
  }

  static final class Param extends Expr {
    @Override
    long number(Frame f) {
      if (f.n instanceof Long x) {
        return x;
      }
      throw new IllegalStateException("not a NUMBER");
    }
  }

  static final class Minus extends Expr {
    final Expr left;
    final long right;

    Minus(Expr left, long right) {
      this.left = left;
      this.right = right;
    }

    @Override
    long number(Frame f) {
      return Math.subtractExact(left.number(f), right);
    }
  }

  static final class Plus extends Expr {
    final Expr left;
    final Expr right;

    Plus(Expr left, Expr right) {
      this.left = left;
      this.right = right;
    }

    @Override
    long number(Frame f) {
      return Math.addExact(left.number(f), right.number(f));
    }
  }

  /** A user function: its body is set once the calls in it exist. */
  static final class Function {
    Stmt[] body;
  }

  static final class Call extends Expr {
    final Function function;
    final Expr argument;

    Call(Function function, Expr argument) {
      this.function = function;
      this.argument = argument;
    }

    @Override
    long number(Frame f) {
      if (f.depth >= f.run.maxDepth) {
        throw new IllegalStateException("depth limit");
      }
      long n = argument.number(f);
      Frame callee = new Frame(f.run, f.depth + 1);
      callee.n = n;
      Stmt.block(function.body, callee);
      if (callee.returned instanceof Long x) {
        return x;
      }
      throw new IllegalStateException("not a NUMBER");
    }
  }

  static final class IfLess extends Stmt {
    final Expr left;
    final long right;
    final Stmt[] then;

    IfLess(Expr left, long right, Stmt[] then) {
      this.left = left;
      this.right = right;
      this.then = then;
    }

    @Override
    int run(Frame f) {
      if (left.number(f) < right) {
        for (Stmt s : then) { // its own loop, not block's: a call site that sees only this block's statements
          if (--f.run.budget < 0) {
            throw new IllegalStateException("statement limit");
          }
          int done = s.run(f);
          if (done != NORMAL) {
            return done;
          }
        }
      }
      return NORMAL;
    }
  }

  static final class Return extends Stmt {
    final Expr value;

    Return(Expr value) {
      this.value = value;
    }

    @Override
    int run(Frame f) {
      f.returned = value.number(f);
      return RETURN;
    }
  }

  /** fib.dg's tree: {@code if (n < 2) { return n; } return fib(n - 1) + fib(n - 2);}, and its call fib(n). */
  private static final Call FIB;

  static {
    Function fib = new Function();
    Param n = new Param();
    fib.body = new Stmt[] {new IfLess(n, 2, new Stmt[] {new Return(n)}),
        new Return(new Plus(new Call(fib, new Minus(n, 1)), new Call(fib, new Minus(n, 2))))};
    FIB = new Call(fib, new Param());
  }

  static long fib(long n) {
    Frame top = new Frame(new Run(), 0);
    top.n = n;
    return FIB.number(top);
  }
}
