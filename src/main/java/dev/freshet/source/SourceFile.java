package dev.freshet.source;

import java.util.Arrays;

/** A script's name and text, with an index of line starts for rendering diagnostics. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = name;
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    // a lone CR (old Mac line ending) becomes LF, so the lexer and this index count the same lines
    this.text = t.indexOf('\r') < 0 ? t : t.replaceAll("\r(?!\n)", "\n");
    int[] starts = new int[16];
    int lines = 1;
    for (int i = 0; i < this.text.length(); i++) {
      char c = this.text.charAt(i);
      if (c == '\n') { // as the lexer counts lines; a CR before it is part of the line ending
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
    lineStarts = Arrays.copyOf(starts, lines);
  }

  public String name() {
    return name;
  }

  /** The text without a leading byte-order mark, so columns are those an editor shows. */
  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line without its line terminator ("" when out of range). */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }
}
