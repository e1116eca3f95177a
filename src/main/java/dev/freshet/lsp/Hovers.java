package dev.freshet.lsp;

import dev.freshet.builtins.BuiltinDocs;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * What a word under the cursor is: a keyword's form, a built-in's page from the registry (as
 * {@code freshet builtins NAME} shows it), a user function's header, or where a variable is first assigned.
 */
final class Hovers {
  private final Builtins builtins;

  Hovers(Builtins builtins) {
    this.builtins = builtins;
  }

  Hover hover(Documents.Doc doc, Position position) {
    Lines lines = doc.lines();
    int offset = lines.offset(position);
    Tokens tokens = doc.tokens();
    Tokens.Tok tok = tokens.at(offset);
    int index = tok == null ? -1 : tokens.before(tok.start() + 1);
    String keyword = Keywords.hover(tokens, index);
    if (keyword != null) {
      return new Hover(new MarkupContent(MarkupKind.MARKDOWN, keyword), lines.range(tok.start(), tok.end()));
    }
    Reference ref = tok == null ? null : Reference.at(tokens, index);
    if (ref == null) {
      return null;
    }
    Outline outline = doc.outline();
    String text = null;
    Outline.Occurrence variable = ref.method() || ref.call() ? null : outline.variableAt(offset);
    Outline.Function function = ref.method() ? null : outline.function(ref.functionName());
    if (variable != null) {
      Outline.Occurrence first = outline.occurrences(variable.name(), variable.frame()).stream()
          .filter(Outline.Occurrence::definition).findFirst().orElse(variable);
      text = "```deluge\n" + variable.name() + "\n```\nvariable" + (variable.frame() == null ? ""
          : " of " + variable.frame().name().text() + "()") + ", first assigned on line "
          + (lines.position(first.tok().start()).getLine() + 1);
    } else if (function != null && (ref.call() || function.name().equals(tok))) {
      text = "```deluge\n" + function.header() + "\n```\nuser function, line "
          + (lines.position(function.start()).getLine() + 1);
    } else {
      String page = BuiltinDocs.page(builtins.registry, ref.name());
      if (page != null) {
        text = "```text\n" + page.strip() + "\n```";
      }
    }
    return text == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, text),
        lines.range(ref.start(), ref.end()));
  }
}
