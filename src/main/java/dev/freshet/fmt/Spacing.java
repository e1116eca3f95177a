package dev.freshet.fmt;

import static dev.freshet.fmt.Layout.ANY;
import static dev.freshet.fmt.Layout.NONE;
import static dev.freshet.fmt.Layout.ONE;
import static dev.freshet.fmt.Layout.TWO;

import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The spaces around a token, as Zoho's editor writes them: binary and assignment operators spaced ({@code a + b},
 * {@code x = 1}); nothing around '.', ',' and ':' ({@code f(a,b)}, {@code {"k":v}}) except between a function's
 * parameters ({@code (string a, int b)}); {@code if(} and {@code catch (e)}; {@code for each  x in list} with
 * Zoho's two spaces; {@code url :} and {@code type :} in invokeurl ({@code service :}, {@code path :} in invokeapi), {@code key :} in sendmail.
 */
final class Spacing {
  private Spacing() {}

  /** invokeurl and invokeapi keys Zoho's editor writes with a space before the colon. */
  private static final Set<String> SPACED_KEYS = Set.of("url", "type", "service", "path");

  static int before(Token t, ParseTree parent) {
    if (binary(t, parent)) {
      return ONE;
    }
    switch (t.getType()) {
      case DelugeLexer.RPAREN, DelugeLexer.RBRACKET, DelugeLexer.RBRACE, DelugeLexer.COMMA, DelugeLexer.SEMI,
          DelugeLexer.DOT:
        return NONE;
      case DelugeLexer.COLON:
        return parent instanceof DelugeParser.TaskParamContext param && spacedKey(param) ? ONE : NONE;
      case DelugeLexer.LPAREN:
        return parent instanceof DelugeParser.TryStatementContext ? ONE
            : parent instanceof DelugeParser.ParenExprContext ? ANY : NONE;
      case DelugeLexer.LBRACKET:
        return parent instanceof DelugeParser.BracketListLiteralContext ? ANY : NONE;
      case DelugeLexer.MINUS:
        return parent instanceof DelugeParser.TaskKeyContext ? NONE : ANY;
      default:
        return ANY;
    }
  }

  static int after(Token t, ParseTree parent) {
    if (binary(t, parent)) {
      return ONE;
    }
    if (parent instanceof DelugeParser.UnaryExprContext || parent instanceof DelugeParser.CondUnaryContext) {
      return NONE;
    }
    switch (t.getType()) {
      case DelugeLexer.LPAREN, DelugeLexer.LBRACKET, DelugeLexer.LBRACE, DelugeLexer.DOT, DelugeLexer.COLON:
        return NONE;
      case DelugeLexer.COMMA:
        return parent instanceof DelugeParser.FunctionDefContext ? ONE : NONE;
      case DelugeLexer.MINUS:
        return parent instanceof DelugeParser.TaskKeyContext ? NONE : ANY;
      case DelugeLexer.EACH:
        return parent instanceof DelugeParser.ForEachStatementContext ? TWO : ANY;
      default:
        return ANY;
    }
  }

  /** An operator between two operands, or an assignment's '='. */
  private static boolean binary(Token t, ParseTree parent) {
    return parent instanceof DelugeParser.MultiplicativeExprContext
        || parent instanceof DelugeParser.AdditiveExprContext
        || parent instanceof DelugeParser.RelationalExprContext
        || parent instanceof DelugeParser.EqualityExprContext
        || parent instanceof DelugeParser.AndExprContext
        || parent instanceof DelugeParser.OrExprContext
        || parent instanceof DelugeParser.CondBinaryContext
        || parent instanceof DelugeParser.AssignOpContext
        || (parent instanceof DelugeParser.FieldValueContext && t.getType() == DelugeLexer.ASSIGN);
  }

  private static boolean spacedKey(DelugeParser.TaskParamContext param) {
    if (param.getParent() instanceof DelugeParser.SendmailStatementContext) {
      return true;
    }
    return param.getParent() instanceof DelugeParser.InvokeUrlValueContext
        || param.getParent() instanceof DelugeParser.InvokeUrlExprContext
        || param.getParent() instanceof DelugeParser.InvokeApiExprContext
        ? SPACED_KEYS.contains(param.taskKey().getText().toLowerCase(Locale.ROOT)) : false;
  }
}
