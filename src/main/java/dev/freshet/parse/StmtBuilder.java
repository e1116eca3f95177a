package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.Stmt.AssignOp;
import dev.freshet.parse.gen.DelugeParser.*;
import dev.freshet.parse.gen.DelugeParserBaseVisitor;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Parse tree → {@link Stmt}. */
final class StmtBuilder extends DelugeParserBaseVisitor<Stmt> {
  private final AstBuilder ast;
  private final ExprBuilder exprs;

  StmtBuilder(AstBuilder ast, ExprBuilder exprs) {
    this.ast = ast;
    this.exprs = exprs;
  }

  List<Stmt> block(BlockContext ctx) {
    return ctx == null ? List.of() : all(ctx.statement());
  }

  List<Stmt> all(List<StatementContext> ctxs) {
    List<Stmt> out = new ArrayList<>(ctxs.size());
    for (StatementContext s : ctxs) {
      Stmt stmt = visit(s);
      if (stmt != null) {
        out.add(stmt);
      }
    }
    return out;
  }

  private Expr expr(ExpressionContext ctx) {
    return ctx == null ? null : exprs.build(ctx);
  }

  @Override
  public Stmt visitIfStatement(IfStatementContext ctx) {
    List<Stmt.Branch> branches = new ArrayList<>();
    branches.add(new Stmt.Branch(exprs.condition(ctx.condition()), block(ctx.block())));
    for (ElseIfContext e : ctx.elseIf()) {
      branches.add(new Stmt.Branch(exprs.condition(e.condition()), block(e.block())));
    }
    List<Stmt> otherwise = ctx.elseBlock() == null ? null : block(ctx.elseBlock().block());
    return new Stmt.If(branches, otherwise, Spans.of(ctx));
  }

  @Override
  public Stmt visitForEachStatement(ForEachStatementContext ctx) {
    return new Stmt.ForEach(ctx.identifier().getText(), false, expr(ctx.expression()), block(ctx.block()),
        Spans.of(ctx));
  }

  @Override
  public Stmt visitForEachIndexStatement(ForEachIndexStatementContext ctx) {
    return new Stmt.ForEach(ctx.identifier().getText(), true, expr(ctx.expression()), block(ctx.block()),
        Spans.of(ctx));
  }

  @Override
  public Stmt visitWhileStatement(WhileStatementContext ctx) {
    ast.error(Spans.of(ctx.WHILE().getSymbol()),
        "Deluge has no while loop; use 'for each' over a list (e.g. for each i in {1, 2, 3} { … })");
    return null;
  }

  @Override
  public Stmt visitTryStatement(TryStatementContext ctx) {
    IdentifierContext var = ctx.identifier();
    return new Stmt.Try(block(ctx.block(0)), var == null ? null : var.getText(), var == null ? null : Spans.of(var),
        block(ctx.block(1)), Spans.of(ctx));
  }

  @Override
  public Stmt visitBreakStatement(BreakStatementContext ctx) {
    return new Stmt.Break(Spans.of(ctx));
  }

  @Override
  public Stmt visitContinueStatement(ContinueStatementContext ctx) {
    return new Stmt.Continue(Spans.of(ctx));
  }

  @Override
  public Stmt visitReturnStatement(ReturnStatementContext ctx) {
    return new Stmt.Return(expr(ctx.expression()), Spans.of(ctx));
  }

  @Override
  public Stmt visitInfoStatement(InfoStatementContext ctx) {
    return new Stmt.Info(expr(ctx.expression()), Spans.of(ctx));
  }

  @Override
  public Stmt visitThrowStatement(ThrowStatementContext ctx) {
    return new Stmt.Throw(expr(ctx.expression()), Spans.of(ctx));
  }

  @Override
  public Stmt visitSendmailStatement(SendmailStatementContext ctx) {
    Span span = Spans.of(ctx);
    return new Stmt.SendMail(exprs.taskParams("sendmail", TaskKeys.SENDMAIL, "to", ctx.taskParam(), span), span);
  }

  /**
   * {@code NAME [ key: value … ]}: only {@code stub}, the test runner's task, has this form. It becomes a call of the
   * built-in {@code stub} with the keys as a MAP, so outside tests it is rejected as the other test-only built-ins
   * are; {@code type: POST} is the word, as in invokeurl.
   */
  @Override
  public Stmt visitNamedTaskStatement(NamedTaskStatementContext ctx) {
    Span span = Spans.of(ctx);
    String name = ctx.identifier().getText();
    if (!name.equalsIgnoreCase("stub")) {
      ast.error(Spans.of(ctx.identifier()), "unknown task '" + name + "'; a task block is invokeurl [ … ], sendmail"
          + " [ … ] or, in tests, stub [ … ]");
    }
    return DirectTasks.stubCall(exprs.taskParams("stub", TaskKeys.STUB, "url", ctx.taskParam(), span), span);
  }

  @Override
  public Stmt visitDeleteStatement(DeleteStatementContext ctx) {
    Expr fetch = new Expr.FormFetch(ctx.identifier().getText(), expr(ctx.expression()), Spans.of(ctx.identifier()));
    return new Stmt.CreatorOnly("delete from", List.of(fetch), Spans.of(ctx));
  }

  @Override
  public Stmt visitCancelSubmitStatement(CancelSubmitStatementContext ctx) {
    return new Stmt.CreatorOnly("cancel submit", List.of(), Spans.of(ctx));
  }

  @Override
  public Stmt visitAlertStatement(AlertStatementContext ctx) {
    return new Stmt.CreatorOnly("alert", List.of(expr(ctx.expression())), Spans.of(ctx));
  }

  /** {@code hide Field;}, {@code show}, {@code enable}, {@code disable}, {@code clear}: Creator form scripts. */
  @Override
  public Stmt visitFieldActionStatement(FieldActionStatementContext ctx) {
    return new Stmt.CreatorOnly(ctx.fieldAction.getText().toLowerCase(java.util.Locale.ROOT), List.of(),
        Spans.of(ctx));
  }

  /** {@code expr;} or an assignment {@code target op= value;}, whose target must be a variable or a field. */
  @Override
  public Stmt visitExpressionStatement(ExpressionStatementContext ctx) {
    Span span = Spans.of(ctx);
    if (ctx.uiTask() != null) {
      return uiTask(ctx.uiTask(), span);
    }
    if (ctx.assignOp() == null) {
      return new Stmt.ExprStmt(expr(ctx.expression(0)), span);
    }
    Expr value = ctx.invokeUrlValue() == null ? expr(ctx.expression(1)) : invokeUrl(ctx.invokeUrlValue());
    return assignment(expr(ctx.expression(0)), ctx.assignOp(), value, span);
  }

  /** {@code invokeurl [ … ]} as a statement, its result unused; like the assigned form it may end without ';'. */
  @Override
  public Stmt visitInvokeUrlStatement(InvokeUrlStatementContext ctx) {
    return new Stmt.ExprStmt(invokeUrl(ctx.invokeUrlValue()), Spans.of(ctx));
  }

  private Expr invokeUrl(InvokeUrlValueContext call) {
    return exprs.invokeUrl(call.taskParam(), Spans.between(call.INVOKEURL().getSymbol(), call.RBRACKET().getSymbol()));
  }

  /** {@code input.Field:ui.add(…)} and the other picklist tasks of Creator form scripts. */
  private Stmt uiTask(UiTaskContext ctx, Span span) {
    List<Expr> args = new ArrayList<>();
    if (ctx.arguments() != null) {
      for (ArgumentContext a : ctx.arguments().argument()) {
        args.add(exprs.build(a.expression(0)));
      }
    }
    return new Stmt.CreatorOnly(":" + ctx.identifier().getText() + "." + ctx.memberName().getText(), args, span);
  }

  private Stmt assignment(Expr target, AssignOpContext opCtx, Expr value, Span span) {
    AssignOp op = Operators.assign(opCtx.getStart().getType());
    if (target instanceof Expr.Name n) {
      return new Stmt.Assign(n.name(), op, value, span);
    }
    if (target instanceof Expr.InputField f) {
      return new Stmt.CreatorOnly("input." + f.field() + " assignment", List.of(value), span);
    }
    if (target instanceof Expr.Property p) {
      return new Stmt.AssignProperty(p.target(), p.name(), op, value, span);
    }
    ast.error(Spans.of(opCtx.getStart()), "cannot assign to this expression; the left side of '"
        + opCtx.getText() + "' must be a variable");
    return null;
  }
}
