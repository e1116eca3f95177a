package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.TEXT;
import static dev.freshet.builtins.ParamType.TEXTUAL;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Text functions that build new text: case, trimming, slicing, padding, replacing, splitting (DELUGE-FACTS 5.1). */
final class TextLib implements Library {
  /** leftpad/rightpad refuse widths above Zoho's documented maximum. */
  static final int MAX_PAD = 100_000;
  /** repeat refuses to build text longer than this, so a script cannot exhaust memory with one call. */
  static final long MAX_TEXT = 10_000_000;

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("length", "Number of characters in the text, spaces included").param("text", TEXT).returns("NUMBER")
        .alias("len").impl((env, a) -> (long) text(a, 0).length());
    r.fn("toUpperCase", "The text with every letter in upper case").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).toUpperCase(Locale.ROOT));
    r.fn("toLowerCase", "The text with every letter in lower case").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).toLowerCase(Locale.ROOT));
    r.fn("trim", "The text without leading and trailing whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).trim());
    r.fn("ltrim", "The text without leading whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).replaceFirst("^[\\x00-\\x20]+", ""));
    r.fn("rtrim", "The text without trailing whitespace").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> text(a, 0).replaceFirst("[\\x00-\\x20]+$", ""));
    r.fn("concat", "The text followed by another (a number or date is joined as its text)").param("text", TEXT)
        .param("other", TEXTUAL).returns("TEXT").impl((env, a) -> text(a, 0).concat(text(a, 1)));
    r.fn("subString", "Part of the text from start (inclusive) to end (exclusive, default: the end); 0-based")
        .param("text", TEXT).param("start", NUMBER).optional("end", NUMBER).returns("TEXT")
        .alias("subText", "mid").impl((env, a) -> subString(text(a, 0), number(a, 1), has(a, 2) ? number(a, 2) : -1));
    r.fn("left", "The first n characters (the whole text when it is shorter)").param("text", TEXT)
        .param("count", NUMBER).returns("TEXT").impl((env, a) -> {
          String s = text(a, 0);
          return s.substring(0, (int) Math.min(count("left", number(a, 1)), s.length()));
        });
    r.fn("right", "The last n characters (the whole text when it is shorter)").param("text", TEXT)
        .param("count", NUMBER).returns("TEXT").impl((env, a) -> {
          String s = text(a, 0);
          return s.substring(s.length() - (int) Math.min(count("right", number(a, 1)), s.length()));
        });
    r.fn("leftpad", "The text padded with spaces on the left to the given total width").param("text", TEXT)
        .param("width", NUMBER).returns("TEXT")
        .impl((env, a) -> pad("leftpad", text(a, 0), number(a, 1), true));
    r.fn("rightpad", "The text padded with spaces on the right to the given total width").param("text", TEXT)
        .param("width", NUMBER).returns("TEXT")
        .impl((env, a) -> pad("rightpad", text(a, 0), number(a, 1), false));
    r.fn("repeat", "The text repeated n times").param("text", TEXT).param("times", NUMBER).returns("TEXT")
        .impl((env, a) -> repeat(text(a, 0), number(a, 1)));
    r.fn("reverse", "The text with its characters in reverse order").param("text", TEXT).returns("TEXT")
        .impl((env, a) -> new StringBuilder(text(a, 0)).reverse().toString());
    r.fn("proper", "Each word capitalised: first letter upper case, the rest lower case").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> proper(text(a, 0)));
    registerCharacterClasses(r);
    registerRemoveReplace(r);
    registerSplitting(r);
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
    r.fn("isAscii", "Whether every character of the text is ASCII").param("text", TEXT).returns("BOOLEAN")
        .impl((env, a) -> text(a, 0).chars().allMatch(c -> c < 128));
    r.fn("textToHex", "The UTF-8 bytes of the text as lower-case hexadecimal").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> HexFormat.of().formatHex(text(a, 0).getBytes(StandardCharsets.UTF_8)));
    r.fn("hexToText", "The text whose UTF-8 bytes the hexadecimal digits spell").param("hex", TEXT)
        .returns("TEXT").impl((env, a) -> hexToText(text(a, 0)));
  }

  private void registerRemoveReplace(BuiltinRegistry r) {
    r.fn("remove", "The text with every occurrence of the search text removed").param("text", TEXT)
        .param("search", TEXTUAL).returns("TEXT").impl((env, a) -> removeAll(text(a, 0), text(a, 1)));
    r.fn("removeFirstOccurence", "The text with the first occurrence of the search text removed")
        .param("text", TEXT).param("search", TEXTUAL).returns("TEXT").alias("removeFirstOccurrence")
        .impl((env, a) -> removeAt(text(a, 0), text(a, 1), text(a, 0).indexOf(text(a, 1))));
    r.fn("removeLastOccurence", "The text with the last occurrence of the search text removed")
        .param("text", TEXT).param("search", TEXTUAL).returns("TEXT").alias("removeLastOccurrence")
        .impl((env, a) -> removeAt(text(a, 0), text(a, 1), text(a, 0).lastIndexOf(text(a, 1))));
    replace(r, "replaceAll", "Replaces every match of a regular expression (or, with literal true, of the text)",
        true, false);
    replace(r, "replaceAllIgnoreCase", "Like replaceAll, ignoring case", true, true);
    replace(r, "replaceFirst", "Replaces the first match of a regular expression (or, with literal true, of the "
        + "text)", false, false);
    replace(r, "replaceFirstIgnoreCase", "Like replaceFirst, ignoring case", false, true);
  }

  private void replace(BuiltinRegistry r, String name, String doc, boolean all, boolean ignoreCase) {
    r.fn(name, doc).param("text", TEXT).param("search", TEXTUAL).param("replacement", TEXTUAL)
        .optional("literal", BOOLEAN).returns("TEXT")
        .impl((env, a) -> replace(name, text(a, 0), text(a, 1), text(a, 2), Args.flag(a, 3, false), all, ignoreCase));
  }

  private void registerSplitting(BuiltinRegistry r) {
    r.fn("toList", "Splits the text at each occurrence of the separator (\"\" splits into characters); without "
        + "a separator the whole text is one element").param("text", TEXT).optional("separator", TEXTUAL)
        .returns("LIST").impl((env, a) -> split(text(a, 0), has(a, 1) ? text(a, 1) : null));
    r.fn("toListString", "Splits comma-separated text into a list of texts").param("text", TEXT).returns("LIST")
        .impl((env, a) -> split(text(a, 0), ","));
    r.fn("matches", "Whether the whole text matches the regular expression").param("text", TEXT)
        .param("regex", TEXTUAL).returns("BOOLEAN")
        .impl((env, a) -> compile("matches", text(a, 1), 0).matcher(text(a, 0)).matches());
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

  private static long count(String fn, long n) {
    if (n < 0) {
      throw error(fn, "count " + n + " is negative");
    }
    return n;
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
    if (s.length() * times > MAX_TEXT) {
      throw error("repeat", "the result would be longer than " + MAX_TEXT + " characters");
    }
    return s.repeat((int) times);
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

  private static String hexToText(String hex) {
    String h = hex.trim();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    try {
      return new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw error("hexToText", "\"" + hex + "\" is not an even number of hexadecimal digits");
    }
  }

  static String removeAll(String s, String search) {
    return search.isEmpty() ? s : s.replace(search, "");
  }

  private static String removeAt(String s, String search, int at) {
    return at < 0 || search.isEmpty() ? s : s.substring(0, at) + s.substring(at + search.length());
  }

  static String replace(String fn, String s, String search, String replacement, boolean literal, boolean all,
      boolean ignoreCase) {
    int flags = (literal ? Pattern.LITERAL : 0) | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    Matcher m = compile(fn, search, flags).matcher(s);
    String with = literal ? Matcher.quoteReplacement(replacement) : replacement;
    try {
      return all ? m.replaceAll(with) : m.replaceFirst(with);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw error(fn, "invalid replacement \"" + replacement + "\": " + e.getMessage()
          + " (use \\$ for a literal $, or pass true as the 4th argument)");
    }
  }

  static Pattern compile(String fn, String regex, int flags) {
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw new ScriptError(fn + ": invalid regular expression \"" + regex + "\": " + e.getDescription());
    }
  }

  /** Splits at a literal separator, keeping empty parts; empty text gives an empty list. */
  static DelugeCollection split(String s, String separator) {
    List<Object> parts = new ArrayList<>();
    if (s.isEmpty()) {
      return Args.listOf(parts);
    }
    if (separator == null) {
      parts.add(s);
    } else if (separator.isEmpty()) {
      s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
    } else {
      int from = 0;
      int at;
      while ((at = s.indexOf(separator, from)) >= 0) {
        parts.add(s.substring(from, at));
        from = at + separator.length();
      }
      parts.add(s.substring(from));
    }
    return Args.listOf(parts);
  }
}
