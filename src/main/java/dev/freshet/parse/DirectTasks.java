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
 * The task blocks of {@link DirectParser} ({@code invokeurl [ … ]}, {@code sendmail [ … ]}, {@code invokeapi [ … ]}),
 * built as ExprBuilder.taskParams and StmtBuilder build them. Every key problem ExprBuilder reports (unknown, given
 * twice, missing, several values where one is taken, {@code file:}) gives up; so does a ',' whose next words could
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

  /** {@code invokeapi [ service: s path: "…" ]}: a call of invokeapi with its keys as a MAP. */
  static Expr invokeApi(DirectExprs in) {
    int first = in.p++;
    List<TaskParam> params = params(in, TaskKeys.INVOKEAPI, "service");
    return invokeApi(in.t.text(first), params, in.t.span(first, in.p - 1));
  }

  /** The call an invokeapi block is, for both parsers. */
  static Expr invokeApi(String name, List<TaskParam> params, Span span) {
    List<Expr.Entry> entries = new ArrayList<>();
    for (TaskParam p : params) {
      Expr value = p.value();
      if (value instanceof Expr.Name n && (p.key().equals("service") || p.key().equals("type"))) {
        value = new Expr.Literal(Expr.LiteralKind.TEXT, n.name(), n.span()); // service: zohobilling, type: GET
      }
      entries.add(new Expr.Entry(new Expr.Literal(Expr.LiteralKind.TEXT, p.key(), p.span()), value));
    }
    return new Expr.Call(name, List.of(new Expr.MapLiteral(entries, span)), span);
  }

  /** {@code sendmail [ … ] ;?} at the SENDMAIL token. */
  static Stmt sendMail(DirectExprs in) {
    int first = in.p++;
    List<TaskParam> params = params(in, TaskKeys.SENDMAIL, "to");
    in.accept(DelugeLexer.SEMI);
    return new Stmt.SendMail(params, in.t.span(first, in.p - 1));
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
        throw DirectExprs.GIVE_UP; // attachments: file: f
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
