package dev.freshet.lsp;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets in a document's text and LSP positions (0-based line, UTF-16 character: Java's {@code char}, so a column is
 * a string index). Lines end at {@code \n}; a {@code \r} before it belongs to the line ending.
 */
final class Lines {
  private final String text;
  private final int[] starts;

  Lines(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    starts = Arrays.copyOf(s, n);
  }

  String text() {
    return text;
  }

  int lineCount() {
    return starts.length;
  }

  /** The offset of a position, clamped into the text (a client may send a column past the line's end). */
  int offset(Position p) {
    return offset(p.getLine(), p.getCharacter());
  }

  int offset(int line, int character) {
    if (line < 0) {
      return 0;
    }
    if (line >= starts.length) {
      return text.length();
    }
    int end = lineEnd(line);
    return Math.min(starts[line] + Math.max(0, character), end);
  }

  /** Where line {@code line} ends, before its line terminator. */
  int lineEnd(int line) {
    int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
    if (end > starts[line] && end - 1 < text.length() && text.charAt(end - 1) == '\r' && line + 1 < starts.length) {
      end--;
    }
    return end;
  }

  int lineStart(int line) {
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  Position position(int offset) {
    int o = Math.max(0, Math.min(offset, text.length()));
    int line = Arrays.binarySearch(starts, o);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, o - starts[line]);
  }

  Range range(int start, int end) {
    return new Range(position(start), position(Math.max(start, end)));
  }
}
