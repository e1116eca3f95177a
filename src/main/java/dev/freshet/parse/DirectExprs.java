package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.LiteralKind;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The expressions of {@link DirectParser}: grammar/DelugeParser.g4's {@code expression}, {@code condition},
 * {@code postfix} and {@code primary}, building the very nodes {@link ExprBuilder} builds from ANTLR's tree (same
 * spans, same folding of negative numbers, same warnings in the same order). Anything it does not handle, and every
 * error, gives up with {@link #GIVE_UP}, and ANTLR parses the script instead.
 */
class DirectExprs {
  /** Thrown to hand the script to ANTLR; one instance, no stack trace. */
  static final class GiveUp extends RuntimeException {
    private GiveUp() {
      super(null, null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();
  /** Deeper than this the script goes to ANTLR, whose parser checks nesting and recovers from a stack overflow. */
  private static final int MAX_DEPTH = 200;

  final SourceFile source;
  final Tokens t;
  final List<Diagnostic> warnings = new ArrayList<>();
  int p;
  private int depth;

  DirectExprs(SourceFile source, Tokens tokens) {
    this.source = source;
    this.t = tokens;
  }

  final int type(int ahead) {
    int i = p + ahead;
    return i < t.count ? t.type[i] : Tokens.EOF;
  }

  final void expect(int type) {
    if (t.type[p] != type) {
      throw GIVE_UP;
    }
    p++;
  }

  final void enter() {
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
  }

  final void leave() {
    depth--;
  }

  Expr expression() {
    return binary(1, false);
  }

  /** The condition of an {@code if}: '=' compares, with a warning (ExprBuilder.visitCondBinary). */
  Expr condition() {
    return binary(1, true);
  }

  /** Operators by precedence, loosest first: || && (== != and a condition's =) (< <= > >=) (+ -) (* / %). */
  private static int precedence(int type, boolean condition) {
    return switch (type) {
      case DelugeLexer.OR -> 1;
      case DelugeLexer.AND -> 2;
      case DelugeLexer.EQ, DelugeLexer.NEQ -> 3;
      case DelugeLexer.ASSIGN -> condition ? 3 : 0;
      case DelugeLexer.LT, DelugeLexer.LE, DelugeLexer.GT, DelugeLexer.GE -> 4;
      case DelugeLexer.PLUS, DelugeLexer.MINUS -> 5;
      case DelugeLexer.STAR, DelugeLexer.SLASH, DelugeLexer.PERCENT -> 6;
      default -> 0;
    };
  }

  /** Left-associative operators of at least {@code min} precedence (ANTLR's left-recursion elimination). */
  private Expr binary(int min, boolean condition) {
    enter();
    int mark = warnings.size();
    Expr left = unary(condition);
    for (int prec = precedence(type(0), condition); prec >= min; prec = precedence(type(0), condition)) {
      int op = p++;
      Expr right = binary(prec + 1, condition);
      if (t.type[op] == DelugeLexer.ASSIGN) { // the visitor warns before visiting either side
        warnings.add(mark, new Diagnostic(Diagnostic.Kind.WARNING,
            "'=' in a condition compares like '=='; write '==' to make that plain", source, t.span(op)));
      }
      left = new Expr.Binary(Operators.binary(t.type[op]), left, right, t.span(op));
    }
    leave();
    return left;
  }

  private Expr unary(boolean condition) {
    int op = type(0);
    if (op != DelugeLexer.NOT && op != DelugeLexer.MINUS && op != DelugeLexer.PLUS) {
      return postfix();
    }
    int first = p++;
    if (op == DelugeLexer.MINUS && type(0) == DelugeLexer.NUMBER_LITERAL && t.text(p).equals("9223372036854775808")) {
      if (type(1) == DelugeLexer.DOT || type(1) == DelugeLexer.LBRACKET) {
        throw GIVE_UP;
      }
      p++; // the one NUMBER written negated
      return new Expr.Literal(LiteralKind.NUMBER, Long.MIN_VALUE, t.span(first, p - 1));
    }
    enter();
    Expr operand = unary(condition);
    leave();
    if (op == DelugeLexer.MINUS && operand instanceof Expr.Literal lit && lit.value() instanceof Long n) {
      return new Expr.Literal(LiteralKind.NUMBER, -n, t.span(first, p - 1));
    }
    Expr.UnaryOp unaryOp = op == DelugeLexer.NOT ? Expr.UnaryOp.NOT
        : op == DelugeLexer.MINUS ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.PLUS;
    return new Expr.Unary(unaryOp, operand, t.span(first));
  }

  /** A primary and its {@code .name}, {@code .name(…)} and, straight after a name, {@code [criteria]}. */
  private Expr postfix() {
    int first = p;
    Expr result;
    String lower = isName() ? t.text(p).toLowerCase(Locale.ROOT) : null;
    if (lower != null && type(1) == DelugeLexer.DOT
        && (lower.equals("zoho") || lower.equals("thisapp") || lower.equals("standalone"))) {
      StringBuilder dotted = new StringBuilder(lower);
      Span span = t.span(first);
      p++;
      result = null;
      while (result == null && type(0) == DelugeLexer.DOT) {
        dotted.append('.').append(t.text(member()));
        if (type(0) == DelugeLexer.LPAREN) {
          result = new Expr.QualifiedCall(dotted.toString(), arguments(dotted.toString()), span);
        }
      }
      if (result == null) {
        result = new Expr.QualifiedName(dotted.toString(), span);
      }
    } else if ("input".equals(lower) && type(1) == DelugeLexer.DOT && type(3) != DelugeLexer.LPAREN) {
      p += 2; // input.Field: a Creator form's field
      if (!Keywords.memberName(type(0))) {
        throw GIVE_UP;
      }
      result = new Expr.InputField(t.text(p++), t.span(first));
    } else {
      result = primary();
      if (type(0) == DelugeLexer.LBRACKET && result instanceof Expr.Name form && p == first + 1
          && Keywords.identifier(t.type[first])) {
        p++; // Form[criteria]: Creator's fetch, only straight after a name
        Expr criteria = type(0) == DelugeLexer.RBRACKET ? null : expression();
        expect(DelugeLexer.RBRACKET);
        result = new Expr.FormFetch(form.name(), criteria, form.span());
      }
    }
    while (type(0) == DelugeLexer.DOT) {
      int name = member();
      String member = t.text(name);
      result = type(0) == DelugeLexer.LPAREN
          ? new Expr.MethodCall(result, member, arguments(member), t.span(name))
          : new Expr.Property(result, member, t.span(name));
    }
    if (type(0) == DelugeLexer.LBRACKET) {
      throw GIVE_UP;
    }
    return result;
  }

  /** Whether a primary here is the grammar's nameExpr: an identifier not called and not a typed list. */
  private boolean isName() {
    return Keywords.identifier(type(0)) && type(1) != DelugeLexer.LPAREN
        && !(type(0) == DelugeLexer.LIST && type(1) == DelugeLexer.COLON);
  }

  /** After a '.': the member name's token index. */
  private int member() {
    p++;
    if (!Keywords.memberName(type(0))) {
      throw GIVE_UP;
    }
    return p++;
  }

  /** {@code ( arguments? )}, each as ExprBuilder.arguments builds it. */
  List<Expr> arguments(String callee) {
    expect(DelugeLexer.LPAREN);
    List<Expr> args = new ArrayList<>();
    if (type(0) != DelugeLexer.RPAREN) {
      do {
        int first = p;
        Expr value = expression();
        if (type(0) == DelugeLexer.COLON) {
          if (!callee.equalsIgnoreCase("insert")) {
            throw GIVE_UP; // an error ExprBuilder reports
          }
          p++;
          Expr second = expression(); // c.insert("key" : value) adds one key-value pair to a collection
          value = new Expr.MapLiteral(List.of(new Expr.Entry(value, second)), t.span(first, p - 1));
        }
        args.add(value);
      } while (accept(DelugeLexer.COMMA));
    }
    expect(DelugeLexer.RPAREN);
    return args;
  }

  final boolean accept(int type) {
    if (type(0) == type) {
      p++;
      return true;
    }
    return false;
  }

  private Expr primary() {
    int first = p;
    int type = type(0);
    switch (type) {
      case DelugeLexer.TEXT_LITERAL, DelugeLexer.QUOTED_LITERAL, DelugeLexer.NUMBER_LITERAL,
          DelugeLexer.DECIMAL_LITERAL, DelugeLexer.TRUE, DelugeLexer.FALSE, DelugeLexer.NULL:
        p++;
        return literal(first);
      case DelugeLexer.LPAREN:
        p++;
        Expr inner = expression();
        expect(DelugeLexer.RPAREN);
        return inner;
      case DelugeLexer.LBRACE:
        return DirectCollections.braces(this);
      case DelugeLexer.LBRACKET:
        return DirectCollections.brackets(this);
      case DelugeLexer.IF:
        p++;
        expect(DelugeLexer.LPAREN);
        Expr condition = condition();
        expect(DelugeLexer.COMMA);
        Expr whenTrue = expression();
        expect(DelugeLexer.COMMA);
        Expr whenFalse = expression();
        expect(DelugeLexer.RPAREN);
        return new Expr.Conditional(condition, whenTrue, whenFalse, t.span(first, p - 1));
      case DelugeLexer.INFO:
        p++;
        return new Expr.Name(t.text(first), t.span(first));
      case DelugeLexer.INVOKEURL:
        if (type(1) == DelugeLexer.LBRACKET) {
          return DirectTasks.invokeUrl(this);
        }
        p++; // invokeUrl(url, type, …): the deprecated function form
        return new Expr.Call(t.text(first), arguments("invokeUrl"), t.span(first));
      default:
        break;
    }
    if (type == DelugeLexer.INVOKEAPI && type(1) == DelugeLexer.LBRACKET) {
      return DirectTasks.invokeApi(this);
    }
    if (type == DelugeLexer.LIST && type(1) == DelugeLexer.COLON) {
      return DirectCollections.typedList(this);
    }
    if (type == DelugeLexer.INSERT && type(1) == DelugeLexer.INTO) {
      return DirectCreator.insert(this);
    }
    if (!Keywords.identifier(type)) {
      throw GIVE_UP; // an error
    }
    p++;
    if (type(0) != DelugeLexer.LPAREN) {
      return new Expr.Name(t.text(first), t.span(first));
    }
    return DirectCollections.call(this, first);
  }

  private Expr literal(int token) {
    Span span = t.span(token);
    String text = t.text(token);
    return t.type[token] == DelugeLexer.NUMBER_LITERAL ? number(text, span) : Literals.of(t.type[token], text, span);
  }

  private static Expr number(String text, Span span) {
    long value = 0;
    for (int i = 0; i < text.length(); i++) { // Long.parseLong, without its exception for the too-large case
      int digit = text.charAt(i) - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw GIVE_UP; // too large for NUMBER: ExprBuilder's error
      }
      value = value * 10 + digit;
    }
    return new Expr.Literal(LiteralKind.NUMBER, value, span);
  }
}
