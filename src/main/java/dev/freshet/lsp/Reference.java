package dev.freshet.lsp;

import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.gen.DelugeLexer;
import java.util.Locale;

/**
 * A name as written at one place: {@code subString}, {@code text.subString} (a method: {@code method} is true) or
 * {@code zoho.crm.getRecordById} (a dotted name rooted at {@code zoho}, {@code thisapp} or {@code standalone}), and
 * whether a {@code (} follows it.
 */
record Reference(String name, boolean method, boolean call, int start, int end) {
  /** The reference whose last part is token {@code i}, or null when that token is no name. */
  static Reference at(Tokens tokens, int i) {
    Tok t = tokens.get(i);
    if (t == null || !t.isName()) {
      return null;
    }
    int first = i;
    while (tokens.get(first - 1) != null && tokens.get(first - 1).is(DelugeLexer.DOT) && tokens.get(first - 2) != null
        && tokens.get(first - 2).isName()) {
      first -= 2;
    }
    Tok next = tokens.get(i + 1);
    boolean call = next != null && next.is(DelugeLexer.LPAREN);
    boolean dotted = first < i;
    String root = tokens.get(first).text().toLowerCase(Locale.ROOT);
    if (dotted && (root.equals("zoho") || root.equals("thisapp") || root.equals("standalone"))) {
      String name = tokens.text.substring(tokens.get(first).start(), t.end()).replaceAll("\\s", "");
      return new Reference(name, false, call, tokens.get(first).start(), t.end());
    }
    boolean afterDot = tokens.get(i - 1) != null && tokens.get(i - 1).is(DelugeLexer.DOT);
    return new Reference(t.text(), afterDot, call, t.start(), t.end());
  }

  /** The user function's name for {@code thisapp.fn} and {@code standalone.fn}; the name itself otherwise. */
  String functionName() {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("thisapp.") || lower.startsWith("standalone.") ? name.substring(name.indexOf('.') + 1)
        : name;
  }
}
