package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.source.Span;
import dev.freshet.check.Resolution;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Label;

/**
 * {@code a * 100 + b * 10 + c} over variables and NUMBER constants, computed on JVM longs when every variable holds
 * a NUMBER: one box for the result instead of one per operator, and none when the result goes into a NUMBER variable
 * ({@link Locals}). Reading a variable cannot fail or change anything, so the variables are read (and tested) first;
 * then either all are NUMBERs and the operators run on longs (each with the tree-walker's overflow check and error,
 * at its own position), or the same operators run on the values as they are, through the general helpers.
 */
final class Fused {
  private Fused() {}

  /** Whether {@code e} is such a tree with boxing to save: two operators, or a NUMBER variable among its leaves. */
  static boolean applies(Expr e, ExprGen g) {
    return e instanceof Expr.Binary b && tree(e, g.resolution)
        && (b.left() instanceof Expr.Binary || b.right() instanceof Expr.Binary || numberLeaf(e, g));
  }

  private static boolean numberLeaf(Expr e, ExprGen g) {
    if (e instanceof Expr.Binary b) {
      return numberLeaf(b.left(), g) || numberLeaf(b.right(), g);
    }
    return e instanceof Expr.Name n && Locals.isNumber(g, g.resolution.slot(n));
  }

  private static boolean op(BinaryOp op) {
    return op == BinaryOp.ADD || op == BinaryOp.SUBTRACT || op == BinaryOp.MULTIPLY || op == BinaryOp.DIVIDE
        || op == BinaryOp.REMAINDER;
  }

  /** A variable, a NUMBER constant, or {@code + - * / %} of such trees. */
  static boolean tree(Expr e, Resolution resolution) {
    return e instanceof Expr.Name n && resolution.slot(n) >= 0
        || e instanceof Expr.Literal l && l.value() instanceof Long
        || e instanceof Expr.Binary b && op(b.op()) && tree(b.left(), resolution) && tree(b.right(), resolution);
  }

  /** Emits {@code e} (a {@link #tree}), leaving its value boxed. */
  static void emit(ExprGen g, Expr e) {
    emit(g, e, () -> box(g), () -> {});
  }

  /**
   * Emits {@code e} (a {@link #tree}): on the fast path a long is left on the stack and {@code onLong} runs, on the
   * other an object and {@code onObject}; both go on after.
   */
  static void emit(ExprGen g, Expr e, Runnable onLong, Runnable onObject) {
    Label slow = new Label();
    Label done = new Label();
    Map<Integer, Integer> temps = read(g, e, slow);
    unboxed(g, e, temps);
    onLong.run();
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(slow);
    boxed(g, e);
    onObject.run();
    g.mv.visitLabel(done);
  }

  /**
   * A variable updated by a tree: {@code s = s + (tree)} and {@code s += tree} ({@code at} null: an overflow is
   * reported at the statement, as the tree-walker's Append reports it), {@code s -= tree}, {@code s *= tree}. The
   * total and the tree's variables on longs when all are NUMBERs, else {@code slowPath}, which leaves the object.
   */
  static void emitUpdate(ExprGen g, int slot, Expr part, BinaryOp op, Span at, Runnable slowPath, Runnable onLong,
      Runnable onObject) {
    Label slow = new Label();
    Label done = new Label();
    int total = g.newLongLocal();
    Locals.readLong(g, slot, slow);
    g.mv.visitVarInsn(LSTORE, total);
    Map<Integer, Integer> temps = read(g, part, slow);
    g.mv.visitVarInsn(LLOAD, total);
    unboxed(g, part, temps);
    if (at == null) {
      g.support("addTotal", "(JJ)J");
    } else {
      g.span(at);
      exact(g, op);
    }
    onLong.run();
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(slow);
    slowPath.run();
    onObject.run();
    g.mv.visitLabel(done);
  }

  /** Whether a comparison {@code < <= > >= == !=} of two trees has boxing to save (see {@link #applies}). */
  static boolean appliesToComparison(Expr.Binary b, ExprGen g) {
    return tree(b.left(), g.resolution) && tree(b.right(), g.resolution)
        && (b.left() instanceof Expr.Binary || b.right() instanceof Expr.Binary || numberLeaf(b, g));
  }

  /**
   * A comparison of two trees as a JVM boolean: on longs when every variable holds a NUMBER, else {@code general}
   * (the operands evaluated as they are, through the general helpers).
   */
  static void emitComparison(ExprGen g, Expr.Binary b, Runnable general) {
    Label slow = new Label();
    Label done = new Label();
    Label no = new Label();
    Map<Integer, Integer> temps = read(g, b, slow);
    unboxed(g, b.left(), temps);
    unboxed(g, b.right(), temps);
    g.mv.visitInsn(LCMP);
    g.mv.visitJumpInsn(switch (b.op()) {
      case LESS -> IFGE;
      case LESS_EQUAL -> IFGT;
      case GREATER -> IFLE;
      case GREATER_EQUAL -> IFLT;
      case EQUAL -> IFNE;
      default -> IFEQ;
    }, no);
    g.mv.visitInsn(ICONST_1);
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(no);
    g.mv.visitInsn(ICONST_0);
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(slow);
    general.run();
    g.mv.visitLabel(done);
  }

  /** Reads each variable of the tree once into a long temporary (by slot), jumping to {@code slow} at a non-NUMBER. */
  private static Map<Integer, Integer> read(ExprGen g, Expr e, Label slow) {
    Map<Integer, Integer> temps = new HashMap<>();
    readInto(g, e, slow, temps);
    return temps;
  }

  private static void readInto(ExprGen g, Expr e, Label slow, Map<Integer, Integer> temps) {
    if (e instanceof Expr.Binary b) {
      readInto(g, b.left(), slow, temps);
      readInto(g, b.right(), slow, temps);
    } else if (e instanceof Expr.Name n && !temps.containsKey(g.resolution.slot(n))) {
      int slot = g.resolution.slot(n);
      int temp = g.newLongLocal();
      Locals.readLong(g, slot, slow);
      g.mv.visitVarInsn(LSTORE, temp);
      temps.put(slot, temp);
    }
  }

  private static void unboxed(ExprGen g, Expr e, Map<Integer, Integer> temps) {
    if (e instanceof Expr.Binary b) {
      unboxed(g, b.left(), temps);
      unboxed(g, b.right(), temps);
      g.span(b.span());
      exact(g, b.op());
    } else if (e instanceof Expr.Literal l) {
      g.mv.visitLdcInsn(l.value());
    } else {
      g.mv.visitVarInsn(LLOAD, temps.get(g.resolution.slot((Expr.Name) e)));
    }
  }

  /** The tree through the general helpers, which give the tree-walker's results and errors for any operands. */
  static void boxed(ExprGen g, Expr e) {
    if (e instanceof Expr.Binary b) {
      boxed(g, b.left());
      boxed(g, b.right());
      general(g, b);
    } else {
      g.expr(e);
    }
  }

  /** {@code b}'s operator on the two objects on the stack, through the general helper. */
  static void general(ExprGen g, Expr.Binary b) {
    g.span(b.span());
    g.support(switch (b.op()) {
      case ADD -> "add";
      case SUBTRACT -> "subtract";
      case DIVIDE -> "divide";
      case REMAINDER -> "remainder";
      default -> "multiply";
    }, "(" + Gen.OBJ + Gen.OBJ + Gen.SPAN + ")" + Gen.OBJ);
  }

  static void exact(ExprGen g, BinaryOp op) {
    g.support(switch (op) {
      case ADD -> "addExact";
      case SUBTRACT -> "subtractExact";
      case DIVIDE -> "divideExact";
      case REMAINDER -> "remainderExact";
      default -> "multiplyExact";
    }, "(JJ" + Gen.SPAN + ")J");
  }

  static void box(ExprGen g) {
    g.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
  }
}
