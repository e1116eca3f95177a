package dev.freshet.fmt;

import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Walks the parse tree and hands every token to the {@link Layout} in Zoho's editor layout: one statement per line,
 * braces and task brackets on their own lines, every block (a function's body too, as Creator's editor shows it)
 * one tab deeper. Tokens are written exactly as spelt in the source.
 */
final class Printer {
  private final Layout out;
  /** The indentation of the statement (or task parameter) being written. */
  private int level;

  Printer(Layout out) {
    this.out = out;
  }

  String script(DelugeParser.ScriptContext script) {
    for (ParseTree child : script.children) {
      if (child instanceof ParserRuleContext item) {
        item(item, 0);
      }
    }
    return out.finish(script.EOF().getSymbol());
  }

  /** A statement, function or task parameter: on a line of its own at {@code at}. */
  private void item(ParserRuleContext item, int at) {
    int outer = level;
    level = at;
    out.line(item.getStart(), at, true);
    children(item);
    level = outer;
  }

  private void node(ParseTree node) {
    if (node instanceof TerminalNode terminal) {
      terminal(terminal);
    } else if (node instanceof DelugeParser.BlockContext block) {
      block(block, level + 1);
    } else if (node instanceof DelugeParser.TaskParamContext || node instanceof DelugeParser.FieldValueContext) {
      item((ParserRuleContext) node, level + 1);
    } else {
      children((ParserRuleContext) node);
    }
  }

  private void children(ParserRuleContext ctx) {
    if (ctx.children != null) {
      for (ParseTree child : ctx.children) {
        node(child);
      }
    }
  }

  private void block(DelugeParser.BlockContext block, int inner) {
    out.line(block.LBRACE().getSymbol(), level, false);
    out.token(block.LBRACE().getSymbol(), Layout.ANY, Layout.ANY);
    out.opened();
    for (DelugeParser.StatementContext statement : block.statement()) {
      item(statement, inner);
    }
    out.line(block.RBRACE().getSymbol(), inner, level, false);
    out.token(block.RBRACE().getSymbol(), Layout.ANY, Layout.ANY);
  }

  private void terminal(TerminalNode node) {
    Token t = node.getSymbol();
    ParseTree parent = node.getParent();
    int type = t.getType();
    if (taskBracket(parent) && (type == DelugeLexer.LBRACKET || type == DelugeLexer.RBRACKET)) {
      if (type == DelugeLexer.LBRACKET) {
        out.line(t, level, false);
        out.token(t, Layout.ANY, Layout.NONE);
        out.opened();
      } else {
        out.line(t, level + 1, level, false);
        out.token(t, Layout.ANY, Layout.ANY);
      }
      return;
    }
    if (type == DelugeLexer.ELSE || type == DelugeLexer.CATCH) {
      out.line(t, level, false);
    }
    out.token(t, Spacing.before(t, parent), Spacing.after(t, parent));
  }

  /** The '[ … ]' of a task (invokeurl, sendmail, insert into, …) whose parameters go one per line. */
  private static boolean taskBracket(ParseTree parent) {
    return parent instanceof DelugeParser.SendmailStatementContext
        || parent instanceof DelugeParser.NamedTaskStatementContext
        || parent instanceof DelugeParser.InvokeUrlValueContext
        || parent instanceof DelugeParser.InvokeUrlExprContext
        || parent instanceof DelugeParser.InvokeApiExprContext
        || parent instanceof DelugeParser.InsertExprContext;
  }
}
