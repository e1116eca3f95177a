package dev.freshet.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline an editor shows: each user function with its parameters and variables, then top-level variables. */
final class Symbols {
  private Symbols() {}

  static List<DocumentSymbol> of(Documents.Doc doc) {
    Outline outline = doc.outline();
    Lines lines = doc.lines();
    List<DocumentSymbol> out = new ArrayList<>();
    for (Outline.Function f : outline.functions) {
      DocumentSymbol symbol = new DocumentSymbol(f.qualifiedName(), SymbolKind.Function,
          lines.range(f.start(), f.end()), lines.range(f.name().start(), f.name().end()), f.header());
      symbol.setChildren(variables(outline, f, lines));
      out.add(symbol);
    }
    out.addAll(variables(outline, null, lines));
    out.sort((a, b) -> Integer.compare(a.getRange().getStart().getLine(), b.getRange().getStart().getLine()));
    return out;
  }

  private static List<DocumentSymbol> variables(Outline outline, Outline.Function frame, Lines lines) {
    Map<String, Outline.Occurrence> first = new LinkedHashMap<>();
    for (Outline.Occurrence o : outline.variables) {
      if (o.frame() == frame && o.definition()) {
        first.putIfAbsent(o.name(), o);
      }
    }
    List<DocumentSymbol> out = new ArrayList<>();
    for (Outline.Occurrence o : first.values()) {
      var range = lines.range(o.tok().start(), o.tok().end());
      out.add(new DocumentSymbol(o.name(), SymbolKind.Variable, range, range));
    }
    return out;
  }
}
