package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Stmt;
import dev.freshet.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Statements, as dev.freshet.interp's Exec.runAll runs them: each counts once against the statement limit before it
 * runs, and an error inside it without a position gets the statement's. A {@code for each} counts its header once
 * per iteration after the first. Jumps are JVM jumps.
 */
final class StmtGen extends ExprGen {
  private record Loop(Label next, Label end) {}

  private final Deque<Loop> loops = new ArrayDeque<>();

  StmtGen(MethodVisitor mv, List<Object> constants, List<String> descriptors, int firstFreeLocal, Unit unit) {
    super(mv, constants, descriptors, firstFreeLocal, unit);
  }

  void block(List<Stmt> body) {
    if (body != null) {
      for (Stmt s : body) {
        statement(s);
      }
    }
  }

  private void statement(Stmt s) {
    Span span = s.span();
    host();
    span(span);
    mv.visitMethodInsn(INVOKEINTERFACE, HOST, "tick", "(" + SPAN + ")V", true);
    if (s instanceof Stmt.Break) {
      mv.visitJumpInsn(GOTO, innermost().end());
    } else if (s instanceof Stmt.Continue) {
      mv.visitJumpInsn(GOTO, innermost().next());
    } else {
      at(span, () -> run(s));
    }
  }

  private Loop innermost() {
    if (loops.isEmpty()) {
      throw new Unsupported("break or continue outside a loop");
    }
    return loops.peek();
  }

  private void run(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      assign(a);
    } else if (s instanceof Stmt.ExprStmt e) {
      expr(e.expr());
      mv.visitInsn(POP);
    } else if (s instanceof Stmt.Info i) {
      if (i.value() == null) {
        host();
        mv.visitLdcInsn("");
        mv.visitMethodInsn(INVOKEINTERFACE, HOST, "info", "(Ljava/lang/String;)V", true);
      } else {
        host();
        expr(i.value());
        support("info", "(L" + HOST + ";" + OBJ + ")V");
      }
    } else if (s instanceof Stmt.If i) {
      Label end = new Label();
      for (Stmt.Branch b : i.branches()) {
        Label next = new Label();
        condition(b.condition());
        mv.visitJumpInsn(IFEQ, next);
        block(b.body());
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(next);
      }
      block(i.otherwise());
      mv.visitLabel(end);
    } else if (s instanceof Stmt.ForEach f) {
      forEach(f);
    } else if (s instanceof Stmt.Return r) {
      returning(r);
    } else if (s instanceof Stmt.Try t) {
      tryCatch(t);
    } else if (s instanceof Stmt.Throw t) {
      expr(t.value());
      span(s.span());
      support("thrown", "(" + OBJ + SPAN + ")L" + SCRIPT_ERROR + ";");
      mv.visitInsn(ATHROW);
    } else {
      throw new Unsupported(s.getClass().getSimpleName());
    }
  }

  private void assign(Stmt.Assign a) {
    int slot = resolution.slot(a);
    if (slot < 0) {
      throw new Unsupported("an assignment without a slot");
    }
    Appends.Chain chain = Appends.of(a, resolution);
    if (chain != null) {
      append(slot, chain);
      return;
    }
    if (a.op() == Stmt.AssignOp.SET) {
      expr(a.value());
    } else {
      local(slot); // x op= v reads x first, then v
      expr(a.value());
      span(a.span());
      support(switch (a.op()) {
        case ADD -> "add";
        case SUBTRACT -> "subtract";
        case MULTIPLY -> "multiply";
        case DIVIDE -> "divide";
        default -> "remainder";
      }, "(" + OBJ + OBJ + SPAN + ")" + OBJ);
    }
    store(slot);
  }

  /**
   * {@code s = s + a + b}: while {@code s} holds TEXT every part is evaluated first (a part reading {@code s} sees it
   * as it was), then appended; otherwise the parts are added as written, an error stopping the later ones.
   */
  private void append(int slot, Appends.Chain chain) {
    String appendDescriptor = "(" + OBJ + OBJ + SPAN + ")" + OBJ;
    int n = chain.parts().size();
    mv.visitVarInsn(ALOAD, SLOT_BASE + slot); // as it is: a rope is appended to in place
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
    } else if (Fused.appliesToPart(chain.parts().get(0), this)) {
      mv.visitInsn(POP); // the fused form reads the variable itself, after the part's variables
      Fused.emitAppend(this, slot, chain.parts().get(0), chain.operators().get(0));
    } else {
      expr(chain.parts().get(0));
      span(chain.operators().get(0));
      support("append", appendDescriptor);
    }
    store(slot);
  }

  private void forEach(Stmt.ForEach f) {
    int slot = resolution.slot(f);
    if (slot < 0) {
      throw new Unsupported("a loop variable without a slot");
    }
    int items = newLocal();
    int i = newLocal();
    Label test = new Label();
    Label next = new Label();
    Label end = new Label();
    Label counted = new Label();
    expr(f.iterable());
    span(f.iterable().span());
    support("items", "(" + OBJ + SPAN + ")Ljava/util/List;");
    mv.visitVarInsn(ASTORE, items);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, i);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ALOAD, items);
    mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "size", "()I", true);
    mv.visitJumpInsn(IF_ICMPGE, end);
    mv.visitVarInsn(ILOAD, i);
    mv.visitJumpInsn(IFEQ, counted); // the first iteration was counted as the statement
    host();
    span(f.span());
    mv.visitMethodInsn(INVOKEINTERFACE, HOST, "tick", "(" + SPAN + ")V", true);
    mv.visitLabel(counted);
    if (f.index()) {
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(I2L);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
    } else {
      mv.visitVarInsn(ALOAD, items);
      mv.visitVarInsn(ILOAD, i);
      mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)" + OBJ, true);
    }
    store(slot);
    loops.push(new Loop(next, end));
    block(f.body());
    loops.pop();
    mv.visitLabel(next);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(end);
  }

  /**
   * {@code try/catch}: a script error from the body (not a limit or a cancellation) runs the handler, with the
   * variable set to the error (its message and line). The body's own handlers lie inside the range.
   */
  private void tryCatch(Stmt.Try t) {
    Label start = new Label();
    Label end = new Label();
    Label caught = new Label();
    Label after = new Label();
    mv.visitLabel(start);
    mv.visitInsn(NOP);
    openHandlers();
    block(t.body());
    mv.visitJumpInsn(GOTO, after);
    writeHandlers();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, caught, SCRIPT_ERROR);
    mv.visitLabel(caught);
    span(t.span());
    support("caught", "(L" + SCRIPT_ERROR + ";" + SPAN + ")Ldev/freshet/runtime/ErrorValue;");
    int slot = t.variable() == null ? -1 : resolution.slot(t);
    if (slot >= 0) {
      store(slot);
    } else {
      mv.visitInsn(POP);
    }
    block(t.handler());
    mv.visitLabel(after);
  }

  private void returning(Stmt.Return r) {
    if (self != null) {
      constant(callees.apply(self), "L" + callee() + ";");
    }
    if (r.value() == null) {
      mv.visitInsn(ACONST_NULL);
    } else {
      expr(r.value());
    }
    if (self != null) {
      mv.visitMethodInsn(INVOKEINTERFACE, callee(), "returning", "(" + OBJ + ")" + OBJ, true);
    }
    exit();
  }

  /** Leaves the method with the value on the stack (a top level first writes its variables back). */
  void exit() {
    mv.visitInsn(ARETURN);
  }
}
