package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.TaskParam;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creator's form forms for {@link DirectParser} ({@code alert "…";}, {@code hide Field;}, {@code delete from F[…];},
 * {@code cancel submit;}, {@code insert into F [ … ]}, {@code input.Field:ui.add(…);}), built as StmtBuilder and
 * ExprBuilder build them. Where the words could also be an expression statement ({@code alert (x);},
 * {@code alert -x;}) ANTLR chooses.
 */
final class DirectCreator {
  private DirectCreator() {}

  /**
   * The statement a Creator keyword starts; null when the keyword is a name here ({@code delete = 1;},
   * {@code clear(m);}, {@code show.x}), which an expression statement parses.
   */
  static Stmt statement(DirectExprs in) {
    int first = in.p;
    int keyword = in.type(0);
    int next = in.type(1);
    if (Operators.assign(next) != null || next == DelugeLexer.DOT
        || next == DelugeLexer.LPAREN && keyword != DelugeLexer.ALERT) {
      return null;
    }
    in.p++;
    switch (keyword) {
      case DelugeLexer.DELETE -> {
        in.expect(DelugeLexer.FROM);
        int form = formName(in);
        in.expect(DelugeLexer.LBRACKET);
        Expr criteria = in.expression();
        in.expect(DelugeLexer.RBRACKET);
        in.expect(DelugeLexer.SEMI);
        Expr fetch = new Expr.FormFetch(in.t.text(form), criteria, in.t.span(form));
        return new Stmt.CreatorOnly("delete from", List.of(fetch), in.t.span(first, in.p - 1));
      }
      case DelugeLexer.CANCEL -> {
        in.expect(DelugeLexer.SUBMIT);
        in.expect(DelugeLexer.SEMI);
        return new Stmt.CreatorOnly("cancel submit", List.of(), in.t.span(first, in.p - 1));
      }
      case DelugeLexer.ALERT -> {
        if (!alertValue(next)) {
          throw DirectExprs.GIVE_UP;
        }
        Expr shown = in.expression();
        in.expect(DelugeLexer.SEMI);
        return new Stmt.CreatorOnly("alert", List.of(shown), in.t.span(first, in.p - 1));
      }
      default -> { // hide, show, enable, disable, clear: Field(.member)*;
        formName(in);
        while (in.accept(DelugeLexer.DOT)) {
          if (!Keywords.memberName(in.type(0))) {
            throw DirectExprs.GIVE_UP;
          }
          in.p++;
        }
        in.expect(DelugeLexer.SEMI);
        String action = in.t.text(first).toLowerCase(Locale.ROOT);
        return new Stmt.CreatorOnly(action, List.of(), in.t.span(first, in.p - 1));
      }
    }
  }

  /** Whether {@code alert} then this token can only be the alert statement (not {@code alert (x)}, {@code alert -x}). */
  private static boolean alertValue(int next) {
    return switch (next) {
      case DelugeLexer.TEXT_LITERAL, DelugeLexer.QUOTED_LITERAL, DelugeLexer.NUMBER_LITERAL,
          DelugeLexer.DECIMAL_LITERAL, DelugeLexer.TRUE, DelugeLexer.FALSE, DelugeLexer.NULL, DelugeLexer.LBRACE,
          DelugeLexer.NOT -> true;
      default -> Keywords.identifier(next);
    };
  }

  /** An identifier's token index. */
  private static int formName(DirectExprs in) {
    if (!Keywords.identifier(in.type(0))) {
      throw DirectExprs.GIVE_UP;
    }
    return in.p++;
  }

  /** {@code insert into Form [ field = value ,? … ]} at the INSERT token; each field spans to its ',' if any. */
  static Expr insert(DirectExprs in) {
    int first = in.p;
    in.p += 2;
    int form = formName(in);
    in.expect(DelugeLexer.LBRACKET);
    List<TaskParam> fields = new ArrayList<>();
    while (!in.accept(DelugeLexer.RBRACKET)) {
      int field = formName(in);
      in.expect(DelugeLexer.ASSIGN);
      Expr value = in.expression();
      in.accept(DelugeLexer.COMMA);
      fields.add(new TaskParam(in.t.text(field), value, in.t.span(field, in.p - 1)));
    }
    return new Expr.FormInsert(in.t.text(form), fields, in.t.span(first, in.p - 1));
  }

  /**
   * {@code target:list.add(…);} after its target, at the ':': the picklist task of a Creator form script. Like
   * StmtBuilder it keeps only the arguments: the target is not built there, so its warnings are dropped here
   * (from {@code mark} on).
   */
  static Stmt uiTask(DirectExprs in, int first, int mark) {
    in.p++;
    int list = formName(in);
    in.expect(DelugeLexer.DOT);
    if (!Keywords.memberName(in.type(0))) {
      throw DirectExprs.GIVE_UP;
    }
    String task = ":" + in.t.text(list) + "." + in.t.text(in.p++);
    in.warnings.subList(mark, in.warnings.size()).clear();
    List<Expr> args = in.arguments("ui task");
    in.expect(DelugeLexer.SEMI);
    Span span = in.t.span(first, in.p - 1);
    return new Stmt.CreatorOnly(task, args, span);
  }
}
