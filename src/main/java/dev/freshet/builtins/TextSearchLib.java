package dev.freshet.builtins;

import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.TEXT;
import static dev.freshet.builtins.ParamType.TEXTUAL;

/**
 * Text functions that search: contains, startsWith, indexOf, getPrefix, ... Case-sensitive unless the name says
 * IgnoreCase (DELUGE-FACTS 5.1); indexes are 0-based and -1 means "not found".
 */
final class TextSearchLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("contains", "Whether the text contains the search text (case-sensitive)").param("text", TEXT)
        .param("search", TEXTUAL).returns("BOOLEAN").impl((env, a) -> text(a, 0).contains(text(a, 1)));
    r.fn("notContains", "Whether the text does not contain the search text (case-sensitive)").param("text", TEXT)
        .param("search", TEXTUAL).returns("BOOLEAN").impl((env, a) -> !text(a, 0).contains(text(a, 1)));
    r.fn("containsIgnoreCase", "Whether the text contains the search text, ignoring case").param("text", TEXT)
        .param("search", TEXTUAL).returns("BOOLEAN").impl((env, a) -> indexIgnoreCase(text(a, 0), text(a, 1)) >= 0);
    r.fn("startsWith", "Whether the text begins with the given text").param("text", TEXT).param("prefix", TEXTUAL)
        .returns("BOOLEAN").impl((env, a) -> text(a, 0).startsWith(text(a, 1)));
    r.fn("startsWithIgnoreCase", "Whether the text begins with the given text, ignoring case").param("text", TEXT)
        .param("prefix", TEXTUAL).returns("BOOLEAN")
        .impl((env, a) -> text(a, 0).regionMatches(true, 0, text(a, 1), 0, text(a, 1).length()));
    r.fn("endsWith", "Whether the text ends with the given text").param("text", TEXT).param("suffix", TEXTUAL)
        .returns("BOOLEAN").impl((env, a) -> text(a, 0).endsWith(text(a, 1)));
    r.fn("endsWithIgnoreCase", "Whether the text ends with the given text, ignoring case").param("text", TEXT)
        .param("suffix", TEXTUAL).returns("BOOLEAN").impl((env, a) -> {
          String s = text(a, 0);
          String end = text(a, 1);
          return s.length() >= end.length() && s.regionMatches(true, s.length() - end.length(), end, 0, end.length());
        });
    r.fn("equalsIgnoreCase", "Whether two texts are equal, ignoring case").param("text", TEXT)
        .param("other", TEXTUAL).returns("BOOLEAN").impl((env, a) -> text(a, 0).equalsIgnoreCase(text(a, 1)));
    r.fn("indexOf", "0-based position of the first occurrence of the search text, or -1").param("text", TEXT)
        .param("search", TEXTUAL).returns("NUMBER").alias("find")
        .impl((env, a) -> (long) text(a, 0).indexOf(text(a, 1)));
    r.fn("lastIndexOf", "0-based position of the last occurrence of the search text, or -1").param("text", TEXT)
        .param("search", TEXTUAL).returns("NUMBER").impl((env, a) -> (long) text(a, 0).lastIndexOf(text(a, 1)));
    r.fn("getOccurenceCount", "How many times the search text occurs (non-overlapping, case-sensitive)")
        .param("text", TEXT).param("search", TEXTUAL).returns("NUMBER").alias("getOccurrenceCount")
        .impl((env, a) -> occurrences(text(a, 0), text(a, 1)));
    registerAffixes(r);
  }

  private void registerAffixes(BuiltinRegistry r) {
    r.fn("getPrefix", "The text before the first occurrence of the search text, or null when it does not occur")
        .param("text", TEXT).param("search", TEXTUAL).returns("TEXT")
        .impl((env, a) -> prefix(text(a, 0), text(a, 1), text(a, 0).indexOf(text(a, 1))));
    r.fn("getPrefixIgnoreCase", "Like getPrefix, ignoring case").param("text", TEXT).param("search", TEXTUAL)
        .returns("TEXT").impl((env, a) -> prefix(text(a, 0), text(a, 1), indexIgnoreCase(text(a, 0), text(a, 1))));
    r.fn("getSuffix", "The text after the first occurrence of the search text, or null when it does not occur")
        .param("text", TEXT).param("search", TEXTUAL).returns("TEXT")
        .impl((env, a) -> suffix(text(a, 0), text(a, 1), text(a, 0).indexOf(text(a, 1))));
    r.fn("getSuffixIgnoreCase", "Like getSuffix, ignoring case").param("text", TEXT).param("search", TEXTUAL)
        .returns("TEXT").impl((env, a) -> suffix(text(a, 0), text(a, 1), indexIgnoreCase(text(a, 0), text(a, 1))));
  }

  private static String prefix(String s, String search, int at) {
    return at < 0 ? null : s.substring(0, at);
  }

  private static String suffix(String s, String search, int at) {
    return at < 0 ? null : s.substring(at + search.length());
  }

  static int indexIgnoreCase(String s, String search) {
    for (int i = 0; i + search.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, search, 0, search.length())) {
        return i;
      }
    }
    return -1;
  }

  static long occurrences(String s, String search) {
    if (search.isEmpty()) {
      return 0;
    }
    long n = 0;
    for (int at = s.indexOf(search); at >= 0; at = s.indexOf(search, at + search.length())) {
      n++;
    }
    return n;
  }
}
