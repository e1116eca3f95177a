package dev.freshet.runtime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A lenient JSON reader producing Deluge values (DECISIONS §8): objects become MAPs in key order, arrays LISTs,
 * integer literals NUMBER (too big for 64 bits: DECIMAL), other numbers DECIMAL, {@code null} NULL. Lenient as
 * Zoho's toMap is: keys and values may be unquoted ({@code {company: Zoho}}), strings may use single quotes, and a
 * trailing comma is ignored. Linear time; nesting deeper than {@link #MAX_DEPTH} is an error, not a stack overflow.
 */
public final class Json {
  static final int MAX_DEPTH = 512;
  /** A number whose plain form would need more digits than this is refused: 1e999999999 would print a billion. */
  static final int MAX_DIGITS = 1000;

  private final String text;
  /** Where the next backslash at or after pos is (MAX_VALUE: none), so that finding it stays linear. */
  private int nextBackslash = -1;
  private int pos;
  private int depth;

  private Json(String text) {
    this.text = text;
  }

  /** Parses a whole JSON text; anything but whitespace after the value is an error. */
  public static Object parse(String text) {
    Json p = new Json(text);
    p.skipSpace();
    if (p.pos >= text.length()) {
      throw p.error("the text is empty");
    }
    Object v = p.value();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.found() + " after the end of the value");
    }
    return v;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("a value is missing at the end of the text");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
      case '\'':
        return string();
      default:
        return bare();
    }
  }

  private Object object() {
    enter();
    pos++; // {
    DelugeCollection map = DelugeCollection.newMap();
    Map<Object, Object> entries = map.map();
    skipSpace();
    while (!at('}')) {
      String key = key();
      skipSpace();
      if (!at(':')) { // the message is built only when it is needed
        expect(':', "':' after the key \"" + key + "\"");
      }
      pos++;
      skipSpace();
      if (pos >= text.length()) {
        throw error("a value for the key \"" + key + "\" is missing");
      }
      entries.put(key, value());
      if (!separator('}')) {
        break;
      }
    }
    expect('}', "',' or '}' in an object");
    depth--;
    return map;
  }

  private Object array() {
    enter();
    pos++; // [
    DelugeCollection list = DelugeCollection.newList();
    List<Object> items = list.list();
    skipSpace();
    while (!at(']')) {
      if (at(',')) {
        throw error("a value is missing before ','");
      }
      items.add(value());
      if (!separator(']')) {
        break;
      }
    }
    expect(']', "',' or ']' in an array");
    depth--;
    return list;
  }

  /** After a member: consumes a ',' (and a trailing one before {@code close}); false when no ',' follows. */
  private boolean separator(char close) {
    skipSpace();
    if (!at(',')) {
      return false;
    }
    pos++;
    skipSpace();
    return true;
  }

  private String key() {
    if (pos >= text.length()) {
      throw error("the object is not closed");
    }
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      return string();
    }
    int start = pos;
    while (pos < text.length() && ":,{}[]\"'".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String key = text.substring(start, pos).trim();
    if (key.isEmpty()) {
      pos = start;
      throw error("expected a key but found " + found());
    }
    return key;
  }

  private String string() {
    char quote = text.charAt(pos++);
    // the common case, a string without escapes, found with the JDK's (vectorised) indexOf
    if (nextBackslash < pos) {
      int b = text.indexOf('\\', pos);
      nextBackslash = b < 0 ? Integer.MAX_VALUE : b;
    }
    int close = text.indexOf(quote, pos);
    if (close >= 0 && close < nextBackslash) {
      String s = text.substring(pos, close);
      pos = close + 1;
      return s;
    }
    StringBuilder out = null;
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == quote) {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        pos++;
        escape(out);
        start = pos;
      } else {
        pos++;
      }
    }
    throw error("the string is not closed");
  }

  private void escape(StringBuilder out) {
    if (pos >= text.length()) {
      throw error("the string is not closed");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'u' -> {
        if (pos + 4 > text.length()) {
          throw error("\\u needs four hex digits");
        }
        try {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
        } catch (NumberFormatException e) {
          throw error("\\u needs four hex digits");
        }
        pos += 4;
      }
      default -> out.append(c); // \" \\ \/ \' and, leniently, any other character as itself
    }
  }

  /** An unquoted token: a number, true / false / null, or (leniently) text up to the next ',' '}' ']'. */
  private Object bare() {
    int start = pos;
    while (pos < text.length() && ",}]{[".indexOf(text.charAt(pos)) < 0) {
      char c = text.charAt(pos);
      if ((c == '"' || c == '\'') && pos > start) {
        break;
      }
      pos++;
    }
    String token = text.substring(start, pos).trim();
    if (token.isEmpty()) {
      pos = start;
      throw error("expected a value but found " + found());
    }
    switch (token) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      default:
        Object number;
        try {
          number = number(token);
        } catch (NumberFormatException e) {
          pos = start;
          throw error("the number " + token + " is out of range");
        }
        return number != null ? number : token;
    }
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /** A JSON number token as NUMBER or DECIMAL, or null when the token is not a number. */
  static Object number(String token) {
    int n = token.length();
    int i = token.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return null;
    }
    boolean whole = true;
    for (int j = i; j < n; j++) {
      char c = token.charAt(j);
      if (c < '0' || c > '9') {
        whole = false;
        break;
      }
    }
    if (whole) {
      if (n - i <= 18) {
        return Long.parseLong(token);
      }
      try {
        return Long.parseLong(token);
      } catch (NumberFormatException e) {
        return new BigDecimal(token);
      }
    }
    if (!DECIMAL.matcher(token).matches()) {
      return null;
    }
    BigDecimal d = new BigDecimal(token); // NumberFormatException for an exponent beyond an int
    if (Math.abs((long) d.precision() - d.scale()) > MAX_DIGITS || d.scale() > MAX_DIGITS) {
      throw new NumberFormatException("more than " + MAX_DIGITS + " digits");
    }
    return d;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting is deeper than " + MAX_DEPTH + " levels");
    }
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c, String what) {
    skipSpace();
    if (!at(c)) {
      throw error("expected " + what + " but found " + found());
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String found() {
    if (pos >= text.length()) {
      return "the end of the text";
    }
    return "'" + text.charAt(pos) + "'";
  }

  /** Positions are 1-based character offsets, as a user counts them. */
  private ScriptError error(String message) {
    return new ScriptError("invalid JSON at position " + (pos + 1) + ": " + message);
  }
}
