package dev.freshet.fmt;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The comments and line breaks between tokens. The lexer skips them, so they are read back from the gaps between
 * consecutive tokens, which hold nothing but whitespace, a byte-order mark and comments.
 */
final class Trivia {
  /** A comment in a gap: its text, whether it continues the line of what precedes it, and the breaks around it. */
  record Comment(String text, boolean block, boolean sameLine, int newlinesBefore, boolean newlineAfter) {}

  /** Per token index: the comments before it, and the line breaks between the last of them (or the token before) and it. */
  private final List<List<Comment>> comments = new ArrayList<>();
  private final List<Integer> newlines = new ArrayList<>();

  /** Token offsets count code points (ANTLR's char streams do), so the text is scanned as code points too. */
  Trivia(String source, List<? extends Token> tokens) {
    int[] text = source.codePoints().toArray();
    int from = 0;
    for (Token t : tokens) {
      int to = t.getType() == Token.EOF ? text.length : t.getStartIndex();
      scan(text, from, to, from > 0);
      from = t.getType() == Token.EOF ? to : t.getStopIndex() + 1;
    }
  }

  private void scan(int[] text, int from, int to, boolean afterToken) {
    List<Comment> found = new ArrayList<>();
    int breaks = 0;
    int i = from;
    while (i < to) {
      int c = text[i];
      if (c == '/' && i + 1 < to && (text[i + 1] == '/' || text[i + 1] == '*')) {
        boolean block = text[i + 1] == '*';
        int end = block ? blockEnd(text, i + 2, to) : lineEnd(text, i, to);
        String body = new String(text, i, end - i);
        found.add(new Comment(block ? body : body.stripTrailing(), block,
            breaks == 0 && (afterToken || !found.isEmpty()), breaks, false));
        breaks = 0;
        i = end;
      } else {
        if (c == '\n') {
          breaks++;
          if (!found.isEmpty() && breaks == 1) {
            Comment last = found.remove(found.size() - 1);
            found.add(new Comment(last.text(), last.block(), last.sameLine(), last.newlinesBefore(), true));
          }
        }
        i++;
      }
    }
    comments.add(found);
    newlines.add(breaks);
  }

  private static int lineEnd(int[] text, int from, int to) {
    int i = from;
    while (i < to && text[i] != '\n' && text[i] != '\r') {
      i++;
    }
    return i;
  }

  /** Just past the '*' '/' that closes a block comment (the parse guarantees one before {@code to}). */
  private static int blockEnd(int[] text, int from, int to) {
    int i = from;
    while (i + 1 < to && !(text[i] == '*' && text[i + 1] == '/')) {
      i++;
    }
    return Math.min(i + 2, to);
  }

  List<Comment> before(Token t) {
    return comments.get(t.getTokenIndex());
  }

  /** Line breaks right before the token (after its last comment, if any). */
  int newlinesBefore(Token t) {
    return newlines.get(t.getTokenIndex());
  }

  /** Line breaks before the first thing in the token's gap: its first comment, or the token itself. */
  int breaksBeforeFirst(Token t) {
    List<Comment> list = before(t);
    return list.isEmpty() ? newlinesBefore(t) : list.get(0).newlinesBefore();
  }
}
