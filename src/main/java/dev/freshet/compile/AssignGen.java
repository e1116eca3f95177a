package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Assignments, as dev.freshet.interp's Assign, AssignNumber, CompoundAssign and Append run them: NUMBER arithmetic
 * into a variable's long local when it has one ({@link Locals}, {@link Fused}), and {@code s = s + …} building a text
 * in place ({@link Appends}).
 */
abstract class AssignGen extends ExprGen {
  AssignGen(MethodVisitor mv, List<Object> constants, List<String> descriptors, int firstFreeLocal, Unit unit) {
    super(mv, constants, descriptors, firstFreeLocal, unit);
  }

  final void assign(Stmt.Assign a) {
    int slot = resolution.slot(a);
    if (slot < 0) {
      throw new Unsupported("an assignment without a slot");
    }
    Appends.Chain chain = Appends.of(a, resolution);
    if (chain != null) {
      append(slot, chain);
      return;
    }
    Expr value = a.value();
    boolean number = Locals.isNumber(this, slot);
    if (a.op() == Stmt.AssignOp.SET) {
      if (value instanceof Expr.Binary && Fused.tree(value, resolution) && (number || Fused.applies(value, this))) {
        Fused.emit(this, value, () -> Locals.storeLong(this, slot), () -> store(slot));
        return;
      }
      if (number && value instanceof Expr.Literal l && l.value() instanceof Long n) {
        mv.visitLdcInsn(n);
        Locals.storeLong(this, slot);
        return;
      }
      expr(value);
      store(slot);
      return;
    }
    String helper = switch (a.op()) {
      case SUBTRACT -> "subtract";
      case MULTIPLY -> "multiply";
      case DIVIDE -> "divide";
      default -> "remainder";
    };
    Runnable general = () -> {
      local(slot); // x op= v reads x first, then v
      expr(value);
      span(a.span());
      support(helper, "(" + OBJ + OBJ + SPAN + ")" + OBJ);
    };
    if (number && Fused.tree(value, resolution) && (a.op() == Stmt.AssignOp.SUBTRACT
        || a.op() == Stmt.AssignOp.MULTIPLY)) {
      Expr.BinaryOp op = a.op() == Stmt.AssignOp.SUBTRACT ? Expr.BinaryOp.SUBTRACT : Expr.BinaryOp.MULTIPLY;
      Fused.emitUpdate(this, slot, value, op, a.span(), general, () -> Locals.storeLong(this, slot),
          () -> store(slot));
      return;
    }
    general.run();
    store(slot);
  }

  /**
   * {@code s = s + a + b}: while {@code s} holds TEXT every part is evaluated first (a part reading {@code s} sees it
   * as it was), then appended; otherwise the parts are added as written, an error stopping the later ones.
   */
  private void append(int slot, Appends.Chain chain) {
    String appendDescriptor = "(" + OBJ + OBJ + SPAN + ")" + OBJ;
    int n = chain.parts().size();
    if (n == 1 && Fused.tree(chain.parts().get(0), resolution)) {
      Expr part = chain.parts().get(0);
      Fused.emitUpdate(this, slot, part, Expr.BinaryOp.ADD, null, () -> {
        Locals.raw(this, slot); // as it is: a rope is appended to in place
        Fused.boxed(this, part);
        span(chain.operators().get(0));
        support("append", appendDescriptor);
      }, () -> Locals.storeLong(this, slot), () -> store(slot));
      return;
    }
    Locals.raw(this, slot); // as it is: a rope is appended to in place
    if (n > 1) {
      Label asWritten = new Label();
      Label done = new Label();
      mv.visitInsn(DUP);
      support("isText", "(" + OBJ + ")Z");
      mv.visitJumpInsn(IFEQ, asWritten);
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = newLocal();
        expr(chain.parts().get(i));
        mv.visitVarInsn(ASTORE, values[i]);
      }
      for (int i = 0; i < n; i++) {
        mv.visitVarInsn(ALOAD, values[i]);
        span(chain.operators().get(i));
        support("append", appendDescriptor);
      }
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(asWritten);
      for (int i = 0; i < n; i++) {
        expr(chain.parts().get(i));
        span(chain.operators().get(i));
        support("append", appendDescriptor);
      }
      mv.visitLabel(done);
    } else {
      expr(chain.parts().get(0));
      span(chain.operators().get(0));
      support("append", appendDescriptor);
    }
    store(slot);
  }
}
