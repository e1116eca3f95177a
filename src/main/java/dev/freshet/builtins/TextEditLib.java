package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.TimedText;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text functions that remove, replace, split and match (DELUGE-FACTS 5.1). replace* take a regular expression
 * unless the 4th argument is true; a NULL search text is never found, so the text comes back unchanged.
 */
final class TextEditLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("remove", "The text with every occurrence of the search text removed").param("text", TEXT)
        .param("search", TEXT).returns("TEXT")
        .impl((env, a) -> a[1] == null ? text(a, 0) : removeAll(text(a, 0), text(a, 1)));
    r.fn("removeFirstOccurence", "The text with the first occurrence of the search text removed")
        .param("text", TEXT).param("search", TEXT).returns("TEXT").alias("removeFirstOccurrence")
        .impl((env, a) -> a[1] == null ? text(a, 0)
            : removeAt(text(a, 0), text(a, 1), text(a, 0).indexOf(text(a, 1))));
    r.fn("removeLastOccurence", "The text with the last occurrence of the search text removed")
        .param("text", TEXT).param("search", TEXT).returns("TEXT").alias("removeLastOccurrence")
        .impl((env, a) -> a[1] == null ? text(a, 0)
            : removeAt(text(a, 0), text(a, 1), text(a, 0).lastIndexOf(text(a, 1))));
    replace(r, "replaceAll", "Replaces every match of a regular expression (or, with literal true, of the text)",
        true, false);
    replace(r, "replaceAllIgnoreCase", "Like replaceAll, ignoring case", true, true);
    replace(r, "replaceFirst", "Replaces the first match of a regular expression (or, with literal true, of the "
        + "text)", false, false);
    replace(r, "replaceFirstIgnoreCase", "Like replaceFirst, ignoring case", false, true);
    registerSplitting(r);
  }

  private void replace(BuiltinRegistry r, String name, String doc, boolean all, boolean ignoreCase) {
    r.fn(name, doc).param("text", TEXT).param("search", TEXT).param("replacement", TEXT)
        .optional("literal", BOOLEAN).returns("TEXT").impl((env, a) -> a[1] == null ? text(a, 0)
            : replace(env, name, text(a, 0), text(a, 1), text(a, 2), Args.flag(a, 3, false), all, ignoreCase));
  }

  private void registerSplitting(BuiltinRegistry r) {
    r.fn("toList", "Splits the text at each occurrence of the separator (\"\" splits into characters); without "
        + "a separator the whole text is one element").param("text", TEXT).optional("separator", TEXT)
        .returns("LIST").impl((env, a) -> split(text(a, 0), has(a, 1) && a[1] != null ? text(a, 1) : null));
    r.fn("toListString", "Splits comma-separated text into a list of texts").param("text", TEXT).returns("LIST")
        .impl((env, a) -> split(text(a, 0), ","));
    r.fn("toListString", "A list with every element turned into text").param("list", LIST).returns("LIST")
        .impl((env, a) -> Args.listOf(Args.items(a[0]).stream().map(TextEditLib::asText).toList()));
    r.fn("matches", "Whether the whole text matches the regular expression (case-sensitive)").param("text", TEXT)
        .param("regex", TEXT).returns("BOOLEAN")
        .impl((env, a) -> a[1] != null && compile("matches", text(a, 1), 0)
            .matcher(new TimedText(text(a, 0), env)).matches());
  }

  /** A list element as text; NULL stays NULL, a nested list or map becomes its JSON. */
  private static Object asText(Object v) {
    return v == null ? null : v instanceof DelugeCollection ? Values.toJson(v) : Values.toText(v);
  }

  static String removeAll(String s, String search) {
    return search.isEmpty() ? s : s.replace(search, "");
  }

  private static String removeAt(String s, String search, int at) {
    return at < 0 || search.isEmpty() ? s : s.substring(0, at) + s.substring(at + search.length());
  }

  static String replace(Env env, String fn, String s, String search, String replacement, boolean literal,
      boolean all, boolean ignoreCase) {
    int flags = (literal ? Pattern.LITERAL : 0) | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    Matcher m = compile(fn, search, flags).matcher(new TimedText(s, env));
    String with = literal ? Matcher.quoteReplacement(replacement) : checkReplacement(fn, replacement, m.groupCount());
    try {
      return all ? m.replaceAll(with) : m.replaceFirst(with);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw badReplacement(fn, replacement, "it names a group the regular expression does not have");
    }
  }

  /** Checks the $ and \ of a regex replacement up front, so the error says what is wrong in Deluge terms. */
  private static String checkReplacement(String fn, String replacement, int groups) {
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : 0;
      if (c == '\\') {
        if (next == 0) {
          throw badReplacement(fn, replacement, "a \\ at the end escapes nothing");
        }
        i++;
      } else if (c == '$') {
        if (next >= '0' && next <= '9' && next - '0' > groups) {
          throw badReplacement(fn, replacement, "the regular expression has no group " + (next - '0'));
        }
        if ((next < '0' || next > '9') && next != '{') {
          throw badReplacement(fn, replacement, "a $ must be followed by a group number");
        }
      }
    }
    return replacement;
  }

  private static ScriptError badReplacement(String fn, String replacement, String why) {
    return error(fn, "invalid replacement \"" + replacement + "\": " + why
        + " (use \\$ for a literal $, or pass true as the 4th argument to replace literally)");
  }

  static Pattern compile(String fn, String regex, int flags) {
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw error(fn, "invalid regular expression \"" + regex + "\": " + e.getDescription());
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
