package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DelugeCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Laws the text and encoding built-ins keep for any input, checked on a few thousand generated texts (mixed ASCII,
 * whitespace, regex metacharacters, accented letters, CJK and emoji). Plain JUnit with a seeded Random, so a failure
 * repeats; the message shows the input. (Meant to move to jqwik @Property methods once that dependency is added.)
 */
class TextPropertiesTest {
  private static final long SEED = 20240308L;
  private static final int TRIES = 3000;
  private static final String[] PIECES = {"a", "b", "Z", "0", "7", " ", "  ", "\t", "\n", ".", "*", "+", "?", "(",
      ")", "[", "]", "{", "}", "|", "^", "$", "\\", ",", "-", "%", "&", "=", "/", "é", "ß", "Ω", "東", "京", "😀",
      "👍🏽", "\u00A0", "İ", "ǅ"};

  /** Runs the check on TRIES generated texts. */
  private static void forAll(Consumer<String> check) {
    Random random = new Random(SEED);
    for (int i = 0; i < TRIES; i++) {
      check.accept(text(random));
    }
  }

  /** A text of 0 to 20 pieces; pieces are whole code points, so the text is always valid UTF-16. */
  static String text(Random random) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(21);
    for (int i = 0; i < n; i++) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }

  private static String s(Object v) {
    return (String) v;
  }

  private static long len(String text) {
    return (Long) on(text, "length");
  }

  @Test
  void subStringTakesExactlyTheCharactersBetweenTheIndexes() {
    Random random = new Random(SEED);
    forAll(t -> {
      long n = len(t);
      long a = random.nextInt((int) n + 1);
      long b = a + random.nextInt((int) (n - a) + 1);
      assertEquals(b - a, len(s(on(t, "subString", a, b))), () -> "subString(" + a + ", " + b + ") of " + q(t));
      long k = random.nextInt((int) n + 1);
      assertEquals(t, s(on(t, "subString", 0L, k)) + s(on(t, "subString", k)), () -> "split at " + k + " of " + q(t));
      assertEquals(t.substring((int) a, (int) b), on(t, "mid", a, b));
    });
  }

  @Test
  void toListThenJoinGivesTheTextBack() {
    Random random = new Random(SEED);
    String[] separators = {",", "/", "::", ".", "|", "ab", " "};
    forAll(t -> {
      String sep = separators[random.nextInt(separators.length)];
      DelugeCollection parts = (DelugeCollection) on(t, "toList", sep);
      List<String> texts = parts.list().stream().map(p -> (String) p).toList();
      assertEquals(t, String.join(sep, texts), () -> q(t) + ".toList(" + q(sep) + ")");
      if (!t.isEmpty()) {
        assertEquals(t.split(java.util.regex.Pattern.quote(sep), -1).length, parts.size(), () -> q(t));
      }
    });
  }

  @Test
  void joinThenToListGivesThePartsBack() {
    Random random = new Random(SEED);
    forAll(first -> {
      List<String> parts = new ArrayList<>(List.of(first.replace(",", "")));
      int more = random.nextInt(5);
      for (int i = 0; i < more; i++) {
        parts.add(text(random).replace(",", ""));
      }
      String joined = String.join(",", parts);
      DelugeCollection back = (DelugeCollection) on(joined, "toList", ",");
      List<Object> expected = joined.isEmpty() ? List.of() : List.copyOf(parts);
      assertEquals(expected, back.list(), () -> "parts " + parts);
    });
  }

  @Test
  void indexOfAndLastIndexOfAgreeWithContains() {
    Random random = new Random(SEED);
    forAll(t -> {
      String x = random.nextBoolean() && !t.isEmpty() ? substringOf(t, random) : text(random);
      boolean contains = (Boolean) on(t, "contains", x);
      long first = (Long) on(t, "indexOf", x);
      long last = (Long) on(t, "lastIndexOf", x);
      String what = q(t) + " / " + q(x);
      assertEquals(contains, first >= 0, what);
      assertEquals(contains, last >= 0, what);
      assertEquals(!contains, on(t, "notContains", x), what);
      assertEquals(contains, on(t, "getPrefix", x) != null, what);
      if (contains) {
        assertTrue(first <= last, what);
        assertEquals(x, on(t, "subString", first, first + len(x)), what);
        assertEquals(x, on(t, "subString", last, last + len(x)), what);
        assertEquals(t, s(on(t, "getPrefix", x)) + x + s(on(t, "getSuffix", x)), what);
      }
      assertEquals(first, on(t, "find", x), what);
    });
  }

  /** A piece of the text cut at code point boundaries (never half of an emoji's surrogate pair). */
  private static String substringOf(String t, Random random) {
    int points = t.codePointCount(0, t.length());
    int a = random.nextInt(points);
    int b = a + random.nextInt(points - a + 1);
    return t.substring(t.offsetByCodePoints(0, a), t.offsetByCodePoints(0, b));
  }

  @Test
  void caseConversionIsIdempotent() {
    forAll(t -> {
      String upper = s(on(t, "toUpperCase"));
      String lower = s(on(t, "toLowerCase"));
      assertEquals(upper, on(upper, "toUpperCase"), () -> q(t));
      assertEquals(lower, on(lower, "toLowerCase"), () -> q(t));
      assertEquals(upper, call("upper", t));
      assertTrue((Boolean) on(t, "equalsIgnoreCase", t));
    });
  }

  @Test
  void reverseTwiceIsTheText() {
    forAll(t -> {
      String once = s(on(t, "reverse"));
      assertEquals(len(t), len(once), () -> q(t));
      assertEquals(t, on(once, "reverse"), () -> q(t));
    });
  }

  @Test
  void literalReplaceNeverReadsRegexCharacters() {
    Random random = new Random(SEED);
    forAll(t -> {
      String search = random.nextBoolean() && !t.isEmpty() ? substringOf(t, random) : text(random);
      String with = text(random);
      if (search.isEmpty()) {
        return;
      }
      String what = q(t) + " / " + q(search) + " -> " + q(with);
      assertEquals(t.replace(search, with), on(t, "replaceAll", search, with, true), what);
      int at = t.indexOf(search);
      String first = at < 0 ? t : t.substring(0, at) + with + t.substring(at + search.length());
      assertEquals(first, on(t, "replaceFirst", search, with, true), what);
      assertEquals(t.replace(search, ""), on(t, "remove", search), what);
    });
  }

  @Test
  void paddingReachesTheWidthAndKeepsTheText() {
    Random random = new Random(SEED);
    forAll(t -> {
      long n = len(t);
      long width = random.nextInt((int) n + 25) - 5;
      String left = s(on(t, "leftpad", width));
      String right = s(on(t, "rightpad", width));
      String what = q(t) + " to " + width;
      assertEquals(Math.max(n, width), len(left), what);
      assertEquals(Math.max(n, width), len(right), what);
      assertTrue(left.endsWith(t) && left.substring(0, left.length() - t.length()).isBlank(), what);
      assertTrue(right.startsWith(t) && right.substring(t.length()).isBlank(), what);
    });
  }

  @Test
  void trimIsIdempotentAndIsBothSidedTrims() {
    forAll(t -> {
      String trimmed = s(on(t, "trim"));
      assertEquals(trimmed, on(trimmed, "trim"), () -> q(t));
      assertEquals(trimmed, on(on(t, "rtrim"), "ltrim"), () -> q(t));
      assertEquals(trimmed, on(on(t, "ltrim"), "rtrim"), () -> q(t));
      assertEquals(on(t, "ltrim"), on(on(t, "ltrim"), "ltrim"), () -> q(t));
    });
  }

  @Test
  void encodingsRoundTripAnyUnicodeText() {
    String ns = EncodingLib.NS;
    forAll(t -> {
      String what = q(t);
      assertEquals(t, call(ns + "base64Decode", call(ns + "base64Encode", t)), what);
      assertEquals(t, call(ns + "base64Decode", call(ns + "base64Encode", t, "UTF-16LE"), "UTF-16LE"), what);
      assertEquals(t, call(ns + "base32Decode", call(ns + "base32Encode", t, "UTF-16BE"), "UTF-16BE"), what);
      assertEquals(t, call("decodeUrl", call("encodeUrl", t)), what);
      assertEquals(t, call(ns + "urlDecode", call(ns + "urlEncode", t)), what);
      assertEquals(t, on(on(t, "textToHex"), "hexToText"), what);
      assertTrue(s(call(ns + "urlEncode", t)).chars().noneMatch(c -> c == ' ' || c == '+'), what);
    });
  }

  /** The text quoted with its escapes visible, for failure messages. */
  private static String q(String t) {
    return "\"" + t.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
