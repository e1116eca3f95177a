package dev.freshet.lsp;

import dev.freshet.parse.gen.DelugeLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * A document's significant tokens (no whitespace or comments). Lexing never fails, so every feature that works from
 * tokens (completion, navigation, symbols) keeps working while the text does not parse, as it mostly does not while
 * someone is typing.
 */
final class Tokens {
  /** One token: its lexer type, text and character range. */
  record Tok(int type, String text, int start, int end) {
    boolean isName() {
      return NAMES.contains(type);
    }

    boolean is(int t) {
      return type == t;
    }
  }

  /** Identifiers and the soft keywords, which may name variables and methods too. */
  private static final Set<Integer> NAMES = Set.of(DelugeLexer.IDENTIFIER, DelugeLexer.INDEX, DelugeLexer.INSERT,
      DelugeLexer.INTO, DelugeLexer.DELETE, DelugeLexer.FROM, DelugeLexer.CANCEL, DelugeLexer.SUBMIT,
      DelugeLexer.ALERT, DelugeLexer.LIST, DelugeLexer.HIDE, DelugeLexer.SHOW, DelugeLexer.ENABLE,
      DelugeLexer.DISABLE, DelugeLexer.CLEAR, DelugeLexer.FILE, DelugeLexer.INVOKEAPI);

  final String text;
  final List<Tok> list;

  Tokens(String text) {
    this.text = text;
    DelugeLexer lexer = new DelugeLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Tok> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        out.add(new Tok(t.getType(), t.getText(), t.getStartIndex(), t.getStopIndex() + 1));
      }
    }
    list = List.copyOf(out);
  }

  int size() {
    return list.size();
  }

  Tok get(int i) {
    return i >= 0 && i < list.size() ? list.get(i) : null;
  }

  /** Index of the last token that starts before {@code offset}, or -1. */
  int before(int offset) {
    int lo = 0;
    int hi = list.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).start() < offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The token covering {@code offset} (a cursor just after a name still touches it), or null. */
  Tok at(int offset) {
    int i = before(offset + 1);
    Tok t = get(i);
    if (t != null && offset >= t.start() && offset < t.end()) {
      return t;
    }
    Tok left = get(before(offset));
    return left != null && left.end() == offset && left.isName() ? left : null;
  }

  /** The first token that starts at or after {@code offset}, or null. */
  Tok from(int offset) {
    return get(before(offset) + 1);
  }

  /** Whether the cursor stands in a comment: the gap since the last token holds an open comment. */
  boolean inComment(int offset) {
    Tok last = get(before(offset));
    if (last != null && last.is(DelugeLexer.UNTERMINATED_COMMENT)) {
      return true;
    }
    if (last != null && offset < last.end()) {
      return false;
    }
    String gap = text.substring(last == null ? 0 : last.end(), Math.min(offset, text.length()));
    int block = gap.lastIndexOf("/*");
    if (block >= 0 && gap.indexOf("*/", block + 2) < 0) {
      return true;
    }
    int lineStart = gap.lastIndexOf('\n') + 1;
    return gap.indexOf("//", lineStart) >= 0;
  }

  /** Whether the cursor stands inside a text or quoted literal (after its opening quote). */
  boolean inText(int offset) {
    Tok t = get(before(offset));
    if (t == null || offset <= t.start()) {
      return false;
    }
    boolean literal = t.is(DelugeLexer.TEXT_LITERAL) || t.is(DelugeLexer.QUOTED_LITERAL);
    boolean open = t.is(DelugeLexer.UNTERMINATED_TEXT) || t.is(DelugeLexer.UNTERMINATED_QUOTED);
    return open || (literal && offset < t.end());
  }
}
