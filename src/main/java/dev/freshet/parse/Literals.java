package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.LiteralKind;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.source.Span;
import java.math.BigDecimal;

/** Decoding of literals (DECISIONS §2), for both parsers. */
final class Literals {
  private Literals() {}

  /** The literal a token writes, other than a NUMBER (whose error when too large each parser reports its way). */
  static Expr.Literal of(int tokenType, String text, Span span) {
    return switch (tokenType) {
      case DelugeLexer.TEXT_LITERAL -> new Expr.Literal(LiteralKind.TEXT, unquote(text), span);
      case DelugeLexer.QUOTED_LITERAL -> new Expr.Literal(LiteralKind.QUOTED, unquote(text), span);
      case DelugeLexer.DECIMAL_LITERAL -> new Expr.Literal(LiteralKind.DECIMAL, new BigDecimal(text), span);
      case DelugeLexer.TRUE -> new Expr.Literal(LiteralKind.BOOLEAN, Boolean.TRUE, span);
      case DelugeLexer.FALSE -> new Expr.Literal(LiteralKind.BOOLEAN, Boolean.FALSE, span);
      case DelugeLexer.NULL -> new Expr.Literal(LiteralKind.NULL, null, span);
      default -> throw new IllegalStateException("not a literal: token " + tokenType);
    };
  }

  /** Strips the quotes and applies escapes; an unknown escape keeps its backslash. */
  static String unquote(String token) {
    String body = token.substring(1, token.length() - 1);
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        continue;
      }
      char next = body.charAt(++i);
      switch (next) {
        case '"', '\'', '\\', '/' -> out.append(next);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 < body.length() + 0 && body.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append('\\').append(next);
          }
        }
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }
}
