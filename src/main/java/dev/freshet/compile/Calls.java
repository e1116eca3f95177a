package dev.freshet.compile;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.check.Resolution;
import java.util.List;

/**
 * Which statements call what. Only a call can change a collection, and only a call of a user function counts
 * statements, so a loop body without calls cannot change the list it walks, and a run of statements without user
 * calls can be counted at once (see {@link StmtGen}). Anything not known here counts as a call.
 */
final class Calls {
  private Calls() {}

  /** Whether any statement of {@code body} may call a function ({@code users}: a user function only). */
  static boolean in(List<Stmt> body, Resolution resolution, boolean users) {
    if (body == null) {
      return false;
    }
    for (Stmt s : body) {
      if (in(s, resolution, users)) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(Stmt s, Resolution resolution, boolean users) {
    if (s instanceof Stmt.Assign a) {
      return in(a.value(), resolution, users);
    } else if (s instanceof Stmt.ExprStmt e) {
      return in(e.expr(), resolution, users);
    } else if (s instanceof Stmt.Info i) {
      return i.value() != null && in(i.value(), resolution, users);
    } else if (s instanceof Stmt.If i) {
      for (Stmt.Branch b : i.branches()) {
        if (in(b.condition(), resolution, users) || in(b.body(), resolution, users)) {
          return true;
        }
      }
      return in(i.otherwise(), resolution, users);
    } else if (s instanceof Stmt.ForEach f) {
      return in(f.iterable(), resolution, users) || in(f.body(), resolution, users);
    } else if (s instanceof Stmt.Return r) {
      return r.value() != null && in(r.value(), resolution, users);
    } else if (s instanceof Stmt.Throw t) {
      return in(t.value(), resolution, users);
    } else if (s instanceof Stmt.Try t) {
      return in(t.body(), resolution, users) || in(t.handler(), resolution, users);
    }
    return !(s instanceof Stmt.Break || s instanceof Stmt.Continue);
  }

  static boolean in(Expr e, Resolution resolution, boolean users) {
    if (e instanceof Expr.Literal || e instanceof Expr.Name || e instanceof Expr.QualifiedName
        || e instanceof Expr.EmptyCollection) {
      return false;
    } else if (e instanceof Expr.Binary b) {
      return in(b.left(), resolution, users) || in(b.right(), resolution, users);
    } else if (e instanceof Expr.Unary u) {
      return in(u.operand(), resolution, users);
    } else if (e instanceof Expr.Property p) {
      return in(p.target(), resolution, users);
    } else if (e instanceof Expr.Conditional c) {
      return in(c.condition(), resolution, users) || in(c.whenTrue(), resolution, users)
          || in(c.whenFalse(), resolution, users);
    } else if (e instanceof Expr.IfNull i) {
      return in(i.value(), resolution, users) || in(i.fallback(), resolution, users);
    } else if (e instanceof Expr.ListLiteral l) {
      return any(l.items(), resolution, users);
    } else if (e instanceof Expr.MapLiteral m) {
      for (Expr.Entry entry : m.entries()) {
        if (in(entry.key(), resolution, users) || in(entry.value(), resolution, users)) {
          return true;
        }
      }
      return false;
    } else if (users && e instanceof Expr.Call c) {
      return resolution.callee(c) != null || any(c.args(), resolution, users);
    } else if (users && e instanceof Expr.QualifiedCall c) {
      return resolution.callee(c) != null || any(c.args(), resolution, users);
    } else if (users && e instanceof Expr.MethodCall m) {
      return resolution.callee(m) != null || in(m.target(), resolution, users) || any(m.args(), resolution, users);
    }
    return true;
  }

  private static boolean any(List<Expr> items, Resolution resolution, boolean users) {
    for (Expr e : items) {
      if (in(e, resolution, users)) {
        return true;
      }
    }
    return false;
  }
}
