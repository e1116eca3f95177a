package dev.freshet.lsp;

import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.gen.DelugeLexer;

/**
 * Where a word stands inside a task block ({@code invokeurl [ … ]}, {@code sendmail [ … ]}, {@code invokeapi [ … ]}):
 * the task, and the key whose value is being written, or null where a key goes (right after {@code [} or at the start
 * of a line of the block).
 */
record TaskSlot(String task, String valueOf) {
  /** The slot of the word starting at {@code wordStart}, or null outside a task block. */
  static TaskSlot at(Tokens tokens, Lines lines, int wordStart) {
    int depth = 0;
    String task = null;
    for (int i = tokens.before(wordStart); i >= 0 && task == null; i--) {
      Tok t = tokens.get(i);
      if (t.is(DelugeLexer.RBRACKET) || t.is(DelugeLexer.RPAREN) || t.is(DelugeLexer.RBRACE)) {
        depth++;
      } else if (t.is(DelugeLexer.LBRACKET) || t.is(DelugeLexer.LPAREN) || t.is(DelugeLexer.LBRACE)) {
        if (depth-- > 0) {
          continue;
        }
        Tok keyword = tokens.get(i - 1);
        if (!t.is(DelugeLexer.LBRACKET) || keyword == null || !(keyword.is(DelugeLexer.INVOKEURL)
            || keyword.is(DelugeLexer.SENDMAIL) || keyword.is(DelugeLexer.INVOKEAPI))) {
          return null;
        }
        task = keyword.text();
      } else if (depth == 0 && t.is(DelugeLexer.SEMI)) {
        return null;
      }
    }
    if (task == null) {
      return null;
    }
    int prevIndex = tokens.before(wordStart);
    Tok prev = tokens.get(prevIndex);
    boolean newLine = lines.position(prev.end()).getLine() < lines.position(wordStart).getLine();
    if (prev.is(DelugeLexer.LBRACKET) || (newLine && !prev.is(DelugeLexer.COLON))) {
      return new TaskSlot(task, null);
    }
    Tok key = tokens.get(prevIndex - 1);
    return new TaskSlot(task, prev.is(DelugeLexer.COLON) && key != null ? key.text() : "");
  }

  boolean key() {
    return valueOf == null;
  }
}
