package dev.freshet.source;

import java.util.List;

/**
 * One problem found in a script: a parse or check error before running, or a runtime error. Rendered in one place
 * ({@link #render()}) as {@code file.dg:LINE:COL: error: message}, the source line and a caret.
 */
public record Diagnostic(Kind kind, String message, SourceFile source, Span span, List<String> notes) {

  public enum Kind {
    ERROR("error"),
    WARNING("warning"),
    RUNTIME_ERROR("runtime error");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  public Diagnostic(Kind kind, String message, SourceFile source, Span span) {
    this(kind, message, source, span, List.of());
  }

  public int line() {
    return span == null ? 0 : span.line();
  }

  public int column() {
    return span == null ? 0 : span.column();
  }

  /** The header line alone: {@code file.dg:3:5: error: message}. */
  public String header() {
    String where = source == null ? "<script>" : source.name();
    if (span != null && span.line() > 0) {
      where += ":" + span.line() + ":" + span.column();
    }
    return where + ": " + kind.label + ": " + message;
  }

  /** Header, the offending source line with a caret under the column, then any notes (the call chain). */
  public String render() {
    StringBuilder out = new StringBuilder(header()).append('\n');
    if (source != null && span != null && span.line() > 0 && span.line() <= source.lineCount()) {
      String text = source.line(span.line());
      out.append(text).append('\n');
      for (int i = 0; i < span.column() - 1 && i < text.length(); i++) {
        out.append(text.charAt(i) == '\t' ? '\t' : ' ');
      }
      out.append("^\n");
    }
    for (String note : notes) {
      out.append("  ").append(note).append('\n');
    }
    return out.toString();
  }
}
