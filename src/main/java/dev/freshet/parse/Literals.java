package dev.freshet.parse;

/** Decoding of text literals (DECISIONS §2). */
final class Literals {
  private Literals() {}

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
