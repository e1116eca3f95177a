package dev.freshet.builtins;

import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;

import java.util.function.BiFunction;

/**
 * Text functions that search: contains, startsWith, indexOf, getPrefix, ... Case-sensitive unless the name says
 * IgnoreCase (DELUGE-FACTS 5.1); indexes are 0-based and -1 means "not found". A NULL search text is never found
 * (contains is false, indexOf is -1, getPrefix is null); the empty text is found at the start, as in Java.
 */
final class TextSearchLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    test(r, "contains", "search", "Whether the text contains the search text (case-sensitive)", String::contains);
    test(r, "notContains", "search", "Whether the text does not contain the search text (case-sensitive)",
        (s, x) -> !s.contains(x));
    test(r, "containsIgnoreCase", "search", "Whether the text contains the search text, ignoring case",
        (s, x) -> indexIgnoreCase(s, x) >= 0);
    test(r, "startsWith", "prefix", "Whether the text begins with the given text", String::startsWith);
    test(r, "startsWithIgnoreCase", "prefix", "Whether the text begins with the given text, ignoring case",
        (s, x) -> s.regionMatches(true, 0, x, 0, x.length()));
    test(r, "endsWith", "suffix", "Whether the text ends with the given text", String::endsWith);
    test(r, "endsWithIgnoreCase", "suffix", "Whether the text ends with the given text, ignoring case",
        (s, x) -> s.length() >= x.length() && s.regionMatches(true, s.length() - x.length(), x, 0, x.length()));
    test(r, "equalsIgnoreCase", "other", "Whether two texts are equal, ignoring case", String::equalsIgnoreCase);
    r.fn("equals", "Whether the value equals the other, as == compares (text case-sensitively, numbers by value)")
        .param("value", ANY).param("other", ANY).returns("BOOLEAN")
        .impl((env, a) -> dev.freshet.runtime.Values.same(a[0], a[1]));
    r.fn("indexOf", "0-based position of the first occurrence of the search text, or -1").param("text", TEXT)
        .param("search", TEXT).returns("NUMBER").alias("find")
        .impl((env, a) -> a[1] == null ? -1L : (long) text(a, 0).indexOf(text(a, 1)));
    r.fn("lastIndexOf", "0-based position of the last occurrence of the search text, or -1").param("text", TEXT)
        .param("search", TEXT).returns("NUMBER")
        .impl((env, a) -> a[1] == null ? -1L : (long) text(a, 0).lastIndexOf(text(a, 1)));
    r.fn("getOccurenceCount", "How many times the search text occurs (non-overlapping, case-sensitive)")
        .param("text", TEXT).param("search", TEXT).returns("NUMBER").alias("getOccurrenceCount")
        .impl((env, a) -> a[1] == null ? 0L : occurrences(text(a, 0), text(a, 1)));
    registerAffixes(r);
  }

  /** A BOOLEAN test of the text against a search text; a NULL search text counts as "not found". */
  private static void test(BuiltinRegistry r, String name, String param, String doc,
      BiFunction<String, String, Boolean> test) {
    boolean whenNull = name.startsWith("not");
    r.fn(name, doc).param("text", TEXT).param(param, TEXT).returns("BOOLEAN")
        .impl((env, a) -> a[1] == null ? whenNull : test.apply(text(a, 0), text(a, 1)));
  }

  private void registerAffixes(BuiltinRegistry r) {
    r.fn("getPrefix", "The text before the first occurrence of the search text, or null when it does not occur")
        .param("text", TEXT).param("search", TEXT).returns("TEXT")
        .impl((env, a) -> a[1] == null ? null : prefix(text(a, 0), text(a, 0).indexOf(text(a, 1))));
    r.fn("getPrefixIgnoreCase", "Like getPrefix, ignoring case").param("text", TEXT).param("search", TEXT)
        .returns("TEXT").impl((env, a) -> a[1] == null ? null
            : prefix(text(a, 0), indexIgnoreCase(text(a, 0), text(a, 1))));
    r.fn("getSuffix", "The text after the first occurrence of the search text, or null when it does not occur")
        .param("text", TEXT).param("search", TEXT).returns("TEXT")
        .impl((env, a) -> a[1] == null ? null : suffix(text(a, 0), text(a, 1), text(a, 0).indexOf(text(a, 1))));
    r.fn("getSuffixIgnoreCase", "Like getSuffix, ignoring case").param("text", TEXT).param("search", TEXT)
        .returns("TEXT").impl((env, a) -> a[1] == null ? null
            : suffix(text(a, 0), text(a, 1), indexIgnoreCase(text(a, 0), text(a, 1))));
  }

  private static String prefix(String s, int at) {
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

  /** Non-overlapping occurrences, counted left to right ("aaaa" holds "aa" twice); the empty text occurs 0 times. */
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
