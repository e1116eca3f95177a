package dev.freshet.lsp;

import dev.freshet.lsp.Tokens.Tok;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * Go to definition and find references, for user functions (their header and every call, by name without case) and
 * variables (their first assignment, a loop variable, a caught error or a parameter, and every use in the same
 * function or top level: Deluge has no block scope).
 */
final class Navigation {
  private Navigation() {}

  static List<Location> definition(Documents.Doc doc, Position position) {
    int offset = doc.lines().offset(position);
    Outline outline = doc.outline();
    Outline.Occurrence v = outline.variableAt(offset);
    if (v != null) {
      return outline.occurrences(v.name(), v.frame()).stream().filter(Outline.Occurrence::definition).limit(1)
          .map(o -> location(doc, o.tok())).toList();
    }
    Outline.Function f = outline.functionAt(offset);
    return f == null ? List.of() : List.of(location(doc, f.name()));
  }

  static List<Location> references(Documents.Doc doc, Position position, boolean withDeclaration) {
    int offset = doc.lines().offset(position);
    Outline outline = doc.outline();
    List<Location> out = new ArrayList<>();
    Outline.Occurrence v = outline.variableAt(offset);
    if (v != null) {
      boolean first = true;
      for (Outline.Occurrence o : outline.occurrences(v.name(), v.frame())) {
        if (withDeclaration || !(first && o.definition())) {
          out.add(location(doc, o.tok()));
        }
        first = false;
      }
      return out;
    }
    Outline.Function f = outline.functionAt(offset);
    if (f != null) {
      if (withDeclaration) {
        out.add(location(doc, f.name()));
      }
      outline.callsOf(f).forEach(t -> out.add(location(doc, t)));
    }
    return out;
  }

  private static Location location(Documents.Doc doc, Tok tok) {
    return new Location(doc.uri, doc.lines().range(tok.start(), tok.end()));
  }
}
