package dev.freshet.interp;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.SystemValue;
import dev.freshet.builtins.TaskImpl;
import dev.freshet.check.Resolution;
import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Type;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Turns a resolved AST into executable nodes. Names are bound here once, never looked up while running. */
final class Compiler {
  private final Script script;
  private final Resolution resolution;
  private final BuiltinRegistry registry;
  private final Sources sources;
  private final Map<FunctionDecl, UserFunction> functions = new IdentityHashMap<>();
  /** The function whose body is being compiled; null at the top level. */
  private UserFunction compiling;
  private Tier tier;
  /** The loops around the statement being compiled, in the current body, the outermost first. */
  private final List<HotLoop> loops = new ArrayList<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();

  Compiler(Script script, Resolution resolution, BuiltinRegistry registry, Sources sources) {
    this.script = script;
    this.resolution = resolution;
    this.registry = registry;
    this.sources = sources;
  }

  Program compile() {
    for (FunctionDecl f : script.functions()) {
      functions.put(f, new UserFunction(f, resolution.frameSize(f)));
    }
    tier = new Tier(resolution, registry, functions, script, sources);
    for (FunctionDecl f : script.functions()) {
      compiling = functions.get(f);
      compiling.tier = tier;
      compiling.body = block(f.body());
    }
    compiling = null;
    Exec[] top = block(script.statements());
    return new Program(script, functionsInOrder(), top, resolution.frameSize(script),
        resolution.topLevelSlots(), tier);
  }

  private List<UserFunction> functionsInOrder() {
    List<UserFunction> inOrder = new ArrayList<>();
    for (FunctionDecl f : script.functions()) {
      inOrder.add(functions.get(f));
    }
    return inOrder;
  }

  Exec[] block(List<Stmt> stmts) {
    if (stmts == null) {
      return null;
    }
    Exec[] out = new Exec[stmts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = stmt(stmts.get(i));
    }
    return out;
  }

  /**
   * For {@code x = x + a + b}: an {@link StmtNodes.Append} of the parts added to {@code x} ({@code a}, {@code b}),
   * each with its operator's position for errors; null when the value is not a chain of {@code +} that starts with
   * the variable itself.
   */
  private static Exec append(int slot, Node value, Span span) {
    java.util.LinkedList<Node> parts = new java.util.LinkedList<>();
    java.util.LinkedList<Span> operators = new java.util.LinkedList<>();
    Node n = value;
    while (true) {
      Span operator = n.span;
      if (n instanceof OperatorNodes.Binary b && b.op() == Expr.BinaryOp.ADD) {
        parts.addFirst(b.right());
        n = b.left();
      } else if (n instanceof Arith a && a.op() == Expr.BinaryOp.ADD) {
        parts.addFirst(a.right());
        n = a.left();
      } else {
        break;
      }
      operators.addFirst(operator);
    }
    if (parts.isEmpty() || !(n instanceof ValueNodes.Local l) || l.slot() != slot) {
      return null;
    }
    return built(new StmtNodes.Append(slot, parts.toArray(new Node[0]), operators.toArray(new Span[0]), span));
  }

  private Exec stmt(Stmt s) {
    Span span = s.span();
    if (s instanceof Stmt.Assign a) {
      int slot = resolution.slot(a);
      Node value = expr(a.value());
      if (a.op() == Stmt.AssignOp.ADD) {
        return built(new StmtNodes.Append(slot, new Node[] {value}, new Span[] {span}, span));
      }
      if (a.op() != Stmt.AssignOp.SET) {
        return built(new StmtNodes.CompoundAssign(slot, a.op(), value, span));
      }
      Exec append = append(slot, value, span);
      if (append != null) {
        return append;
      }
      return value instanceof Arith arithmetic ? built(new StmtNodes.AssignNumber(slot, arithmetic, span))
          : built(new StmtNodes.Assign(slot, value, span));
    } else if (s instanceof Stmt.AssignProperty a) {
      return built(new StmtNodes.Unavailable("assigning to ." + a.name() + " updates a Creator record: it is"
          + " Creator-only and cannot run here; use .put(\"" + a.name() + "\", value) on a map", span));
    } else if (s instanceof Stmt.ExprStmt e) {
      return built(new StmtNodes.Evaluate(expr(e.expr()), span));
    } else if (s instanceof Stmt.Info i) {
      return built(new StmtNodes.Info(i.value() == null ? null : expr(i.value()), span));
    } else if (s instanceof Stmt.If i) {
      Node[] conditions = new Node[i.branches().size()];
      Exec[][] bodies = new Exec[conditions.length][];
      for (int b = 0; b < conditions.length; b++) {
        conditions[b] = expr(i.branches().get(b).condition());
        bodies[b] = block(i.branches().get(b).body());
      }
      Exec[] otherwise = block(i.otherwise());
      if (conditions.length == 1 && otherwise == null) {
        return built(new StmtNodes.IfThen(conditions[0], bodies[0], span)); // a guard clause: if (…) { return …; }
      }
      return built(new StmtNodes.If(conditions, bodies, otherwise, span));
    } else if (s instanceof Stmt.ForEach f) {
      HotLoop hot = new HotLoop(tier, f, compiling == null ? null : compiling.decl,
          compiling == null ? resolution.frameSize(script) : compiling.frameSize, loops.toArray(new HotLoop[0]));
      Node iterable = expr(f.iterable());
      loops.add(hot);
      Exec[] body;
      try {
        body = block(f.body());
      } finally {
        loops.remove(loops.size() - 1);
      }
      return built(new ForEach(resolution.slot(f), f.index(), iterable, body, hot, span));
    } else if (s instanceof Stmt.Break) {
      return built(new StmtNodes.Break(span));
    } else if (s instanceof Stmt.Continue) {
      return built(new StmtNodes.Continue(span));
    } else if (s instanceof Stmt.Return r) {
      return built(new StmtNodes.Return(r.value() == null ? null : expr(r.value()), compiling, span));
    } else if (s instanceof Stmt.Throw t) {
      return built(new StmtNodes.Throw(expr(t.value()), span));
    } else if (s instanceof Stmt.Try t) {
      int slot = t.variable() == null ? -1 : resolution.slot(t);
      return built(new StmtNodes.Try(block(t.body()), slot, block(t.handler()), span));
    } else if (s instanceof Stmt.SendMail m) {
      String[] keys = new String[m.params().size()];
      Node[] values = new Node[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = m.params().get(i).key();
        values[i] = expr(m.params().get(i).value());
      }
      return built(new TaskNodes.SendMail(keys, values, span));
    } else if (s instanceof Stmt.CreatorOnly c) {
      return built(new StmtNodes.Unavailable(Unavailable.creatorOnly("'" + c.construct() + "'"), span));
    }
    throw new IllegalStateException("unknown statement " + s.getClass().getSimpleName());
  }

  Node expr(Expr e) {
    Span span = e.span();
    if (e instanceof Expr.Literal l) {
      return literal(l);
    } else if (e instanceof Expr.Name n) {
      int slot = resolution.slot(n);
      if (slot >= 0) {
        return built(new ValueNodes.Local(slot, span));
      }
      return systemValue(n.name(), span);
    } else if (e instanceof Expr.QualifiedName q) {
      return systemValue(q.name(), span);
    } else if (e instanceof Expr.InputField i) {
      return unavailable(Unavailable.creatorOnly("input." + i.field()), span);
    } else if (e instanceof Expr.ListLiteral l) {
      return built(new ValueNodes.ListLit(exprs(l.items()), span));
    } else if (e instanceof Expr.MapLiteral m) {
      Node[] keys = new Node[m.entries().size()];
      Node[] values = new Node[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = expr(m.entries().get(i).key());
        values[i] = expr(m.entries().get(i).value());
      }
      return built(new ValueNodes.MapLit(keys, values, span));
    } else if (e instanceof Expr.EmptyCollection) {
      return built(new ValueNodes.EmptyColl(span));
    } else if (e instanceof Expr.TypedList t) {
      DeclaredType type = DeclaredType.of(t.elementType());
      return built(new ValueNodes.TypedList(type.type == null ? null : type.type, span));
    } else if (e instanceof Expr.Unary u) {
      Node operand = expr(u.operand());
      return u.op() == Expr.UnaryOp.NOT ? built(new OperatorNodes.Not(operand, span))
          : built(new OperatorNodes.Negate(operand, u.op() == Expr.UnaryOp.PLUS, span));
    } else if (e instanceof Expr.Binary b) {
      Node left = expr(b.left());
      Node right = expr(b.right());
      return switch (b.op()) {
        case AND -> built(new OperatorNodes.And(left, right, span));
        case OR -> built(new OperatorNodes.Or(left, right, span));
        default -> Arith.applies(b.op(), left, right) ? Arith.of(b.op(), left, right, span)
            : Comparison.applies(b.op()) ? built(new Comparison(b.op(), left, right, span))
            : !(right instanceof ValueNodes.Const c && c.value() instanceof Long k)
            ? built(new OperatorNodes.Binary(b.op(), left, right, span))
            : left instanceof ValueNodes.Local l
            ? built(new OperatorNodes.LocalConst(b.op(), l.slot(), k, span))
            : built(new OperatorNodes.BinaryConst(b.op(), left, k, span));
      };
    } else if (e instanceof Expr.Call c) {
      return call(c, c.name(), c.args(), span);
    } else if (e instanceof Expr.QualifiedCall c) {
      int dot = c.name().lastIndexOf('.');
      SystemValue receiver = registry.systemValue(c.name().substring(0, dot));
      if (receiver != null && resolution.callee(c) == null && registry.lookup(c.name()).isEmpty()) {
        // zoho.currentdate.toString("yyyy"): a method called on a system value
        Expr target = new Expr.QualifiedName(c.name().substring(0, dot), span);
        return expr(new Expr.MethodCall(target, c.name().substring(dot + 1), c.args(), span));
      }
      return call(c, c.name(), c.args(), span);
    } else if (e instanceof Expr.MethodCall m && resolution.callee(m) != null) {
      return call(m, m.name(), m.args(), span); // automation.fn(…): a user function called by its category
    } else if (e instanceof Expr.MethodCall m) {
      List<Builtin> overloads = registry.lookup(m.name());
      Node[] args = new Node[m.args().size() + 1];
      args[0] = expr(m.target());
      for (int i = 0; i < m.args().size(); i++) {
        args[i + 1] = expr(m.args().get(i));
      }
      if (overloads.isEmpty()) {
        String absent = Unavailable.absent(m.name());
        return unavailable(absent != null ? absent : "unknown function '" + m.name() + "'", span);
      }
      return CallNodes.BuiltinCall.of(overloads, args, true, span);
    } else if (e instanceof Expr.Property p) {
      return built(new CallNodes.Property(expr(p.target()), p.name(), span));
    } else if (e instanceof Expr.Conditional c) {
      return built(new OperatorNodes.Conditional(expr(c.condition()), expr(c.whenTrue()), expr(c.whenFalse()), span));
    } else if (e instanceof Expr.IfNull i) {
      return built(new OperatorNodes.IfNull(expr(i.value()), expr(i.fallback()), span));
    } else if (e instanceof Expr.InvokeUrl u) {
      return invokeUrl(u);
    } else if (e instanceof Expr.FormFetch f) {
      return unavailable(Unavailable.creatorOnly("fetching records from form " + f.form() + "[…]"), span);
    } else if (e instanceof Expr.FormInsert f) {
      return unavailable(Unavailable.creatorOnly("'insert into " + f.form() + "'"), null);
    }
    throw new IllegalStateException("unknown expression " + e.getClass().getSimpleName());
  }

  /** A bare word such as {@code type: GET} is the word itself unless a variable of that name exists. */
  private Node invokeUrl(Expr.InvokeUrl u) {
    String[] keys = new String[u.params().size()];
    Node[] values = new Node[keys.length];
    for (int i = 0; i < keys.length; i++) {
      var p = u.params().get(i);
      keys[i] = p.key();
      boolean bareWord = p.key().equals("type") || p.key().equals("response-format");
      values[i] = bareWord && p.value() instanceof Expr.Name n && resolution.slot(n) < 0
          ? built(new ValueNodes.Const(n.name(), n.span())) : expr(p.value());
    }
    return built(new TaskNodes.InvokeUrl(keys, values, u.span(), TaskImpl.from(sourceName(), u.span(), "invokeurl")));
  }

  private Node[] exprs(List<Expr> es) {
    Node[] out = new Node[es.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expr(es.get(i));
    }
    return out;
  }

  private Node literal(Expr.Literal l) {
    if (l.kind() == Expr.LiteralKind.QUOTED) {
      DateTime date = DateParsing.parseLiteral((String) l.value());
      return built(new ValueNodes.Const(date != null ? date : l.value(), l.span()));
    }
    return built(new ValueNodes.Const(l.value(), l.span()));
  }

  private Node systemValue(String name, Span span) {
    SystemValue value = registry.systemValue(name);
    if (value != null) {
      return built(new ValueNodes.System(value, span));
    }
    return unavailable(Unavailable.integration(name), span);
  }

  private Node call(Expr node, String name, List<Expr> argExprs, Span span) {
    Node[] args = exprs(argExprs);
    FunctionDecl target = resolution.callee(node);
    if (target != null) {
      return built(new CallNodes.UserCall(functions.get(target), args, span));
    }
    List<Builtin> overloads = registry.lookup(name);
    if (!overloads.isEmpty() && TaskImpl.any(overloads)) { // zoho.* and getUrl: tasks are told where they are called
      return built(new TaskNodes.TaskCall(overloads, args, span,
          TaskImpl.from(sourceName(), span, overloads.get(0).name())));
    }
    if (!overloads.isEmpty()) {
      return CallNodes.BuiltinCall.of(overloads, args, false, span);
    }
    return unavailable(Unavailable.forCall(name), span);
  }

  /** The name of the source being compiled (a path relative to the project under {@code freshet test}). */
  private String sourceName() {
    return sources.of(compiling == null ? null : compiling.decl);
  }

  private Node unavailable(String message, Span span) {
    return built(new ValueNodes.Unavailable(message, new Node[0], span));
  }

  /**
   * A new node, handed back through a cast rather than the bytecode verifier's subtype check: a check that would load
   * every node class this compiler names as soon as the compiler itself is loaded (some 35 classes that a one-line
   * script never uses), a measurable part of a cold start (docs/performance.md, issue 18).
   */
  @SuppressWarnings("unchecked")
  private static <T> T built(Object node) {
    return (T) node;
  }
}
