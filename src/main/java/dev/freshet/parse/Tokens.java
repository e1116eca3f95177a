package dev.freshet.parse;

import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Span;

/**
 * A hand-written lexer for {@link DirectParser}: the tokens ANTLR's {@code DelugeLexer} makes of the same text (same
 * types, offsets, lines and columns; whitespace, comments and byte-order marks skipped), without loading ANTLR. It
 * gives up ({@link #lex} returns null) on anything whose tokens are not beyond doubt: an unterminated text or comment,
 * a character no token takes, a lone surrogate. Spans count code points, as ANTLR's do.
 * The token types are DelugeLexer's constants, which javac copies in, so that class is never loaded here.
 */
final class Tokens {
  static final int EOF = -1;

  final String text;
  int count;
  int[] type;
  int[] start;
  /** One past the last character. */
  int[] end;
  int[] line;
  /** 0-based, as ANTLR's charPositionInLine. */
  int[] column;

  private Tokens(String text) {
    this.text = text;
    int capacity = Math.max(16, text.length() / 3);
    type = new int[capacity];
    start = new int[capacity];
    end = new int[capacity];
    line = new int[capacity];
    column = new int[capacity];
  }

  /**
   * When the text holds characters outside the Basic Multilingual Plane (an emoji in a text or a comment): how many
   * of them start before each char index, since ANTLR counts offsets and columns in code points; else null.
   */
  private int[] pairsBefore;

  String text(int i) {
    return text.substring(start[i], end[i]);
  }

  /** The span of one token. */
  Span span(int i) {
    return span(i, i);
  }

  /** From the start of token {@code a} to the end of token {@code b}, as {@code Spans.between}. */
  Span span(int a, int b) {
    int from = start[a];
    int to = Math.max(end[b], from);
    if (pairsBefore == null) {
      return new Span(line[a], column[a] + 1, from, to);
    }
    int lineStart = from - column[a];
    int col = column[a] - (pairsBefore[from] - pairsBefore[lineStart]);
    return new Span(line[a], col + 1, from - pairsBefore[from], to - pairsBefore[to]);
  }

  /** The tokens of {@code text}, ending with one {@link #EOF}; null when the hand-written lexer cannot be sure. */
  static Tokens lex(String text) {
    Tokens t = new Tokens(text);
    int n = text.length();
    int i = 0;
    int line = 1;
    int lineStart = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        i++;
        line++;
        lineStart = i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
        i++;
        continue;
      }
      int from = i;
      int kind;
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        continue;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          return null;
        }
        for (i += 2; i < close + 2; i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        continue;
      } else if (letter(c)) {
        while (i < n && (letter(text.charAt(i)) || digit(text.charAt(i)))) {
          i++;
        }
        kind = Keywords.type(text, from, i);
      } else if (digit(c) || c == '.' && i + 1 < n && digit(text.charAt(i + 1))) {
        while (i < n && digit(text.charAt(i))) {
          i++;
        }
        kind = DelugeLexer.NUMBER_LITERAL;
        if (i + 1 < n && text.charAt(i) == '.' && digit(text.charAt(i + 1))) {
          for (i++; i < n && digit(text.charAt(i)); ) {
            i++;
          }
          kind = DelugeLexer.DECIMAL_LITERAL;
        }
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && text.charAt(i) != c) {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= n) {
          return null; // unterminated (or a backslash at the very end): the parser's error path names it
        }
        i++;
        kind = c == '"' ? DelugeLexer.TEXT_LITERAL : DelugeLexer.QUOTED_LITERAL;
      } else {
        kind = Keywords.operator(text, i);
        if (kind == 0) {
          return null;
        }
        i += kind < 0 ? 2 : 1;
        kind = Math.abs(kind);
      }
      t.add(kind, from, i, line, from - lineStart);
      // a text literal may hold line breaks: later tokens count them
      if (kind == DelugeLexer.TEXT_LITERAL || kind == DelugeLexer.QUOTED_LITERAL) {
        for (int k = from; k < i; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
      }
    }
    if (!t.countPairs()) {
      return null;
    }
    t.add(EOF, n, n, line, n - lineStart);
    return t;
  }

  /** Fills {@link #pairsBefore} when the text has surrogate pairs; false for a lone surrogate (left to ANTLR). */
  private boolean countPairs() {
    int n = text.length();
    int k = 0;
    while (k < n && !Character.isSurrogate(text.charAt(k))) {
      k++;
    }
    if (k == n) {
      return true;
    }
    pairsBefore = new int[n + 1];
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      pairsBefore[i] = pairs;
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        pairsBefore[++i] = pairs;
        pairs++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    pairsBefore[n] = pairs;
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private void add(int kind, int from, int to, int atLine, int atColumn) {
    if (count == type.length) {
      int size = count * 2;
      type = java.util.Arrays.copyOf(type, size);
      start = java.util.Arrays.copyOf(start, size);
      end = java.util.Arrays.copyOf(end, size);
      line = java.util.Arrays.copyOf(line, size);
      column = java.util.Arrays.copyOf(column, size);
    }
    type[count] = kind;
    start[count] = from;
    end[count] = to;
    line[count] = atLine;
    column[count] = atColumn;
    count++;
  }
}
