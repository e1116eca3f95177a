package dev.freshet.lsp;

import dev.freshet.interp.Interpreter;
import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * A document's problems as {@code freshet check} finds them (every syntax error, or else every check error, and the
 * parser's warnings), from one parse, each with the range of the token it is about.
 */
final class Checker {
  static final String SOURCE = "freshet";
  private final Builtins builtins;

  Checker(Builtins builtins) {
    this.builtins = builtins;
  }

  /** The problems of one version of a document; its tokens are lexed only if a problem is reported at a point. */
  List<org.eclipse.lsp4j.Diagnostic> check(Documents.Doc doc) {
    SourceFile source = new SourceFile(doc.name(), doc.text);
    List<Diagnostic> found = new ArrayList<>();
    try {
      List<Diagnostic> warnings = new ArrayList<>();
      dev.freshet.ast.Script script = Parser.parseScript(source, warnings);
      found.addAll(Interpreter.compile(script, builtins.registry, List.of()).diagnostics());
      found.addAll(warnings);
    } catch (SyntaxError e) {
      found.addAll(e.diagnostics());
    }
    found.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : found) {
      org.eclipse.lsp4j.Diagnostic lsp = new org.eclipse.lsp4j.Diagnostic(range(d.span(), doc),
          message(d), d.kind() == Diagnostic.Kind.WARNING ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
          SOURCE);
      out.add(lsp);
    }
    return out;
  }

  private static String message(Diagnostic d) {
    return d.notes().isEmpty() ? d.message() : d.message() + "\n" + String.join("\n", d.notes());
  }

  /**
   * The range a span stands for: its own extent on its first line (a function defined twice is marked at its
   * header, not over its whole body), or, for a point, the token that starts there or ends there (a missing ';'
   * is reported just after the statement's last token).
   */
  static Range range(Span span, Documents.Doc doc) {
    Lines lines = doc.lines();
    if (span == null || span.line() <= 0) {
      return lines.range(0, 0);
    }
    // the parser reads the text without a byte-order mark; the editor counts it as line 1's first character
    int bom = span.line() == 1 && doc.text.startsWith("\uFEFF") ? 1 : 0;
    int start = lines.offset(span.line() - 1, span.column() - 1 + bom);
    int end = start + Math.max(0, span.end() - span.start());
    end = Math.min(end, lines.lineEnd(span.line() - 1));
    if (end > start) {
      return lines.range(start, end);
    }
    Tokens tokens = doc.tokens();
    Tok next = tokens.from(start);
    if (next != null && next.start() == start) {
      return lines.range(start, next.end());
    }
    Tok prev = tokens.get(tokens.before(start));
    if (prev != null && prev.end() == start) {
      return lines.range(prev.start(), prev.end());
    }
    return lines.range(start, Math.min(start + 1, lines.lineEnd(span.line() - 1)));
  }
}
