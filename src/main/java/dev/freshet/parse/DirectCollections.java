package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collection literals and calls for {@link DirectExprs}, as ExprBuilder's visitCollectionLiteral,
 * visitBracketListLiteral and visitCallExpr build them; their error cases give up, so ANTLR's path reports them.
 */
final class DirectCollections {
  private DirectCollections() {}

  /** {@code {}} undecided, {@code {a, b}} a LIST, {@code {k: v}} a MAP (decided by the first item). */
  static Expr braces(DirectExprs in) {
    int first = in.p++;
    if (in.accept(DelugeLexer.RBRACE)) {
      return new Expr.EmptyCollection(in.t.span(first, in.p - 1));
    }
    return items(in, DelugeLexer.RBRACE, first, null);
  }

  /**
   * Items up to {@code close}: all values (a LIST) or all {@code key : value} pairs (a MAP), as the first one is;
   * {@code }} allows a trailing ','. The node's span is {@code given}, or else from token {@code first} to the close.
   */
  private static Expr items(DirectExprs in, int close, int first, Span given) {
    List<Expr> values = new ArrayList<>();
    List<Expr.Entry> entries = new ArrayList<>();
    Boolean map = null;
    do {
      if (close == DelugeLexer.RBRACE && in.type(0) == DelugeLexer.RBRACE) {
        break; // the optional trailing ','
      }
      Expr key = in.expression();
      boolean pair = in.accept(DelugeLexer.COLON);
      if (map == null) {
        map = pair;
      } else if (map != pair) {
        throw DirectExprs.GIVE_UP; // mixed forms: ExprBuilder's error
      }
      if (pair) {
        entries.add(new Expr.Entry(key, in.expression()));
      } else {
        values.add(key);
      }
    } while (in.accept(DelugeLexer.COMMA));
    in.expect(close);
    Span at = given != null ? given : in.t.span(first, in.p - 1);
    return map ? new Expr.MapLiteral(entries, at) : new Expr.ListLiteral(values, at);
  }

  /** {@code [a, b]}: a LIST, as Zoho's editor saves it. */
  static Expr brackets(DirectExprs in) {
    int first = in.p++;
    List<Expr> values = new ArrayList<>();
    while (in.type(0) != DelugeLexer.RBRACKET) {
      values.add(in.expression());
      if (!in.accept(DelugeLexer.COMMA)) {
        break;
      }
    }
    in.expect(DelugeLexer.RBRACKET);
    return new Expr.ListLiteral(values, in.t.span(first, in.p - 1));
  }

  /** {@code name(…)}, the name at token {@code name}: List(…), Map(…), Collection(…), ifnull(…) or a call. */
  static Expr call(DirectExprs in, int name) {
    String text = in.t.text(name);
    Span span = in.t.span(name);
    switch (text.toLowerCase(Locale.ROOT)) {
      case "list":
        return new Expr.ListLiteral(in.arguments(text), span);
      case "map":
        List<Expr> mapArgs = in.arguments(text);
        if (mapArgs.size() == 1) {
          return new Expr.MethodCall(mapArgs.get(0), "toMap", List.of(), span); // Map({"k": v}), as Zoho shows
        }
        if (!mapArgs.isEmpty()) {
          throw DirectExprs.GIVE_UP;
        }
        return new Expr.MapLiteral(List.of(), span);
      case "collection":
        return collection(in, span);
      case "ifnull":
        List<Expr> args = in.arguments(text);
        if (args.size() != 2) {
          throw DirectExprs.GIVE_UP;
        }
        return new Expr.IfNull(args.get(0), args.get(1), span);
      default:
        return new Expr.Call(text, in.arguments(text), span);
    }
  }

  /** {@code Collection()} undecided; {@code Collection("k": v, …)} a MAP; {@code Collection(a, b)} a LIST. */
  private static Expr collection(DirectExprs in, Span span) {
    in.expect(DelugeLexer.LPAREN);
    if (in.accept(DelugeLexer.RPAREN)) {
      return new Expr.EmptyCollection(span);
    }
    return items(in, DelugeLexer.RPAREN, -1, span);
  }

  /** {@code List:Type()}; with arguments it is ExprBuilder's error. */
  static Expr typedList(DirectExprs in) {
    int first = in.p;
    in.p += 2;
    if (!Keywords.identifier(in.type(0))) {
      throw DirectExprs.GIVE_UP;
    }
    String elementType = in.t.text(in.p++);
    in.expect(DelugeLexer.LPAREN);
    in.expect(DelugeLexer.RPAREN);
    return new Expr.TypedList(elementType, in.t.span(first, in.p - 1));
  }
}
