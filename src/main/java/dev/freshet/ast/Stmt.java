package dev.freshet.ast;

import dev.freshet.source.Span;
import java.util.List;

/** Deluge statements. */
public sealed interface Stmt {
  Span span();

  enum AssignOp { SET, ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER }

  /** {@code name = value;} or a compound form. */
  record Assign(String name, AssignOp op, Expr value, Span span) implements Stmt {}

  /** {@code record.field = value;} (Creator record updates): parsed, Creator-only when run. */
  record AssignProperty(Expr target, String name, AssignOp op, Expr value, Span span) implements Stmt {}

  record ExprStmt(Expr expr, Span span) implements Stmt {}

  /** {@code info value;} ({@code value} may be null for a bare {@code info;}). */
  record Info(Expr value, Span span) implements Stmt {}

  record If(List<Branch> branches, List<Stmt> otherwise, Span span) implements Stmt {}

  record Branch(Expr condition, List<Stmt> body) {}

  /** {@code for each x in …} or, with {@code index}, {@code for each index i in …}. */
  record ForEach(String variable, boolean index, Expr iterable, List<Stmt> body, Span span) implements Stmt {}

  record Break(Span span) implements Stmt {}

  record Continue(Span span) implements Stmt {}

  record Return(Expr value, Span span) implements Stmt {}

  record Throw(Expr value, Span span) implements Stmt {}

  /** {@code try { } catch (e) { }}; {@code variable} is null when the catch names none. */
  record Try(List<Stmt> body, String variable, Span variableSpan, List<Stmt> handler, Span span) implements Stmt {}

  record SendMail(List<TaskParam> params, Span span) implements Stmt {}

  /** Creator-only statements ({@code cancel submit}, {@code alert}, {@code delete from}); parts are its expressions. */
  record CreatorOnly(String construct, List<Expr> parts, Span span) implements Stmt {}
}
