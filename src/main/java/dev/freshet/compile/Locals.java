package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.check.Resolution;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * Variables kept in two JVM locals: an object local, as every variable has, and a {@code long} one. A variable that
 * some statement sets to NUMBER arithmetic ({@code i = hi * 1000 + lo}, {@code s = s + i * i}) is such a variable:
 * the arithmetic's result goes into the long local and the object local holds {@link Support#UNBOXED}; any other
 * value goes into the object local as usual. So a NUMBER that stays a NUMBER is never boxed, a variable that takes
 * another value later simply holds it, and every read tests which local holds the value (no guess about its type is
 * ever relied on).
 */
final class Locals {
  private static final String UNBOXED = "UNBOXED";

  private Locals() {}

  /**
   * Finds the body's NUMBER variables and gives each its long local, set to 0 (read only once it is set); a NUMBER
   * parameter's is set from the method's long parameter for it (which follow the {@code params} object ones).
   */
  static void declare(ExprGen g, List<Stmt> body, int frameSize, int params, int[] numberParams) {
    g.longs = new int[frameSize];
    collect(body, g.resolution, g.longs);
    for (int j = 0; j < numberParams.length; j++) {
      int slot = numberParams[j];
      g.longs[slot] = g.newLongLocal();
      g.mv.visitVarInsn(LLOAD, Gen.SLOT_BASE + params + 2 * j);
      g.mv.visitVarInsn(LSTORE, g.longs[slot]);
    }
    for (int slot = 0; slot < g.longs.length; slot++) {
      if (g.longs[slot] == 1) {
        g.longs[slot] = g.newLongLocal();
        g.mv.visitInsn(LCONST_0);
        g.mv.visitVarInsn(LSTORE, g.longs[slot]);
      }
    }
  }

  private static void collect(List<Stmt> body, Resolution resolution, int[] marks) {
    if (body == null) {
      return;
    }
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a && arithmetic(a, resolution)) {
        marks[resolution.slot(a)] = 1;
      } else if (s instanceof Stmt.If i) {
        i.branches().forEach(b -> collect(b.body(), resolution, marks));
        collect(i.otherwise(), resolution, marks);
      } else if (s instanceof Stmt.ForEach f) {
        collect(f.body(), resolution, marks);
      } else if (s instanceof Stmt.Try t) {
        collect(t.body(), resolution, marks);
        collect(t.handler(), resolution, marks);
      }
    }
  }

  /** Whether {@code a} sets its variable to NUMBER arithmetic over variables and constants (when all are NUMBERs). */
  private static boolean arithmetic(Stmt.Assign a, Resolution resolution) {
    if (resolution.slot(a) < 0) {
      return false;
    }
    Appends.Chain chain = Appends.of(a, resolution);
    if (chain != null) {
      return chain.parts().size() == 1 && Fused.tree(chain.parts().get(0), resolution);
    }
    return switch (a.op()) {
      case SET -> a.value() instanceof Expr.Binary && Fused.tree(a.value(), resolution);
      case SUBTRACT, MULTIPLY -> Fused.tree(a.value(), resolution);
      default -> false;
    };
  }

  static boolean isNumber(ExprGen g, int slot) {
    return g.longs != null && g.longs[slot] != 0;
  }

  /** Pushes the variable's value as it is stored (a text being built stays a TextBuffer), boxing a long. */
  static void raw(ExprGen g, int slot) {
    g.mv.visitVarInsn(ALOAD, Gen.SLOT_BASE + slot);
    if (isNumber(g, slot)) {
      Label done = new Label();
      g.mv.visitInsn(DUP);
      unboxedMark(g);
      g.mv.visitJumpInsn(IF_ACMPNE, done);
      g.mv.visitInsn(POP);
      g.mv.visitVarInsn(LLOAD, g.longs[slot]);
      g.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
      g.mv.visitLabel(done);
    }
  }

  static void store(ExprGen g, int slot) {
    g.mv.visitVarInsn(ASTORE, Gen.SLOT_BASE + slot);
  }

  /** Stores the long on the stack: into the long local for a NUMBER variable, else boxed. */
  static void storeLong(ExprGen g, int slot) {
    if (isNumber(g, slot)) {
      g.mv.visitVarInsn(LSTORE, g.longs[slot]);
      unboxedMark(g);
      store(g, slot);
    } else {
      g.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
      store(g, slot);
    }
  }

  /** Pushes the variable as a long, or jumps to {@code notNumber} (stack as before) if it holds no NUMBER. */
  static void readLong(ExprGen g, int slot, Label notNumber) {
    Label boxed = new Label();
    Label done = new Label();
    if (isNumber(g, slot)) {
      g.mv.visitVarInsn(ALOAD, Gen.SLOT_BASE + slot);
      unboxedMark(g);
      g.mv.visitJumpInsn(IF_ACMPNE, boxed);
      g.mv.visitVarInsn(LLOAD, g.longs[slot]);
      g.mv.visitJumpInsn(GOTO, done);
    }
    g.mv.visitLabel(boxed);
    g.mv.visitVarInsn(ALOAD, Gen.SLOT_BASE + slot);
    g.mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
    g.mv.visitJumpInsn(IFEQ, notNumber);
    g.mv.visitVarInsn(ALOAD, Gen.SLOT_BASE + slot);
    g.mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
    g.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
    g.mv.visitLabel(done);
  }

  private static void unboxedMark(ExprGen g) {
    g.mv.visitFieldInsn(GETSTATIC, Gen.SUPPORT, UNBOXED, Gen.OBJ);
  }
}
