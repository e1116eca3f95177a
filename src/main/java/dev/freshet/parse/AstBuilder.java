package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.parse.gen.DelugeParser.FunctionDefContext;
import dev.freshet.parse.gen.DelugeParser.ParameterContext;
import dev.freshet.parse.gen.DelugeParser.ScriptContext;
import dev.freshet.parse.gen.DelugeParser.StatementContext;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/** Builds the immutable AST from a parse tree; constructs that parse but are not Deluge are reported here. */
final class AstBuilder {
  private final SourceFile source;
  final List<Diagnostic> errors = new ArrayList<>();
  /** Forms that run but deserve a second look ({@code if (a = b)}); {@code freshet check} prints them. */
  final List<Diagnostic> warnings = new ArrayList<>();
  final ExprBuilder exprs = new ExprBuilder(this);
  final StmtBuilder stmts = new StmtBuilder(this, exprs);

  AstBuilder(SourceFile source) {
    this.source = source;
  }

  void error(Span span, String message) {
    errors.add(new Diagnostic(Diagnostic.Kind.ERROR, message, source, span));
  }

  void warning(Span span, String message) {
    warnings.add(new Diagnostic(Diagnostic.Kind.WARNING, message, source, span));
  }

  Script script(ScriptContext ctx) {
    return build(ctx.children);
  }

  /** Functions and statements in source order, from any entry rule's children. */
  Script build(List<ParseTree> children) {
    List<FunctionDecl> functions = new ArrayList<>();
    List<Stmt> statements = new ArrayList<>();
    if (children != null) {
      for (ParseTree child : children) {
        if (child instanceof FunctionDefContext f) {
          functions.add(function(f));
        } else if (child instanceof StatementContext s) {
          Stmt stmt = stmts.visit(s);
          if (stmt != null) {
            statements.add(stmt);
          }
        }
      }
    }
    return new Script(source, functions, statements);
  }

  Expr expression(ParserRuleContext ctx) {
    return exprs.visit(ctx);
  }

  private FunctionDecl function(FunctionDefContext ctx) {
    List<FunctionDecl.Parameter> params = new ArrayList<>();
    for (ParameterContext p : ctx.parameter()) {
      params.add(new FunctionDecl.Parameter(p.typeName().getText(), p.identifier().getText(), Spans.of(p.identifier())));
    }
    var parts = ctx.qualifiedName().identifier();
    String name = parts.get(parts.size() - 1).getText();
    return new FunctionDecl(ctx.typeName().getText(), ctx.qualifiedName().getText(), name, params,
        stmts.block(ctx.block()), Spans.of(parts.get(parts.size() - 1)));
  }
}
