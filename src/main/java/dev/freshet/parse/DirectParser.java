package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.Stmt.AssignOp;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written recursive-descent parser for the common forms of grammar/DelugeParser.g4, tried before ANTLR: it
 * builds the very AST (and warnings) {@link AstBuilder} builds from ANTLR's tree, without loading ANTLR, whose
 * start-up (its runtime's classes, the lexer's and parser's ATN, a first parse with empty caches) is most of a cold
 * start. It takes the task blocks too ({@link DirectTasks})
 * and Creator's forms ({@link DirectCreator}). It gives up on every error and on the rarer forms ({@code if(…)} as a
 * statement, deep nesting, the forms two parses fit, where ANTLR chooses), and ANTLR parses
 * those scripts as before, so error messages come from one place. DirectParserTest compares the two on every golden
 * script, sample and corpus script.
 */
final class DirectParser extends DirectExprs {
  private DirectParser(SourceFile source, Tokens tokens) {
    super(source, tokens);
  }

  /** The script's AST, with its warnings added to {@code warnings} (when not null); null when ANTLR must parse it. */
  static Script parse(SourceFile source, List<Diagnostic> warnings) {
    Tokens tokens = Tokens.lex(source.text());
    if (tokens == null) {
      return null;
    }
    DirectParser parser = new DirectParser(source, tokens);
    try {
      Script script = parser.script();
      if (warnings != null) {
        warnings.addAll(parser.warnings);
      }
      return script;
    } catch (GiveUp e) {
      return null;
    }
  }

  private Script script() {
    List<FunctionDecl> functions = new ArrayList<>();
    List<Stmt> statements = new ArrayList<>();
    while (type(0) != Tokens.EOF) {
      if (functionAhead()) {
        functions.add(function());
      } else {
        statements.add(statement());
      }
    }
    return new Script(source, functions, statements);
  }

  /** {@code type name(} or {@code type:Sub name(}: two names in a row start no statement this parser takes. */
  private boolean functionAhead() {
    if (!Keywords.identifier(type(0)) || creatorStatement(type(0))) {
      return false;
    }
    return Keywords.identifier(type(1))
        || type(1) == DelugeLexer.COLON && Keywords.identifier(type(2)) && Keywords.identifier(type(3));
  }

  private FunctionDecl function() {
    String returnType = typeName();
    StringBuilder qualified = new StringBuilder();
    int last;
    do {
      if (!Keywords.identifier(type(0))) {
        throw GIVE_UP;
      }
      last = p++;
      qualified.append(qualified.length() == 0 ? "" : ".").append(t.text(last));
    } while (accept(DelugeLexer.DOT));
    expect(DelugeLexer.LPAREN);
    List<FunctionDecl.Parameter> params = new ArrayList<>();
    if (type(0) != DelugeLexer.RPAREN) {
      do {
        String type = typeName();
        if (!Keywords.identifier(type(0))) {
          throw GIVE_UP;
        }
        params.add(new FunctionDecl.Parameter(type, t.text(p), t.span(p)));
        p++;
      } while (accept(DelugeLexer.COMMA));
    }
    expect(DelugeLexer.RPAREN);
    return new FunctionDecl(returnType, qualified.toString(), t.text(last), params, block(), t.span(last));
  }

  /** {@code identifier (: identifier)?}, as ANTLR's getText() gives it (no spaces). */
  private String typeName() {
    if (!Keywords.identifier(type(0))) {
      throw GIVE_UP;
    }
    String name = t.text(p++);
    if (accept(DelugeLexer.COLON)) {
      if (!Keywords.identifier(type(0))) {
        throw GIVE_UP;
      }
      name = name + ":" + t.text(p++);
    }
    return name;
  }

  private List<Stmt> block() {
    expect(DelugeLexer.LBRACE);
    enter();
    List<Stmt> out = new ArrayList<>();
    while (type(0) != DelugeLexer.RBRACE) {
      out.add(statement());
    }
    p++;
    leave();
    return out;
  }

  /** Creator's form statements ({@code alert x;}, {@code hide Field;}, …) and soft keywords that may start them. */
  private static boolean creatorStatement(int type) {
    return switch (type) {
      case DelugeLexer.DELETE, DelugeLexer.CANCEL, DelugeLexer.ALERT, DelugeLexer.HIDE, DelugeLexer.SHOW,
          DelugeLexer.ENABLE, DelugeLexer.DISABLE, DelugeLexer.CLEAR -> true;
      default -> false;
    };
  }

  private Stmt statement() {
    int first = p;
    switch (type(0)) {
      case DelugeLexer.IF:
        return ifStatement();
      case DelugeLexer.FOR:
        return forEach();
      case DelugeLexer.TRY:
        return tryStatement();
      case DelugeLexer.BREAK:
        p++;
        expect(DelugeLexer.SEMI);
        return new Stmt.Break(t.span(first, p - 1));
      case DelugeLexer.CONTINUE:
        p++;
        expect(DelugeLexer.SEMI);
        return new Stmt.Continue(t.span(first, p - 1));
      case DelugeLexer.RETURN:
        p++;
        Expr value = type(0) == DelugeLexer.SEMI ? null : expression();
        expect(DelugeLexer.SEMI);
        return new Stmt.Return(value, t.span(first, p - 1));
      case DelugeLexer.THROW:
        p++;
        Expr thrown = expression();
        expect(DelugeLexer.SEMI);
        return new Stmt.Throw(thrown, t.span(first, p - 1));
      case DelugeLexer.INFO:
        if (infoStatement()) {
          p++;
          Expr shown = type(0) == DelugeLexer.SEMI ? null : expression();
          expect(DelugeLexer.SEMI);
          return new Stmt.Info(shown, t.span(first, p - 1));
        }
        return expressionStatement();
      case DelugeLexer.SENDMAIL:
        return DirectTasks.sendMail(this);
      case DelugeLexer.INVOKEURL:
        if (type(1) != DelugeLexer.LBRACKET) {
          return expressionStatement(); // invokeUrl(…), the function form
        }
        Expr call = DirectTasks.invokeUrl(this);
        DirectTasks.endOfValue(this);
        return new Stmt.ExprStmt(call, t.span(first, p - 1));
      case DelugeLexer.WHILE:
        throw GIVE_UP;
      default:
        Stmt creator = creatorStatement(type(0)) ? DirectCreator.statement(this) : null;
        if (creator != null) {
          return creator;
        }
        if (Keywords.identifier(type(0)) && type(1) == DelugeLexer.LBRACKET) {
          Stmt stub = type(0) == DelugeLexer.INVOKEAPI ? null : DirectTasks.stub(this);
          if (stub == null) {
            throw GIVE_UP; // invokeapi [ … ]; and Form[criteria]; are either statement
          }
          return stub;
        }
        return expressionStatement();
    }
  }

  /**
   * Whether {@code info …} is the info statement rather than an expression statement on a variable named info
   * ({@code info = Map();}). Where both parse to the ';' ({@code info -x;}, {@code info [x];}) ANTLR takes the
   * grammar's first alternative, the info statement; where the info statement stops early ({@code info - x = 1;})
   * the statement's missing ';' gives up.
   */
  private boolean infoStatement() {
    int next = type(1);
    return switch (next) {
      case DelugeLexer.MINUS, DelugeLexer.PLUS, DelugeLexer.LBRACKET, DelugeLexer.SEMI, DelugeLexer.TEXT_LITERAL, DelugeLexer.QUOTED_LITERAL, DelugeLexer.NUMBER_LITERAL,
          DelugeLexer.DECIMAL_LITERAL, DelugeLexer.TRUE, DelugeLexer.FALSE, DelugeLexer.NULL, DelugeLexer.LPAREN,
          DelugeLexer.LBRACE, DelugeLexer.IF, DelugeLexer.INFO, DelugeLexer.INVOKEURL, DelugeLexer.NOT -> true;
      default -> Keywords.identifier(next);
    };
  }

  private Stmt ifStatement() {
    int first = p++;
    expect(DelugeLexer.LPAREN);
    Expr condition = condition();
    expect(DelugeLexer.RPAREN); // a ',' here is if(…) as an expression statement: left to ANTLR
    List<Stmt.Branch> branches = new ArrayList<>();
    branches.add(new Stmt.Branch(condition, block()));
    List<Stmt> otherwise = null;
    while (type(0) == DelugeLexer.ELSE) {
      p++;
      if (!accept(DelugeLexer.IF)) {
        otherwise = block();
        break;
      }
      expect(DelugeLexer.LPAREN);
      Expr next = condition();
      expect(DelugeLexer.RPAREN);
      branches.add(new Stmt.Branch(next, block()));
    }
    return new Stmt.If(branches, otherwise, t.span(first, p - 1));
  }

  private Stmt forEach() {
    int first = p++;
    expect(DelugeLexer.EACH);
    boolean index = type(0) == DelugeLexer.INDEX && Keywords.identifier(type(1));
    if (index) {
      p++;
    }
    if (!Keywords.identifier(type(0))) {
      throw GIVE_UP;
    }
    String variable = t.text(p++);
    expect(DelugeLexer.IN);
    Expr iterable = expression();
    return new Stmt.ForEach(variable, index, iterable, block(), t.span(first, p - 1));
  }

  private Stmt tryStatement() {
    int first = p++;
    List<Stmt> body = block();
    expect(DelugeLexer.CATCH);
    String variable = null;
    Span variableSpan = null;
    if (accept(DelugeLexer.LPAREN)) {
      if (Keywords.identifier(type(0))) {
        variable = t.text(p);
        variableSpan = t.span(p);
        p++;
      }
      expect(DelugeLexer.RPAREN);
    }
    return new Stmt.Try(body, variable, variableSpan, block(), t.span(first, p - 1));
  }

  /** {@code expr;} or {@code target op= value;}: the value is built before the target, so its warnings come first. */
  private Stmt expressionStatement() {
    int first = p;
    int mark = warnings.size();
    Expr target = expression();
    if (accept(DelugeLexer.SEMI)) {
      return new Stmt.ExprStmt(target, t.span(first, p - 1));
    }
    if (type(0) == DelugeLexer.COLON) {
      return DirectCreator.uiTask(this, first, mark); // input.Field:ui.add(…)
    }
    AssignOp op = Operators.assign(type(0));
    if (op == null) {
      throw GIVE_UP; // an error
    }
    p++;
    List<Diagnostic> targetWarnings = new ArrayList<>(warnings.subList(mark, warnings.size()));
    warnings.subList(mark, warnings.size()).clear();
    Expr value;
    if (type(0) == DelugeLexer.INVOKEURL && type(1) == DelugeLexer.LBRACKET) {
      value = DirectTasks.invokeUrl(this); // the grammar's invokeUrlValue: ';' optional
      DirectTasks.endOfValue(this);
    } else {
      value = expression();
      expect(DelugeLexer.SEMI);
    }
    warnings.addAll(targetWarnings);
    Span span = t.span(first, p - 1);
    if (target instanceof Expr.Name n) {
      return new Stmt.Assign(n.name(), op, value, span);
    }
    if (target instanceof Expr.InputField f) {
      return new Stmt.CreatorOnly("input." + f.field() + " assignment", List.of(value), span);
    }
    if (target instanceof Expr.Property property) {
      return new Stmt.AssignProperty(property.target(), property.name(), op, value, span);
    }
    throw GIVE_UP; // not assignable: StmtBuilder's error
  }
}
