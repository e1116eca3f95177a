package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.Stmt.AssignOp;
import dev.freshet.parse.gen.DelugeLexer;
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
    branches.add(new Stmt.Branch(expr(ctx.expression()), block(ctx.block())));
    for (ElseIfContext e : ctx.elseIf()) {
      branches.add(new Stmt.Branch(expr(e.expression()), block(e.block())));
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
    return new Stmt.SendMail(exprs.taskParams("sendmail", ExprBuilder.SENDMAIL_KEYS, "to", ctx.taskParam(), span), span);
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

  @Override
  public Stmt visitAssignStatement(AssignStatementContext ctx) {
    AssignOp op = switch (ctx.assignOp().getStart().getType()) {
      case DelugeLexer.PLUS_ASSIGN -> AssignOp.ADD;
      case DelugeLexer.MINUS_ASSIGN -> AssignOp.SUBTRACT;
      case DelugeLexer.STAR_ASSIGN -> AssignOp.MULTIPLY;
      case DelugeLexer.SLASH_ASSIGN -> AssignOp.DIVIDE;
      case DelugeLexer.PERCENT_ASSIGN -> AssignOp.REMAINDER;
      default -> AssignOp.SET;
    };
    AssignTargetContext target = ctx.assignTarget();
    Expr value = expr(ctx.expression());
    Span span = Spans.of(ctx);
    if (target.memberName().isEmpty()) {
      return new Stmt.Assign(target.identifier().getText(), op, value, span);
    }
    Expr object = target.identifier().getText().equalsIgnoreCase("input")
        ? new Expr.InputField(target.memberName(0).getText(), Spans.of(target.identifier()))
        : new Expr.Name(target.identifier().getText(), Spans.of(target.identifier()));
    int last = target.memberName().size() - 1;
    for (int i = object instanceof Expr.InputField ? 1 : 0; i < last; i++) {
      MemberNameContext m = target.memberName(i);
      object = new Expr.Property(object, m.getText(), Spans.of(m));
    }
    if (object instanceof Expr.InputField && last == 0) {
      return new Stmt.CreatorOnly("input." + target.memberName(0).getText() + " assignment", List.of(value), span);
    }
    return new Stmt.AssignProperty(object, target.memberName(last).getText(), op, value, span);
  }

  @Override
  public Stmt visitExpressionStatement(ExpressionStatementContext ctx) {
    return new Stmt.ExprStmt(expr(ctx.expression()), Spans.of(ctx));
  }
}
