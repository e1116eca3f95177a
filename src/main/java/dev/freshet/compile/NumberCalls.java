package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.BinaryOp;
import org.objectweb.asm.Label;

/**
 * {@code fib(n - 1) + fib(n - 2)} in a function declared to return a NUMBER: {@code + - *} over its own calls (which
 * return longs, see {@link Unit#longReturn}), variables and NUMBER constants, with no box for the calls' results or
 * the sum. Unlike {@link Fused}, nothing is read ahead: each node is evaluated in the tree-walker's order into a pair
 * of locals, a long and an object that holds {@link Support#UNBOXED} while the long holds the value, and an operator
 * runs on longs when both its operands are such, else through the general helpers (the same results and errors).
 */
final class NumberCalls {
  private NumberCalls() {}

  /** Whether {@code e} is such a tree with at least one call of the function itself. */
  static boolean applies(Expr e, ExprGen g) {
    return g.longReturn && shape(e, g) && hasSelfCall(e, g);
  }

  private static boolean shape(Expr e, ExprGen g) {
    return e instanceof Expr.Name n && g.resolution.slot(n) >= 0
        || e instanceof Expr.Literal l && l.value() instanceof Long
        || selfCall(e, g)
        || e instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUBTRACT
            || b.op() == BinaryOp.MULTIPLY) && shape(b.left(), g) && shape(b.right(), g);
  }

  private static boolean hasSelfCall(Expr e, ExprGen g) {
    return selfCall(e, g) || e instanceof Expr.Binary b && (hasSelfCall(b.left(), g) || hasSelfCall(b.right(), g));
  }

  private static boolean selfCall(Expr e, ExprGen g) {
    return e instanceof Expr.Call c && g.resolution.callee(c) == g.self
        && c.args().size() == g.self.params().size();
  }

  /** Emits {@code e}: on the long path a long is left on the stack and {@code onLong} runs, else an object and {@code onObject}. */
  static void emit(ExprGen g, Expr e, Runnable onLong, Runnable onObject) {
    int[] pair = eval(g, e);
    Label object = new Label();
    Label done = new Label();
    unlessUnboxed(g, pair, object);
    g.mv.visitVarInsn(LLOAD, pair[0]);
    onLong.run();
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(object);
    g.mv.visitVarInsn(ALOAD, pair[1]);
    onObject.run();
    g.mv.visitLabel(done);
  }

  /** Evaluates {@code e} into a new pair of locals: {long, object}. */
  private static int[] eval(ExprGen g, Expr e) {
    int value = g.newLongLocal();
    int object = g.newLocal();
    g.mv.visitInsn(LCONST_0); // set on every path, for the verifier (read only while the object is UNBOXED)
    g.mv.visitVarInsn(LSTORE, value);
    if (e instanceof Expr.Binary b) {
      int[] left = eval(g, b.left());
      int[] right = eval(g, b.right());
      Label general = new Label();
      Label end = new Label();
      unlessUnboxed(g, left, general);
      unlessUnboxed(g, right, general);
      g.mv.visitVarInsn(LLOAD, left[0]);
      g.mv.visitVarInsn(LLOAD, right[0]);
      g.span(b.span());
      Fused.exact(g, b.op());
      storeLong(g, value, object);
      g.mv.visitJumpInsn(GOTO, end);
      g.mv.visitLabel(general);
      boxed(g, left);
      boxed(g, right);
      Fused.general(g, b);
      g.mv.visitVarInsn(ASTORE, object);
      g.mv.visitLabel(end);
    } else if (e instanceof Expr.Literal l) {
      g.mv.visitLdcInsn(l.value());
      storeLong(g, value, object);
    } else if (e instanceof Expr.Name n) {
      Label other = new Label();
      Label end = new Label();
      Locals.readLong(g, g.resolution.slot(n), other);
      storeLong(g, value, object);
      g.mv.visitJumpInsn(GOTO, end);
      g.mv.visitLabel(other);
      g.expr(e);
      g.mv.visitVarInsn(ASTORE, object);
      g.mv.visitLabel(end);
    } else {
      Expr.Call c = (Expr.Call) e;
      UserCalls.emit(g, g.self, c.args(), c.span(), () -> {
        Label spilled = new Label();
        Label end = new Label();
        g.mv.visitInsn(DUP2);
        g.mv.visitVarInsn(LSTORE, value);
        g.mv.visitLdcInsn(Long.MIN_VALUE);
        g.mv.visitInsn(LCMP);
        g.mv.visitJumpInsn(IFEQ, spilled);
        unboxedMark(g);
        g.mv.visitVarInsn(ASTORE, object);
        g.mv.visitJumpInsn(GOTO, end);
        g.mv.visitLabel(spilled);
        g.host();
        g.mv.visitMethodInsn(INVOKEINTERFACE, Gen.HOST, "unspill", "()" + Gen.OBJ, true);
        g.mv.visitVarInsn(ASTORE, object);
        g.mv.visitLabel(end);
      });
    }
    return new int[] {value, object};
  }

  private static void storeLong(ExprGen g, int value, int object) {
    g.mv.visitVarInsn(LSTORE, value);
    unboxedMark(g);
    g.mv.visitVarInsn(ASTORE, object);
  }

  /** Pushes the pair's value as an object, boxing the long. */
  private static void boxed(ExprGen g, int[] pair) {
    Label done = new Label();
    g.mv.visitVarInsn(ALOAD, pair[1]);
    g.mv.visitInsn(DUP);
    unboxedMark(g);
    g.mv.visitJumpInsn(IF_ACMPNE, done);
    g.mv.visitInsn(POP);
    g.mv.visitVarInsn(LLOAD, pair[0]);
    Fused.box(g);
    g.mv.visitLabel(done);
  }

  /** Jumps to {@code other} unless the pair's value is its long. */
  private static void unlessUnboxed(ExprGen g, int[] pair, Label other) {
    g.mv.visitVarInsn(ALOAD, pair[1]);
    unboxedMark(g);
    g.mv.visitJumpInsn(IF_ACMPNE, other);
  }

  private static void unboxedMark(ExprGen g) {
    g.mv.visitFieldInsn(GETSTATIC, Gen.SUPPORT, "UNBOXED", Gen.OBJ);
  }
}
