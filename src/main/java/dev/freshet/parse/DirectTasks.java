package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.TaskParam;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The task blocks of {@link DirectParser} ({@code invokeurl [ … ]}, {@code sendmail [ … ]}, {@code invokeapi [ … ]},
 * the test runner's {@code stub [ … ]}),
 * built as ExprBuilder.taskParams and StmtBuilder build them. Every key problem ExprBuilder reports (unknown, given
 * twice, missing, several values where one is taken, {@code file:} but after {@code attachments:}) gives up; so does a ',' whose next words could
 * be either another value or a key of several words ({@code to: a, b reply to: c}): ANTLR chooses there.
 */
final class DirectTasks {
  private DirectTasks() {}

  /** {@code invokeurl [ … ]} at the INVOKEURL token: the node spans from it to the ']'. */
  static Expr invokeUrl(DirectExprs in) {
    int first = in.p++;
    List<TaskParam> params = params(in, TaskKeys.INVOKEURL, "url");
    return new Expr.InvokeUrl(params, in.t.span(first, in.p - 1));
  }

  /**
   * After an invokeurl block that ends a statement: its optional ';'. A token that could go on with the block as an
   * expression ({@code .get(…)}, {@code [}, an operator) leaves the choice between the two parses to ANTLR.
   */
  static void endOfValue(DirectExprs in) {
    switch (in.type(0)) {
      case DelugeLexer.SEMI -> in.p++;
      case DelugeLexer.DOT, DelugeLexer.LBRACKET, DelugeLexer.COLON, DelugeLexer.PLUS, DelugeLexer.MINUS,
          DelugeLexer.STAR, DelugeLexer.SLASH, DelugeLexer.PERCENT, DelugeLexer.EQ, DelugeLexer.NEQ, DelugeLexer.LT,
          DelugeLexer.LE, DelugeLexer.GT, DelugeLexer.GE, DelugeLexer.AND, DelugeLexer.OR -> throw DirectExprs.GIVE_UP;
      default -> {
        if (Operators.assign(in.type(0)) != null) {
          throw DirectExprs.GIVE_UP;
        }
      }
    }
  }

  /** {@code invokeapi [ service: s path: "…" ]}: a call of invokeapi with its keys as a MAP. */
  static Expr invokeApi(DirectExprs in) {
    int first = in.p++;
    List<TaskParam> params = params(in, TaskKeys.INVOKEAPI, "service");
    return invokeApi(in.t.text(first), params, in.t.span(first, in.p - 1));
  }

  /** The call an invokeapi block is, for both parsers. */
  static Expr invokeApi(String name, List<TaskParam> params, Span span) {
    return new Expr.Call(name, List.of(keyMap(params, List.of("service", "type"), span)), span);
  }

  /** The call a stub block is, for both parsers. */
  static Stmt stubCall(List<TaskParam> params, Span span) {
    return new Stmt.ExprStmt(new Expr.Call("stub", List.of(keyMap(params, List.of("type"), span)), span), span);
  }

  /** A block's keys as a MAP; a bare word given for one of {@code words} ({@code type: GET}) is that TEXT. */
  private static Expr keyMap(List<TaskParam> params, List<String> words, Span span) {
    List<Expr.Entry> entries = new ArrayList<>();
    for (TaskParam p : params) {
      Expr value = p.value();
      if (value instanceof Expr.Name n && words.contains(p.key())) {
        value = new Expr.Literal(Expr.LiteralKind.TEXT, n.name(), n.span());
      }
      entries.add(new Expr.Entry(new Expr.Literal(Expr.LiteralKind.TEXT, p.key(), p.span()), value));
    }
    return new Expr.MapLiteral(entries, span);
  }

  /** {@code sendmail [ … ] ;?} at the SENDMAIL token. */
  static Stmt sendMail(DirectExprs in) {
    int first = in.p++;
    List<TaskParam> params = params(in, TaskKeys.SENDMAIL, "to");
    in.accept(DelugeLexer.SEMI);
    return new Stmt.SendMail(params, in.t.span(first, in.p - 1));
  }

  /**
   * {@code stub [ url: … status: 200 ] ;?}, the test runner's task, at the name: a call of the built-in stub with the
   * keys as a MAP, {@code type: POST} the word (StmtBuilder's). Null when the brackets hold no {@code key:} (then it
   * is {@code Form[criteria];}).
   */
  static Stmt stub(DirectExprs in) {
    int first = in.p;
    int k = first + 2;
    while (Keywords.memberName(in.type(k - first)) || in.type(k - first) == DelugeLexer.MINUS) {
      k++;
    }
    if (in.type(k - first) != DelugeLexer.COLON || k == first + 2) {
      return null;
    }
    if (!in.t.text(first).equalsIgnoreCase("stub")) {
      throw DirectExprs.GIVE_UP; // StmtBuilder's error
    }
    in.p++;
    List<TaskParam> params = params(in, TaskKeys.STUB, "url");
    in.accept(DelugeLexer.SEMI);
    return stubCall(params, in.t.span(first, in.p - 1));
  }

  /** {@code [ taskParam* ]}, each key known and given once, {@code required} among them. */
  private static List<TaskParam> params(DirectExprs in, List<String> allowed, String required) {
    in.expect(DelugeLexer.LBRACKET);
    List<TaskParam> params = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!in.accept(DelugeLexer.RBRACKET)) {
      TaskParam param = param(in);
      if (!allowed.contains(param.key()) || !seen.add(param.key())) {
        throw DirectExprs.GIVE_UP;
      }
      params.add(param);
    }
    if (!seen.contains(required)) {
      throw DirectExprs.GIVE_UP;
    }
    return params;
  }

  /**
   * {@code taskKey : taskValue (, taskValue)* ,?}: one value, or a LIST of them spanning the first (as ExprBuilder's
   * taskValue); the param spans from its key to its last token, a trailing ',' included.
   */
  private static TaskParam param(DirectExprs in) {
    int first = in.p;
    String key = key(in);
    List<Expr> values = new ArrayList<>();
    int valueStart = in.p;
    int valueEnd = -1;
    do {
      if (in.type(0) == DelugeLexer.FILE && in.type(1) == DelugeLexer.COLON) {
        if (!key.equals("attachments") || !values.isEmpty()) {
          throw DirectExprs.GIVE_UP; // ExprBuilder's error; after a ',' it may start a key 'file' too
        }
        in.p += 2; // attachments: file: f marks the kind of attachment, and is dropped
      }
      values.add(in.expression());
      valueEnd = values.size() == 1 ? in.p - 1 : valueEnd;
    } while (anotherValue(in));
    if (values.size() > 1 && !TaskKeys.LISTS.contains(key)) {
      throw DirectExprs.GIVE_UP;
    }
    Expr value = values.size() == 1 ? values.get(0) : new Expr.ListLiteral(values, in.t.span(valueStart, valueEnd));
    return new TaskParam(key, value, in.t.span(first, in.p - 1));
  }

  /** {@code memberName (-? memberName)* :}, lower-cased, words joined by one space or by the '-' written. */
  private static String key(DirectExprs in) {
    StringBuilder key = new StringBuilder();
    boolean hyphen = false;
    do {
      if (!Keywords.memberName(in.type(0))) {
        throw DirectExprs.GIVE_UP;
      }
      if (key.length() > 0 && !hyphen) {
        key.append(' ');
      }
      key.append(in.t.text(in.p++).toLowerCase(Locale.ROOT));
      hyphen = in.accept(DelugeLexer.MINUS);
      if (hyphen) {
        key.append('-');
      }
    } while (hyphen || in.type(0) != DelugeLexer.COLON);
    in.p++;
    return key.toString();
  }

  /**
   * After a value: true past a ',' that another value follows. A trailing ',' (before ']' or the next {@code key:})
   * is taken into this param, and ends it.
   */
  private static boolean anotherValue(DirectExprs in) {
    if (in.type(0) != DelugeLexer.COMMA) {
      return false;
    }
    int next = in.type(1);
    int after = in.type(2);
    boolean word = Keywords.memberName(next);
    if (next == DelugeLexer.RBRACKET || word && after == DelugeLexer.COLON && next != DelugeLexer.FILE) {
      in.p++;
      return false;
    }
    if (word && (after == DelugeLexer.MINUS || Keywords.memberName(after))) {
      throw DirectExprs.GIVE_UP; // a value then a key, or a key of several words: ANTLR chooses
    }
    in.p++;
    return true;
  }
}
