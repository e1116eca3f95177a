package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.freshet.runtime.DelugeCollection;
import org.junit.jupiter.api.Test;

/** Text functions: DELUGE-FACTS 5.1 examples and the edge cases it lists. */
class TextLibTest {
  @Test
  void caseTrimAndLength() {
    prints("46", call("length", "Deluge is the scripting language of Zoho apps!"));
    prints("0", on("", "len"));
    prints("a b", on("\t a b \n", "trim"));
    prints("a b \n", on("\t a b \n", "ltrim"));
    prints("\t a b", on("\t a b \n", "rtrim"));
    prints("ÉCOLE", on("école", "toUpperCase"));
  }

  @Test
  void subStringIsStartInclusiveEndExclusive() {
    String s = "Hello, World";
    prints("World", on(s, "subString", 7L, -1L));
    prints("", on(s, "subString", 3L, 3L));
    prints("", on(s, "subString", 12L));
    prints("ello", on(s, "mid", 1L, 5L));
    prints("ello", on(s, "subText", 1L, 5L));
    prints("ello", call("substring", s, 1L, 5L));
    fails("subString: start 20 is beyond the end of the text (length 12)", () -> on(s, "subString", 20L));
    fails("subString: end 13 is beyond the end of the text (length 12)", () -> on(s, "subString", 0L, 13L));
    fails("subString: end 2 is before start 5", () -> on(s, "subString", 5L, 2L));
    fails("subString: start -1 is negative", () -> on(s, "subString", -1L));
    fails("subString expects NUMBER for argument 2 (start), got TEXT \"a\"", () -> on(s, "subString", "a"));
  }

  @Test
  void leftRightAndPadding() {
    prints("Hel", on("Hello", "left", 3L));
    prints("", on("Hello", "right", 0L));
    prints("Hello", on("Hello", "left", -1L));
    fails("left: count 10 is more than the length of the text (5)", () -> on("Hello", "left", 10L));
    fails("right: count 6 is more than the length of the text (5)", () -> on("Hello", "right", 6L));
    fails("right: count -1 is negative", () -> on("Hello", "right", -1L));
    prints("  Left", on("Left", "leftpad", 6L));
    prints("Right  ", on("Right", "rightpad", 7L));
    prints("Left", on("Left", "leftpad", -3L));
    prints("Left", on("Left", "leftpad", 2L));
    fails("leftpad: width 100001 is above the maximum of 100000", () -> on("", "leftpad", 100_001L));
    assertEquals(10, ((DelugeCollection) on(on("", "leftpad", 10L), "toList", "")).size());
  }

  @Test
  void searching() {
    prints("true", on("abc", "contains", ""));
    prints("false", on("abc", "contains", "B"));
    prints("true", on("abc", "containsIgnoreCase", "B"));
    prints("2", on("Deluge database and Zoho database", "getOccurenceCount", "database"));
    prints("2", on("aaaa", "getOccurenceCount", "aa"));
    prints("4", on("Hello, World", "find", "o"));
    prints("-1", on("Hello", "indexOf", "z"));
    prints("-1", on("Hello", "lastIndexOf", "z"));
    prints("true", on("Hello", "startsWithIgnoreCase", "hE"));
    prints("true", on("Hello", "endsWithIgnoreCase", "LLO"));
    prints("false", on("lo", "endsWithIgnoreCase", "Hello"));
    prints("Hello", on("Hello, World", "getPrefixIgnoreCase", ", WORLD"));
    prints("World", on("Hello, World", "getSuffixIgnoreCase", "O, "));
    assertNull(on("Hello", "getPrefix", "x"));
    assertNull(on("Hello", "getSuffixIgnoreCase", "x"));
    prints("5", on("a1b2c3", "indexOf", 3L));
  }

  @Test
  void replacing() {
    prints("---", on("a.b", "replaceAll", ".", "-"));
    prints("a-b", on("a.b", "replaceAll", ".", "-", true));
    prints("x-y-z", on("x1y22z", "replaceAll", "[0-9]+", "-"));
    prints("b-a", on("a-b", "replaceAll", "(\\w)-(\\w)", "$2-$1"));
    prints("$1", on("ab", "replaceAll", "ab", "$1", true));
    prints("XbcAbc", on("abcAbc", "replaceFirst", "a", "X"));
    prints("XbcAbc", on("abcAbc", "replaceFirstIgnoreCase", "A", "X"));
    prints("XbcXbc", on("abcAbc", "replaceAllIgnoreCase", "a", "X"));
    prints("unchanged", on("unchanged", "replaceAll", "zzz", "y"));
    fails("replaceAll: invalid regular expression \"(\"", () -> on("a", "replaceAll", "(", "b"));
    fails("replaceAll: invalid replacement \"$\": a $ must be followed by a group number",
        () -> on("a", "replaceAll", "a", "$"));
    fails("the regular expression has no group 1", () -> on("a", "replaceAll", "a", "$1"));
    fails("a \\ at the end escapes nothing", () -> on("a", "replaceAll", "a", "x\\"));
    prints("acb", on("abcb", "removeFirstOccurence", "b"));
    prints("abc", on("abcb", "removeLastOccurence", "b"));
    prints("ac", on("abcb", "remove", "b"));
  }

  @Test
  void splitting() {
    prints("ZohoCreator,ZohoCRM", on("ZohoCreator/ZohoCRM", "toList", "/"));
    DelugeCollection whole = (DelugeCollection) on("a,b", "toList");
    assertEquals(1, whole.size());
    DelugeCollection missing = (DelugeCollection) on("a,b", "toList", ";");
    assertEquals(1, missing.size());
    DelugeCollection empties = (DelugeCollection) on("a,,b,", "toList", ",");
    assertEquals(4, empties.size());
    prints("a,,b,", empties);
    assertEquals(0, ((DelugeCollection) on("", "toList", ",")).size());
    prints("a,b,c", on("abc", "toList", ""));
    prints("a,,b", on("a||b", "toList", "|"));
    assertEquals(2, ((DelugeCollection) on("a||b", "toList", "||")).size());
    prints("1,2,3,4,5", on("1,2,3,4,5", "toListString"));
  }

  @Test
  void characterClassesAndTransforms() {
    prints("Zohoabc", on("Zoho 123 abc!", "getAlpha"));
    prints("Zoho123abc", on("Zoho 123 abc!", "getAlphaNumeric"));
    prints(" 123 !", on("Zoho 123 abc!", "removeAllAlpha"));
    prints("  !", on("Zoho 123 abc!", "removeAllAlphaNumeric"));
    prints("true", on("plain", "isAscii"));
    prints("false", on("café", "isAscii"));
    prints("48656c6c6f", on("Hello", "textToHex"));
    prints("Hello", on("48656C6C6F", "hexToText"));
    prints("é", on(on("é", "textToHex"), "hexToText"));
    fails("hexToText: \"abc\" has an odd number of hexadecimal digits", () -> on("abc", "hexToText"));
    prints("abab", on("ab", "repeat", 2L));
    prints("", on("ab", "repeat", 0L));
    fails("repeat: times -1 is negative", () -> on("ab", "repeat", -1L));
    prints("Don't Stop 1st-Class", on("don't STOP 1st-class", "proper"));
    prints("Zoho7", on("Zoho", "concat", 7L));
    prints("true", on("abc123", "matches", "[a-z]+\\d+"));
    prints("false", on("abc123x", "matches", "[a-z]+\\d+"));
    prints("true", on("ABC", "equalsIgnoreCase", "abc"));
    prints("cba", call("reverse", "abc"));
    prints("31,2,1", call("reverse", list(1, 2, 13)));
    prints("ABC", call("upper", "abc"));
    prints("abc", on("ABC", "lower"));
  }
}
