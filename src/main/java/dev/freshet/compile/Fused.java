package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * {@code a * 100 + b * 10 + c} over variables and NUMBER constants, computed on JVM longs when every variable holds
 * a NUMBER: one box for the result instead of one per operator. Reading a variable cannot fail or change anything,
 * so the variables are read first; then either all are NUMBERs and the operators run on longs (each with the
 * tree-walker's overflow check and error, at its own position), or the same operators run on the values as they
 * are, through the general helpers.
 */
final class Fused {
  private Fused() {}

  /** Whether {@code e} is such a tree with at least two operators' worth of boxing to save. */
  static boolean applies(Expr e, ExprGen g) {
    return e instanceof Expr.Binary b && op(b.op()) && (tree(b.left(), g) && tree(b.right(), g))
        && (b.left() instanceof Expr.Binary || b.right() instanceof Expr.Binary);
  }

  private static boolean op(BinaryOp op) {
    return op == BinaryOp.ADD || op == BinaryOp.SUBTRACT || op == BinaryOp.MULTIPLY;
  }

  private static boolean tree(Expr e, ExprGen g) {
    return leaf(e, g) || e instanceof Expr.Binary b && op(b.op()) && tree(b.left(), g) && tree(b.right(), g);
  }

  private static boolean leaf(Expr e, ExprGen g) {
    return e instanceof Expr.Name n && g.resolution.slot(n) >= 0
        || e instanceof Expr.Literal l && l.value() instanceof Long;
  }

  /** Emits {@code e} (for which {@link #applies}), leaving its value boxed. */
  static void emit(ExprGen g, Expr e) {
    List<Expr> leaves = new ArrayList<>();
    leaves(e, g, leaves);
    int[] temps = read(g, leaves);
    Label slow = new Label();
    Label done = new Label();
    check(g, leaves, temps, slow);
    unboxed(g, e, leaves, temps);
    box(g);
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(slow);
    boxed(g, e, leaves, temps);
    g.mv.visitLabel(done);
  }

  /**
   * {@code s = s + (tree)}: the total and the tree's variables on longs when all are NUMBERs, else the tree-walker's
   * append (the variable as it is, possibly a rope) with the tree evaluated as usual.
   */
  static void emitAppend(ExprGen g, int slot, Expr part, Span operator) {
    List<Expr> leaves = new ArrayList<>();
    leaves(part, g, leaves);
    int[] temps = read(g, leaves);
    int total = g.newLocal();
    g.mv.visitVarInsn(ALOAD, Gen.SLOT_BASE + slot);
    g.mv.visitVarInsn(ASTORE, total);
    Label slow = new Label();
    Label done = new Label();
    g.mv.visitVarInsn(ALOAD, total);
    g.mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
    g.mv.visitJumpInsn(IFEQ, slow);
    check(g, leaves, temps, slow);
    g.mv.visitVarInsn(ALOAD, total);
    unbox(g);
    unboxed(g, part, leaves, temps);
    // as the tree-walker's Append: a running total's overflow is reported at the statement, not at the '+'
    g.mv.visitMethodInsn(INVOKESTATIC, "dev/freshet/runtime/Ops", "addNumbers", "(JJ)J", false);
    box(g);
    g.mv.visitJumpInsn(GOTO, done);
    g.mv.visitLabel(slow);
    g.mv.visitVarInsn(ALOAD, total);
    boxed(g, part, leaves, temps);
    g.span(operator);
    g.support("append", "(" + Gen.OBJ + Gen.OBJ + Gen.SPAN + ")" + Gen.OBJ);
    g.mv.visitLabel(done);
  }

  static boolean appliesToPart(Expr part, ExprGen g) {
    return tree(part, g);
  }

  private static void leaves(Expr e, ExprGen g, List<Expr> out) {
    if (e instanceof Expr.Binary b) {
      leaves(b.left(), g, out);
      leaves(b.right(), g, out);
    } else {
      out.add(e);
    }
  }

  /** Reads each variable leaf into a temporary, in order; constants need none. */
  private static int[] read(ExprGen g, List<Expr> leaves) {
    int[] temps = new int[leaves.size()];
    for (int i = 0; i < temps.length; i++) {
      if (leaves.get(i) instanceof Expr.Name) {
        temps[i] = g.newLocal();
        g.expr(leaves.get(i));
        g.mv.visitVarInsn(ASTORE, temps[i]);
      } else {
        temps[i] = -1;
      }
    }
    return temps;
  }

  private static void check(ExprGen g, List<Expr> leaves, int[] temps, Label slow) {
    for (int temp : temps) {
      if (temp >= 0) {
        g.mv.visitVarInsn(ALOAD, temp);
        g.mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
        g.mv.visitJumpInsn(IFEQ, slow);
      }
    }
  }

  private static int index(List<Expr> leaves, Expr leaf) {
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i) == leaf) {
        return i;
      }
    }
    throw new IllegalStateException("a leaf not collected");
  }

  private static void unboxed(ExprGen g, Expr e, List<Expr> leaves, int[] temps) {
    if (e instanceof Expr.Binary b) {
      unboxed(g, b.left(), leaves, temps);
      unboxed(g, b.right(), leaves, temps);
      g.span(b.span());
      g.support(switch (b.op()) {
        case ADD -> "addExact";
        case SUBTRACT -> "subtractExact";
        default -> "multiplyExact";
      }, "(JJ" + Gen.SPAN + ")J");
    } else if (e instanceof Expr.Literal l) {
      g.mv.visitLdcInsn(l.value());
    } else {
      g.mv.visitVarInsn(ALOAD, temps[index(leaves, e)]);
      unbox(g);
    }
  }

  private static void boxed(ExprGen g, Expr e, List<Expr> leaves, int[] temps) {
    if (e instanceof Expr.Binary b) {
      boxed(g, b.left(), leaves, temps);
      boxed(g, b.right(), leaves, temps);
      g.span(b.span());
      g.support(switch (b.op()) {
        case ADD -> "add";
        case SUBTRACT -> "subtract";
        default -> "multiply";
      }, "(" + Gen.OBJ + Gen.OBJ + Gen.SPAN + ")" + Gen.OBJ);
    } else if (e instanceof Expr.Literal l) {
      g.constant(l.value(), Gen.OBJ);
    } else {
      g.mv.visitVarInsn(ALOAD, temps[index(leaves, e)]);
    }
  }

  private static void unbox(ExprGen g) {
    g.mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
    g.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
  }

  private static void box(ExprGen g) {
    g.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
  }
}
