package dev.freshet.fmt;

import org.antlr.v4.runtime.Token;

/**
 * Writes tokens out line by line: tabs for indentation, the spacing each token asks for, and every comment of the
 * source at its place (a comment ending a line stays at the end of that line; one on its own line stays on its own).
 */
final class Layout {
  /** Spacing wishes of a token, before or after it; NONE wins, else the widest. */
  static final int NONE = -1;
  static final int ANY = 0;
  static final int ONE = 1;
  static final int TWO = 2;

  private final StringBuilder out = new StringBuilder();
  private final String newline;
  private final Trivia trivia;
  /** Tokens below this index have had the comments before them written. */
  private int commentsDone;
  /** Nothing is on the current line yet. */
  private boolean lineStart = true;
  /** The indentation of the current line, or of the next one when {@link #lineStart}. */
  private int indent;
  /** The indentation the current construct's line started at; its continuation lines go one deeper. */
  private int level;
  /** The spacing the last thing written asks for after it. */
  private int after = NONE;
  /** The last line opened a block or a task's '[' (or nothing is written yet): no blank line may follow. */
  private boolean opened = true;

  Layout(Trivia trivia, String newline) {
    this.trivia = trivia;
    this.newline = newline;
  }

  /**
   * Starts a line for {@code t} at {@code level}: comments before it each go on their own line (or stay at the end
   * of the previous one), and one blank line of the source before it is kept when {@code blankOk}.
   */
  void line(Token t, int level, boolean blankOk) {
    line(t, level, level, blankOk);
  }

  /** As {@link #line(Token, int, boolean)}, with the comments before it at {@code commentLevel} (those before a '}'). */
  void line(Token t, int commentLevel, int level, boolean blankOk) {
    comments(t, commentLevel, true);
    if (!lineStart) {
      breakLine();
    }
    if (blankOk && !opened && trivia.newlinesBefore(t) >= 2) {
      out.append(newline);
    }
    indent = level;
    this.level = level;
  }

  /** Writes a token; comments before it that the caller has not placed are kept inline or on continuation lines. */
  void token(Token t, int before, int afterWish) {
    comments(t, level + 1, false);
    if (lineStart) {
      out.append("\t".repeat(indent));
    } else {
      int space = before == NONE || after == NONE ? 0 : Math.max(ONE, Math.max(before, after));
      out.append(" ".repeat(space));
    }
    out.append(t.getText());
    lineStart = false;
    opened = false;
    after = afterWish;
  }

  /** After a '{' or '[' that opens lines of its own: the next line gets no blank line before it. */
  void opened() {
    opened = true;
  }

  /** Writes the comments before the end of input and ends the last line. */
  String finish(Token eof) {
    comments(eof, 0, true);
    if (!lineStart) {
      breakLine();
    }
    return out.toString();
  }

  private void comments(Token t, int at, boolean ownLines) {
    if (t.getTokenIndex() < commentsDone) {
      return;
    }
    commentsDone = t.getTokenIndex() + 1;
    for (Trivia.Comment c : trivia.before(t)) {
      if (c.sameLine() && !lineStart) {
        out.append(c.block() && opensGroup() ? "" : " ").append(c.text());
      } else {
        if (!lineStart) {
          breakLine();
        }
        if (c.newlinesBefore() >= 2 && !opened) {
          out.append(newline);
        }
        indent = at;
        out.append("\t".repeat(at)).append(c.text());
      }
      lineStart = false;
      opened = false;
      after = ANY;
      if (!c.block() || (ownLines && !c.sameLine()) || c.newlineAfter()) {
        breakLine();
      }
    }
    if (lineStart && !ownLines) {
      indent = at;
    }
  }

  /** The line so far ends in '(', '[' or '{': a block comment right after it follows without a space. */
  private boolean opensGroup() {
    char last = out.charAt(out.length() - 1);
    return last == '(' || last == '[' || last == '{';
  }

  private void breakLine() {
    out.append(newline);
    lineStart = true;
  }
}
