package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
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
final class StmtGen extends AssignGen {
  private record Loop(Label next, Label end) {}

  private final Deque<Loop> loops = new ArrayDeque<>();
  /** Set by {@link LoopCompiler} for a loop compiled on its own; see {@link LoopUnit}. */
  LoopUnit unit;

  StmtGen(MethodVisitor mv, List<Object> constants, List<String> descriptors, int firstFreeLocal, Unit unit) {
    super(mv, constants, descriptors, firstFreeLocal, unit);
  }

  void block(List<Stmt> body) {
    block(body, -1, null);
  }

  /**
   * The statements of a block. Consecutive statements that call no user function are counted at once when the
   * current chunk of the statement budget has room for them all, else one by one ({@link #batch}); a loop body's
   * first run of them also takes its header's count ({@code index}: the loop's counter, whose first iteration the
   * header does not count; -1 when not a loop body).
   */
  private void block(List<Stmt> body, int index, Span header) {
    List<Stmt> all = body == null ? List.of() : body;
    int from = 0;
    if (index >= 0) {
      int k = simple(all, 0);
      if (k > 0) {
        batch(all.subList(0, k), index, header);
        from = k;
      } else {
        headerTick(index, header, -1);
      }
    }
    while (from < all.size()) {
      int k = simple(all, from);
      if (k > 1) {
        batch(all.subList(from, from + k), -1, null);
        from += k;
      } else {
        statement(all.get(from++));
      }
    }
  }

  /** How many statements from {@code from} on are assignments, expressions or {@code info} calling no user function. */
  private int simple(List<Stmt> body, int from) {
    int k = 0;
    while (from + k < body.size()) {
      Stmt s = body.get(from + k);
      if (!(s instanceof Stmt.Assign || s instanceof Stmt.ExprStmt || s instanceof Stmt.Info)
          || Calls.in(List.of(s), resolution, true)) {
        break;
      }
      k++;
    }
    return k;
  }

  /**
   * Statements counted at once: if the budget has room for them all ({@code Host.tryTick}) none is counted alone,
   * else each is, as {@link #statement} counts it, so a limit stops at the right one. An error in one takes back the
   * count of those after it, so the count stays exact.
   */
  private void batch(List<Stmt> run, int index, Span header) {
    int k = run.size();
    int fast = newLocal();
    host();
    if (index >= 0) {
      Label first = new Label();
      Label counted = new Label();
      mv.visitVarInsn(ILOAD, index);
      mv.visitJumpInsn(IFEQ, first);
      integer(k + 1);
      mv.visitJumpInsn(GOTO, counted);
      mv.visitLabel(first);
      integer(k);
      mv.visitLabel(counted);
    } else {
      integer(k);
    }
    mv.visitMethodInsn(INVOKEINTERFACE, HOST, "tryTick", "(I)Z", true);
    mv.visitVarInsn(ISTORE, fast);
    if (index >= 0) {
      headerTick(index, header, fast);
    }
    for (int j = 0; j < k; j++) {
      Stmt s = run.get(j);
      Label counted = new Label();
      mv.visitVarInsn(ILOAD, fast);
      mv.visitJumpInsn(IFNE, counted);
      host();
      span(s.span());
      mv.visitMethodInsn(INVOKEINTERFACE, HOST, "tick", "(" + SPAN + ")V", true);
      mv.visitLabel(counted);
      int after = k - 1 - j;
      if (after == 0) {
        at(s.span(), () -> run(s));
        continue;
      }
      region(() -> run(s), () -> {
        Label kept = new Label();
        mv.visitVarInsn(ILOAD, fast);
        mv.visitJumpInsn(IFEQ, kept);
        host();
        integer(after);
        mv.visitMethodInsn(INVOKEINTERFACE, HOST, "untick", "(I)V", true);
        mv.visitLabel(kept);
        span(s.span());
        mv.visitMethodInsn(INVOKEVIRTUAL, SCRIPT_ERROR, "at", "(" + SPAN + ")L" + SCRIPT_ERROR + ";", false);
      });
    }
  }

  /** A loop header's count, after the first iteration (and only when {@code fast}, if given, is false). */
  private void headerTick(int index, Span header, int fast) {
    Label counted = new Label();
    if (fast >= 0) {
      mv.visitVarInsn(ILOAD, fast);
      mv.visitJumpInsn(IFNE, counted);
    }
    mv.visitVarInsn(ILOAD, index);
    mv.visitJumpInsn(IFEQ, counted);
    host();
    span(header);
    mv.visitMethodInsn(INVOKEINTERFACE, HOST, "tick", "(" + SPAN + ")V", true);
    mv.visitLabel(counted);
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

  /**
   * {@code for each}: over a copy of the list (the body may change it), or, when the body calls nothing, over the
   * list itself. The header counts once per iteration after the first (the first was counted as the statement).
   */
  void forEach(Stmt.ForEach f) {
    int slot = resolution.slot(f);
    if (slot < 0) {
      throw new Unsupported("a loop variable without a slot");
    }
    int items = newLocal();
    int size = newLocal();
    int i = newLocal();
    Label test = new Label();
    Label next = new Label();
    Label end = new Label();
    boolean alone = unit != null && unit.loop() == f; // compiled on its own: the interpreter's items and position
    if (alone) {
      mv.visitVarInsn(ALOAD, unit.items());
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, items);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitVarInsn(ISTORE, size);
      mv.visitVarInsn(ILOAD, unit.start());
    } else {
      expr(f.iterable());
      integer(Calls.in(f.body(), resolution, false) ? 0 : 1);
      span(f.iterable().span());
      support("items", "(" + OBJ + "Z" + SPAN + ")Ljava/util/ArrayList;");
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, items);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/util/ArrayList", "size", "()I", false);
      mv.visitVarInsn(ISTORE, size);
      mv.visitInsn(ICONST_0);
    }
    mv.visitVarInsn(ISTORE, i);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, size);
    mv.visitJumpInsn(IF_ICMPGE, end);
    if (f.index()) {
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(I2L);
      Locals.storeLong(this, slot);
    } else if (alone) {
      mv.visitVarInsn(ALOAD, items);
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(AALOAD);
      store(slot);
    } else {
      mv.visitVarInsn(ALOAD, items);
      mv.visitVarInsn(ILOAD, i);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/util/ArrayList", "get", "(I)" + OBJ, false);
      store(slot);
    }
    loops.push(new Loop(next, end));
    block(f.body(), i, f.span());
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

  /**
   * {@code return}: the value checked against the function's return type (a NUMBER for one that returns one). In a
   * method that returns a long, NUMBER arithmetic and its own calls are returned as longs, unboxed and unchecked.
   */
  private void returning(Stmt.Return r) {
    Expr value = r.value();
    if (value != null && longReturn && (NumberCalls.applies(value, this) || Fused.tree(value, resolution))) {
      Runnable onLong = () -> {
        host();
        support("returnLong", "(JL" + HOST + ";)J");
        mv.visitInsn(LRETURN);
      };
      Runnable onObject = () -> {
        checkReturn();
        exit();
      };
      if (NumberCalls.applies(value, this)) {
        NumberCalls.emit(this, value, onLong, onObject);
      } else {
        Fused.emit(this, value, onLong, onObject);
      }
      return;
    }
    if (value == null) {
      mv.visitInsn(ACONST_NULL);
    } else {
      expr(value);
    }
    checkReturn();
    exit();
  }

  private void checkReturn() {
    FunctionDecl function = self != null ? self : unit != null ? unit.function() : null;
    if (function != null) {
      Callee callee = callees.apply(function);
      Label checked = new Label();
      if (callee.numberReturn()) {
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
        mv.visitJumpInsn(IFNE, checked);
      }
      int value = newLocal();
      mv.visitVarInsn(ASTORE, value);
      constant(callee, "L" + callee() + ";");
      mv.visitVarInsn(ALOAD, value);
      mv.visitMethodInsn(INVOKEINTERFACE, callee(), "returning", "(" + OBJ + ")" + OBJ, true);
      mv.visitLabel(checked);
    }
  }

  /** Leaves the method with the value on the stack (a top level first writes its variables back). */
  void exit() {
    if (unit != null) {
      unit.writeBack(this);
    }
    if (longReturn) {
      host();
      support("returnLong", "(" + OBJ + "L" + HOST + ";)J");
      mv.visitInsn(LRETURN);
      return;
    }
    mv.visitInsn(ARETURN);
  }
}
