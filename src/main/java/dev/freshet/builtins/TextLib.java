package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Text functions that build new text: case, trimming, slicing, padding, repeating, character classes and hex
 * (DELUGE-FACTS 5.1). Removing, replacing, splitting and matching live in {@link TextEditLib}, registered from here.
 * Lengths and indexes count UTF-16 units, as Zoho's Java runtime does (an emoji counts 2).
 */
final class TextLib implements Library {
  /** leftpad/rightpad refuse widths above Zoho's documented maximum. */
  static final int MAX_PAD = 100_000;
  /** repeat refuses to build text longer than Zoho's documented 100K-character output limit. */
  static final long MAX_REPEAT = 100_000;

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("length", "Number of characters in the text, spaces included").param("text", TEXT).returns("NUMBER")
        .alias("len").impl((env, a) -> (long) text(a, 0).length());
    r.fn("toUpperCase", "The text with every letter in upper case").param("text", TEXT).returns("TEXT")
        .alias("upper").impl((env, a) -> text(a, 0).toUpperCase(Locale.ROOT));
    r.fn("toLowerCase", "The text with every letter in lower case").param("text", TEXT).returns("TEXT")
        .alias("lower").impl((env, a) -> text(a, 0).toLowerCase(Locale.ROOT));
    r.fn("trim", "The text without leading and trailing whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).trim());
    r.fn("ltrim", "The text without leading whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> ltrim(text(a, 0)));
    r.fn("rtrim", "The text without trailing whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> rtrim(text(a, 0)));
    r.fn("concat", "The text followed by another (a number or date is joined as its text)").param("text", TEXT)
        .param("other", TEXT).returns("TEXT").impl((env, a) -> text(a, 0).concat(text(a, 1)));
    r.fn("reverse", "The text with its characters in reverse order (any other value is reversed as its text)")
        .param("text", ANY).returns("TEXT").impl((env, a) -> reverse(a[0]));
    r.fn("proper", "Each word capitalised: first letter upper case, the rest lower case").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> proper(text(a, 0)));
    r.fn("repeat", "The text repeated n times").param("text", TEXT).param("times", NUMBER).returns("TEXT")
        .impl((env, a) -> repeat(text(a, 0), number(a, 1)));
    registerSlicing(r);
    registerCharacterClasses(r);
    new TextEditLib().register(r);
  }

  private void registerSlicing(BuiltinRegistry r) {
    r.fn("subString", "Part of the text from start (inclusive) to end (exclusive; omitted or negative: the end); "
        + "0-based").param("text", TEXT).param("start", NUMBER).optional("end", NUMBER).returns("TEXT")
        .alias("subText", "mid").impl((env, a) -> subString(text(a, 0), number(a, 1), has(a, 2) ? number(a, 2) : -1));
    r.fn("left", "The first n characters (a negative n gives the whole text)").param("text", TEXT)
        .param("count", NUMBER).returns("TEXT").impl((env, a) -> {
          String s = text(a, 0);
          return number(a, 1) < 0 ? s : s.substring(0, count("left", s, number(a, 1)));
        });
    r.fn("right", "The last n characters").param("text", TEXT).param("count", NUMBER).returns("TEXT")
        .impl((env, a) -> {
          String s = text(a, 0);
          if (number(a, 1) < 0) {
            throw error("right", "count " + number(a, 1) + " is negative");
          }
          return s.substring(s.length() - count("right", s, number(a, 1)));
        });
    r.fn("leftpad", "The text padded with spaces on the left to the given total width").param("text", TEXT)
        .param("width", NUMBER).returns("TEXT")
        .impl((env, a) -> pad("leftpad", text(a, 0), number(a, 1), true));
    r.fn("rightpad", "The text padded with spaces on the right to the given total width").param("text", TEXT)
        .param("width", NUMBER).returns("TEXT")
        .impl((env, a) -> pad("rightpad", text(a, 0), number(a, 1), false));
  }

  private void registerCharacterClasses(BuiltinRegistry r) {
    r.fn("getAlpha", "Only the letters of the text").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> keep(text(a, 0), true, false));
    r.fn("getAlphaNumeric", "Only the letters and digits of the text").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> keep(text(a, 0), true, true));
    r.fn("removeAllAlpha", "The text without its letters").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> drop(text(a, 0), false));
    r.fn("removeAllAlphaNumeric", "The text without its letters and digits").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> drop(text(a, 0), true));
    r.fn("isAscii", "Whether every character of the text is ASCII (true for the empty text)").param("text", TEXT)
        .returns("BOOLEAN").impl((env, a) -> text(a, 0).chars().allMatch(c -> c < 128));
    r.fn("textToHex", "The UTF-8 bytes of the text as lower-case hexadecimal").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> HexFormat.of().formatHex(text(a, 0).getBytes(StandardCharsets.UTF_8)));
    r.fn("hexToText", "The text whose UTF-8 bytes the hexadecimal digits spell").param("hex", TEXT)
        .returns("TEXT").impl((env, a) -> hexToText(text(a, 0)));
  }

  static String subString(String s, long start, long end) {
    int n = s.length();
    if (start < 0) {
      throw error("subString", "start " + start + " is negative");
    }
    if (start > n) {
      throw error("subString", "start " + start + " is beyond the end of the text (length " + n + ")");
    }
    if (end < 0) {
      end = n;
    }
    if (end > n) {
      throw error("subString", "end " + end + " is beyond the end of the text (length " + n + ")");
    }
    if (end < start) {
      throw error("subString", "end " + end + " is before start " + start);
    }
    return s.substring((int) start, (int) end);
  }

  /** left/right: Zoho documents a count beyond the text's length as a runtime error. */
  private static int count(String fn, String s, long n) {
    if (n > s.length()) {
      throw error(fn, "count " + n + " is more than the length of the text (" + s.length() + ")");
    }
    return (int) n;
  }

  static String pad(String fn, String s, long width, boolean left) {
    if (width > MAX_PAD) {
      throw error(fn, "width " + width + " is above the maximum of " + MAX_PAD);
    }
    if (width <= s.length()) {
      return s;
    }
    String spaces = " ".repeat((int) width - s.length());
    return left ? spaces + s : s + spaces;
  }

  private static String repeat(String s, long times) {
    if (times < 0) {
      throw error("repeat", "times " + times + " is negative");
    }
    if (s.length() * times > MAX_REPEAT) {
      throw error("repeat", "the result would be longer than " + MAX_REPEAT + " characters");
    }
    return s.repeat((int) times);
  }

  /** Zoho converts a non-text value to text and reverses that ({1, 2, 13} gives "31,2,1"); NULL is an error. */
  private static String reverse(Object v) {
    if (v == null) {
      throw new ScriptError("reverse expects TEXT for argument 1 (text), got " + Ops.describe(null));
    }
    return new StringBuilder(dev.freshet.runtime.Values.toText(v)).reverse().toString();
  }

  /** Same whitespace as trim: characters up to U+0020. */
  static String ltrim(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) <= ' ') {
      i++;
    }
    return s.substring(i);
  }

  static String rtrim(String s) {
    int i = s.length();
    while (i > 0 && s.charAt(i - 1) <= ' ') {
      i--;
    }
    return s.substring(0, i);
  }

  /** Upper-cases a letter that follows a non-letter and lower-cases the others, as a spreadsheet's PROPER does. */
  static String proper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
        startOfWord = false;
      } else {
        out.append(c);
        startOfWord = !Character.isDigit(c) && c != '\'';
      }
    }
    return out.toString();
  }

  private static String keep(String s, boolean letters, boolean digits) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(c -> (letters && Character.isLetter(c)) || (digits && Character.isDigit(c)))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String drop(String s, boolean digitsToo) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(c -> !Character.isLetter(c) && !(digitsToo && Character.isDigit(c)))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Bytes that are not valid UTF-8 become U+FFFD, as Java decodes them. */
  private static String hexToText(String hex) {
    String h = hex.trim();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    for (int i = 0; i < h.length(); i++) {
      if (Character.digit(h.charAt(i), 16) < 0) {
        throw error("hexToText", "\"" + hex + "\" has \"" + h.charAt(i) + "\", which is not a hexadecimal digit");
      }
    }
    if (h.length() % 2 != 0) {
      throw error("hexToText", "\"" + hex + "\" has an odd number of hexadecimal digits (two make one byte)");
    }
    return new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8);
  }
}
