package dev.freshet.check;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.TaskParam;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps every variable to a frame slot and reports, before anything runs, what Zoho reports when a script is saved:
 * variables used before they are assigned, {@code break}/{@code continue} outside a loop, calls to functions that do
 * not exist, and user-function calls with the wrong number of arguments.
 */
public final class Resolver {
  private final KnownNames known;
  private final Resolution resolution = new Resolution();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, FunctionDecl> functions = new HashMap<>();
  private Script script;
  private Scope scope;
  private int criteriaDepth;

  private Resolver(KnownNames known) {
    this.known = known;
  }

  /** The outcome of checking a script. */
  public record Result(Resolution resolution, List<Diagnostic> diagnostics) {}

  /**
   * Checks a script. {@code predefined} are top-level variables the host defines before running (CLI {@code --arg},
   * embedding bindings, earlier REPL entries), in slot order.
   */
  public static Result resolve(Script script, KnownNames known, Collection<String> predefined) {
    Resolver r = new Resolver(known);
    r.script = script;
    for (FunctionDecl f : script.functions()) {
      FunctionDecl previous = r.functions.putIfAbsent(key(f.name()), f);
      if (previous != null) {
        r.error(f.span(), "function '" + f.name() + "' is already defined at line " + previous.span().line());
      }
    }
    for (FunctionDecl f : script.functions()) {
      r.function(f);
    }
    r.scope = new Scope();
    for (String name : predefined) {
      r.scope.define(name);
    }
    r.block(script.statements());
    r.resolution.frameSizes.put(script, r.scope.slots.size());
    r.resolution.topLevelSlots.putAll(r.scope.slots);
    return new Result(r.resolution, r.diagnostics);
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void function(FunctionDecl f) {
    scope = new Scope();
    for (FunctionDecl.Parameter p : f.params()) {
      if (scope.lookup(p.name()) != null) {
        error(p.span(), "parameter '" + p.name() + "' is declared twice");
      }
      resolution.slots.put(p, scope.define(p.name()));
    }
    block(f.body());
    resolution.frameSizes.put(f, scope.slots.size());
  }

  private void error(Span span, String message) {
    diagnostics.add(new Diagnostic(Diagnostic.Kind.ERROR, message, script.source(), span));
  }

  private void block(List<Stmt> stmts) {
    if (stmts != null) {
      for (Stmt s : stmts) {
        stmt(s);
      }
    }
  }

  private void stmt(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      if (a.op() != Stmt.AssignOp.SET) {
        variable(a.name(), a.span(), a);
      } else {
        expr(a.value());
        resolution.slots.put(a, scope.define(a.name()));
        return;
      }
      expr(a.value());
    } else if (s instanceof Stmt.AssignProperty a) {
      expr(a.target());
      expr(a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      expr(e.expr());
    } else if (s instanceof Stmt.Info i) {
      expr(i.value());
    } else if (s instanceof Stmt.If i) {
      for (Stmt.Branch b : i.branches()) {
        expr(b.condition());
        block(b.body());
      }
      block(i.otherwise());
    } else if (s instanceof Stmt.ForEach f) {
      expr(f.iterable());
      resolution.slots.put(f, scope.define(f.variable()));
      scope.loopDepth++;
      block(f.body());
      scope.loopDepth--;
    } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
      if (scope.loopDepth == 0) {
        error(s.span(), "'" + (s instanceof Stmt.Break ? "break" : "continue") + "' can only be used inside a for each loop");
      }
    } else if (s instanceof Stmt.Return r) {
      expr(r.value());
    } else if (s instanceof Stmt.Throw t) {
      expr(t.value());
    } else if (s instanceof Stmt.Try t) {
      block(t.body());
      if (t.variable() != null) {
        resolution.slots.put(t, scope.define(t.variable()));
      }
      block(t.handler());
    } else if (s instanceof Stmt.SendMail m) {
      params(m.params());
    } else if (s instanceof Stmt.CreatorOnly c) {
      for (Expr item : c.parts()) {
        expr(item);
      }
    }
  }

  /** Keys whose value may be a bare word ({@code type: GET}) rather than an expression. */
  private static final java.util.Set<String> BARE_WORD_KEYS = java.util.Set.of("type", "response-format");

  private void params(List<TaskParam> params) {
    for (TaskParam p : params) {
      if (p.value() instanceof Expr.Name n && BARE_WORD_KEYS.contains(p.key()) && scope.lookup(n.name()) == null) {
        continue; // a bare word of the task, not a variable
      }
      expr(p.value());
    }
  }

  private void variable(String name, Span span, Object node) {
    Integer slot = scope.lookup(name);
    if (slot != null) {
      resolution.slots.put(node, slot);
    } else {
      error(span, "variable '" + name + "' is not defined" + Suggest.hint(name, scope.slots.keySet()));
    }
  }

  private void expr(Expr e) {
    if (e == null || e instanceof Expr.Literal || e instanceof Expr.EmptyCollection || e instanceof Expr.TypedList
        || e instanceof Expr.QualifiedName || e instanceof Expr.InputField) {
      return;
    }
    if (e instanceof Expr.Name n) {
      Integer slot = scope.lookup(n.name());
      if (slot != null) {
        resolution.slots.put(n, slot);
      } else if (!known.isSystemValue(n.name()) && criteriaDepth == 0) {
        error(n.span(), "variable '" + n.name() + "' is not defined" + Suggest.hint(n.name(), scope.slots.keySet()));
      }
    } else if (e instanceof Expr.ListLiteral l) {
      for (Expr item : l.items()) {
        expr(item);
      }
    } else if (e instanceof Expr.MapLiteral m) {
      for (Expr.Entry entry : m.entries()) {
        expr(entry.key());
        expr(entry.value());
      }
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand());
    } else if (e instanceof Expr.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Expr.Call c) {
      for (Expr item : c.args()) {
        expr(item);
      }
      call(c, c.name(), c.args().size(), c.span(), true);
    } else if (e instanceof Expr.QualifiedCall c) {
      for (Expr item : c.args()) {
        expr(item);
      }
      String[] parts = c.name().split("\\.");
      if (parts.length == 2 && (parts[0].equals("standalone") || parts[0].equals("thisapp"))) {
        call(c, parts[1], c.args().size(), c.span(), true);
      } else {
        String problem = known.arityProblem(c.name(), c.args().size());
        if (problem != null) {
          error(c.span(), problem);
        }
      }
    } else if (e instanceof Expr.MethodCall m && categoryCall(m)) {
      for (Expr item : m.args()) {
        expr(item);
      }
      call(m, m.name(), m.args().size(), m.span(), true);
    } else if (e instanceof Expr.MethodCall m) {
      expr(m.target());
      for (Expr item : m.args()) {
        expr(item);
      }
      if (!known.isMethod(m.name())) {
        String absent = known.absent(m.name());
        error(m.span(), absent != null ? absent : "unknown function '" + m.name() + "'");
      }
    } else if (e instanceof Expr.Property p) {
      expr(p.target());
    } else if (e instanceof Expr.Conditional c) {
      expr(c.condition());
      expr(c.whenTrue());
      expr(c.whenFalse());
    } else if (e instanceof Expr.IfNull i) {
      expr(i.value());
      expr(i.fallback());
    } else if (e instanceof Expr.InvokeUrl u) {
      params(u.params());
    } else if (e instanceof Expr.FormFetch f) {
      criteriaDepth++; // names in Form[criteria] may be the form's fields
      expr(f.criteria());
      criteriaDepth--;
    } else if (e instanceof Expr.FormInsert f) {
      f.fields().forEach(p -> expr(p.value()));
    }
  }

  /** The categories Zoho CRM files functions under; {@code automation.fn(…)} calls the function {@code fn}. */
  private static final java.util.Set<String> CATEGORIES = java.util.Set.of("automation", "button", "schedule",
      "validation_rule", "related_list", "workflow", "standalone", "thisapp");

  /**
   * {@code category.fn(…)} where {@code category} is no variable: a call of the user function {@code fn}, as Zoho
   * allows for the category a function is filed under (its header may name any category: {@code void automation.fn}).
   */
  private boolean categoryCall(Expr.MethodCall m) {
    if (!(m.target() instanceof Expr.Name n) || scope.lookup(n.name()) != null || known.isSystemValue(n.name())) {
      return false;
    }
    return functions.containsKey(key(m.name())) || CATEGORIES.contains(n.name().toLowerCase(java.util.Locale.ROOT));
  }

  private void call(Object node, String name, int argc, Span span, boolean mustExist) {
    FunctionDecl f = functions.get(key(name));
    if (f != null) {
      resolution.calls.put(node, f);
      if (f.params().size() != argc) {
        error(span, "function '" + f.name() + "' takes " + f.params().size() + " argument"
            + (f.params().size() == 1 ? "" : "s") + " but " + argc + (argc == 1 ? " was" : " were") + " given");
      }
    } else if (mustExist && !known.isFunction(name) && TestOnly.is(name)) {
      error(span, TestOnly.message(name));
    } else if (mustExist && !known.isFunction(name) && known.absent(name) != null) {
      error(span, known.absent(name));
    } else if (mustExist && !known.isFunction(name)) {
      error(span, "function '" + name + "' is not defined"
          + Suggest.hint(name, functions.values().stream().map(FunctionDecl::name).toList()));
    }
  }
}
