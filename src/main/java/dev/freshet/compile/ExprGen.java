package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.SystemValue;
import dev.freshet.builtins.TaskImpl;
import dev.freshet.check.Resolution;
import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.source.Span;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Expressions, each leaving one value on the stack, with the tree-walker's evaluation order and error positions
 * (dev.freshet.interp's OperatorNodes, ValueNodes and CallNodes). Comparisons and logical operators used as
 * conditions leave a JVM boolean instead of a BOOLEAN, which is the same value unboxed.
 */
abstract class ExprGen extends Gen {
  private static final String OO_SPAN = "(" + OBJ + OBJ + SPAN + ")";
  private static final String CALLEE = "dev/freshet/compile/Callee";

  final Resolution resolution;
  final BuiltinRegistry registry;
  final Function<FunctionDecl, Callee> callees;
  /** The function being compiled, null for a top level; its own calls go straight to the generated method. */
  final FunctionDecl self;
  final String className;
  final String invokeDescriptor;
  /** The script's source name, for the positions tasks are given. */
  final String source;

  ExprGen(MethodVisitor mv, List<Object> constants, List<String> descriptors, int firstFreeLocal, Unit unit) {
    super(mv, constants, descriptors, firstFreeLocal);
    this.resolution = unit.resolution();
    this.registry = unit.registry();
    this.callees = unit.callees();
    this.self = unit.function();
    this.className = unit.className();
    this.invokeDescriptor = unit.invokeDescriptor();
    this.source = unit.source();
    this.numberParams = unit.numberParams();
    this.longReturn = unit.longReturn();
  }

  /** Whether the generated method returns a long (the function is declared to return a NUMBER). */
  final boolean longReturn;

  /** The parameters declared NUMBER, in order: the generated method takes a long for each (see {@link UserCalls}). */
  final int[] numberParams;

  /** Slots that may hold a {@link dev.freshet.runtime.TextBuffer} (targets of {@code s = s + …}); set by the statement writer. */
  java.util.Set<Integer> ropes = java.util.Set.of();

  /** For each slot, the long local of a NUMBER variable ({@link Locals}), or 0; set before any code is written. */
  int[] longs;

  void local(int slot) {
    Locals.raw(this, slot);
    if (ropes.contains(slot)) {
      support("read", "(" + OBJ + ")" + OBJ);
    }
  }

  void store(int slot) {
    Locals.store(this, slot);
  }

  void expr(Expr e) {
    Span span = e.span();
    if (e instanceof Expr.Literal l) {
      Object value = l.value();
      if (l.kind() == Expr.LiteralKind.QUOTED) {
        DateTime date = DateParsing.parseLiteral((String) value);
        value = date != null ? date : value;
      }
      constant(value, OBJ);
    } else if (e instanceof Expr.Name n) {
      int slot = resolution.slot(n);
      if (slot >= 0) {
        local(slot);
      } else {
        systemValue(n.name());
      }
    } else if (e instanceof Expr.QualifiedName q) {
      systemValue(q.name());
    } else if (e instanceof Expr.Property p) {
      expr(p.target());
      mv.visitLdcInsn(p.name());
      span(span);
      support("property", "(" + OBJ + "Ljava/lang/String;" + SPAN + ")" + OBJ);
    } else if (e instanceof Expr.ListLiteral l) {
      array(l.items());
      support("list", "([" + OBJ + ")Ldev/freshet/runtime/DelugeCollection;");
    } else if (e instanceof Expr.MapLiteral m) {
      mv.visitMethodInsn(INVOKESTATIC, "dev/freshet/runtime/DelugeCollection", "newMap",
          "()Ldev/freshet/runtime/DelugeCollection;", false);
      for (Expr.Entry entry : m.entries()) {
        expr(entry.key());
        expr(entry.value());
        support("put", "(Ldev/freshet/runtime/DelugeCollection;" + OBJ + OBJ + ")Ldev/freshet/runtime/DelugeCollection;");
      }
    } else if (e instanceof Expr.EmptyCollection) {
      mv.visitMethodInsn(INVOKESTATIC, "dev/freshet/runtime/DelugeCollection", "newEmpty",
          "()Ldev/freshet/runtime/DelugeCollection;", false);
    } else if (e instanceof Expr.Unary u && u.op() != Expr.UnaryOp.NOT) {
      expr(u.operand());
      integer(u.op() == Expr.UnaryOp.PLUS ? 1 : 0);
      span(span);
      support("negate", "(" + OBJ + "Z" + SPAN + ")" + OBJ);
    } else if (NumberCalls.applies(e, this)) {
      NumberCalls.emit(this, e, () -> Fused.box(this), () -> {});
    } else if (Fused.applies(e, this)) {
      Fused.emit(this, e);
    } else if (e instanceof Expr.Binary b && arithmetic(b.op()) != null) {
      expr(b.left());
      expr(b.right());
      span(span);
      support(arithmetic(b.op()), OO_SPAN + OBJ);
    } else if (yieldsBoolean(e)) {
      bool(e);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
    } else if (e instanceof Expr.Conditional c) {
      Label otherwise = new Label();
      Label end = new Label();
      at(span, () -> {
        expr(c.condition());
        span(span);
        support("choose", "(" + OBJ + SPAN + ")Z");
      });
      mv.visitJumpInsn(IFEQ, otherwise);
      expr(c.whenTrue());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      expr(c.whenFalse());
      mv.visitLabel(end);
    } else if (e instanceof Expr.IfNull i) {
      Label end = new Label();
      expr(i.value());
      mv.visitInsn(DUP);
      mv.visitJumpInsn(IFNONNULL, end);
      mv.visitInsn(POP);
      expr(i.fallback());
      mv.visitLabel(end);
    } else if (e instanceof Expr.Call c) {
      call(c, c.name(), null, c.args(), span);
    } else if (e instanceof Expr.QualifiedCall c) {
      if (resolution.callee(c) == null && registry.lookup(c.name()).isEmpty()) {
        throw new Unsupported("a method of a system value");
      }
      call(c, c.name(), null, c.args(), span);
    } else if (e instanceof Expr.MethodCall m) {
      call(m, m.name(), m.target(), m.args(), span);
    } else {
      throw new Unsupported(e.getClass().getSimpleName());
    }
  }

  private void systemValue(String name) {
    SystemValue value = registry.systemValue(name);
    if (value == null) {
      throw new Unsupported("an integration name");
    }
    constant(value, "Ldev/freshet/builtins/SystemValue;");
    mv.visitMethodInsn(INVOKEVIRTUAL, "dev/freshet/builtins/SystemValue", "supplier", "()Ljava/util/function/Function;",
        false);
    host();
    mv.visitMethodInsn(INVOKEINTERFACE, "java/util/function/Function", "apply", "(" + OBJ + ")" + OBJ, true);
  }

  private static String arithmetic(BinaryOp op) {
    return switch (op) {
      case ADD -> "add";
      case SUBTRACT -> "subtract";
      case MULTIPLY -> "multiply";
      case DIVIDE -> "divide";
      case REMAINDER -> "remainder";
      default -> null;
    };
  }

  static boolean yieldsBoolean(Expr e) {
    return e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT
        || e instanceof Expr.Binary b && arithmetic(b.op()) == null;
  }

  /** An expression that always gives a BOOLEAN ({@link #yieldsBoolean}), as a JVM boolean. */
  void bool(Expr e) {
    Span span = e.span();
    if (e instanceof Expr.Unary u) {
      expr(u.operand());
      span(span);
      support("not", "(" + OBJ + SPAN + ")Z");
      return;
    }
    Expr.Binary b = (Expr.Binary) e;
    switch (b.op()) {
      case AND, OR -> at(span, () -> logical(b));
      default -> {
        if (Fused.appliesToComparison(b, this)) {
          Fused.emitComparison(this, b, () -> comparison(b));
        } else {
          comparison(b);
        }
      }
    }
  }

  /** {@code < <= > >= == !=} on the values as they are. */
  private void comparison(Expr.Binary b) {
    expr(b.left());
    expr(b.right());
    if (b.op() == BinaryOp.EQUAL || b.op() == BinaryOp.NOT_EQUAL) {
      support("same", "(" + OBJ + OBJ + ")Z");
      if (b.op() == BinaryOp.NOT_EQUAL) {
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IXOR);
      }
      return;
    }
    span(b.span());
    String name = switch (b.op()) {
      case LESS -> "less";
      case LESS_EQUAL -> "lessEqual";
      case GREATER -> "greater";
      default -> "greaterEqual";
    };
    support(name, OO_SPAN + "Z");
  }

  /** {@code a && b}, {@code a || b}: the right operand only when needed; both must be BOOLEAN. */
  private void logical(Expr.Binary b) {
    boolean and = b.op() == BinaryOp.AND;
    String where = and ? "operator '&&'" : "operator '||'";
    Label decided = new Label();
    Label end = new Label();
    operand(b.left(), where);
    mv.visitJumpInsn(and ? IFEQ : IFNE, decided);
    operand(b.right(), where);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(decided);
    integer(and ? 0 : 1);
    mv.visitLabel(end);
  }

  private void operand(Expr e, String where) {
    if (yieldsBoolean(e)) {
      bool(e);
    } else {
      expr(e);
      mv.visitLdcInsn(where);
      support("truth", "(" + OBJ + "Ljava/lang/String;)Z");
    }
  }

  /** The condition of {@code if}: a JVM boolean, or an error at the condition if it is not BOOLEAN. */
  void condition(Expr e) {
    if (yieldsBoolean(e)) {
      bool(e);
    } else {
      expr(e);
      span(e.span());
      support("condition", "(" + OBJ + SPAN + ")Z");
    }
  }

  /** Leaves an Object[] of the values, evaluated in order. */
  void array(List<Expr> items) {
    integer(items.size());
    mv.visitTypeInsn(ANEWARRAY, OBJECT);
    for (int i = 0; i < items.size(); i++) {
      mv.visitInsn(DUP);
      integer(i);
      expr(items.get(i));
      mv.visitInsn(AASTORE);
    }
  }

  private void call(Expr node, String name, Expr target, List<Expr> args, Span span) {
    FunctionDecl callee = resolution.callee(node);
    if (callee != null) {
      UserCalls.emit(this, callee, args, span);
      return;
    }
    List<Builtin> overloads = registry.lookup(name);
    if (overloads.isEmpty()) {
      throw new Unsupported("an unavailable function");
    }
    // a task (zoho.*, getUrl) is told where it is called, as in the tree-walker; tasks have no method form
    String from = target == null && TaskImpl.any(overloads) ? TaskImpl.from(source, span, overloads.get(0).name())
        : null;
    String site = from != null ? "dev/freshet/compile/TaskSite" : "dev/freshet/compile/BuiltinSite";
    constant(from != null ? new TaskSite(overloads, span, from) : new BuiltinSite(overloads, target != null, span),
        "L" + site + ";");
    host();
    if (target == null) {
      array(args);
    } else {
      array(prepend(target, args));
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, site, "call", "(L" + HOST + ";[" + OBJ + ")" + OBJ, false);
  }

  private static List<Expr> prepend(Expr first, List<Expr> rest) {
    java.util.ArrayList<Expr> all = new java.util.ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  static String callee() {
    return CALLEE;
  }
}
