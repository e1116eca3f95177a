package dev.freshet.compile;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.check.Resolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * {@code s = s + a + b} and {@code s += a}, found as the tree-walker's Compiler finds them: while such a variable
 * holds TEXT it holds a {@link dev.freshet.runtime.TextBuffer}, so building a text in a loop stays linear in both tiers.
 */
final class Appends {
  private Appends() {}

  /** The parts added to the variable, each with its operator's position; null when not that form. */
  record Chain(List<Expr> parts, List<dev.freshet.source.Span> operators) {}

  static Chain of(Stmt.Assign a, Resolution resolution) {
    int slot = resolution.slot(a);
    if (a.op() == Stmt.AssignOp.ADD) {
      return new Chain(List.of(a.value()), List.of(a.span()));
    }
    if (a.op() != Stmt.AssignOp.SET) {
      return null;
    }
    LinkedList<Expr> parts = new LinkedList<>();
    LinkedList<dev.freshet.source.Span> operators = new LinkedList<>();
    Expr e = a.value();
    while (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.ADD) {
      parts.addFirst(b.right());
      operators.addFirst(b.span());
      e = b.left();
    }
    if (parts.isEmpty() || !(e instanceof Expr.Name n) || resolution.slot(n) != slot) {
      return null;
    }
    return new Chain(new ArrayList<>(parts), new ArrayList<>(operators));
  }

  /** The slots some statement of {@code body} appends to: reading them must unwrap a {@link dev.freshet.runtime.TextBuffer}. */
  static Set<Integer> slots(List<Stmt> body, Resolution resolution) {
    Set<Integer> slots = new HashSet<>();
    collect(body, resolution, slots);
    return slots;
  }

  private static void collect(List<Stmt> body, Resolution resolution, Set<Integer> slots) {
    if (body == null) {
      return;
    }
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a && of(a, resolution) != null) {
        slots.add(resolution.slot(a));
      } else if (s instanceof Stmt.If i) {
        i.branches().forEach(b -> collect(b.body(), resolution, slots));
        collect(i.otherwise(), resolution, slots);
      } else if (s instanceof Stmt.ForEach f) {
        collect(f.body(), resolution, slots);
      } else if (s instanceof Stmt.Try t) {
        collect(t.body(), resolution, slots);
        collect(t.handler(), resolution, slots);
      }
    }
  }
}
