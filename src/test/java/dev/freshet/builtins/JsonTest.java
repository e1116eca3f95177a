package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import org.junit.jupiter.api.Test;

/** The lenient JSON reader and toMap / toJSONList / getJSON (DECISIONS §8). */
class JsonTest {
  @Test
  void readsStrictJsonIntoDelugeValues() {
    Object v = Json.parse(" {\"a\": 1, \"b\": [true, false, null, 2.50, -3], \"c\": {\"d\": \"x\\ny\\u00e9\"}} ");
    prints("{\"a\":1,\"b\":[true,false,null,2.5,-3],\"c\":{\"d\":\"x\\nyé\"}}", v);
    DelugeCollection m = (DelugeCollection) v;
    assertEquals(Type.NUMBER, Values.typeOf(m.map().get("a")));
    assertEquals(Type.DECIMAL, Values.typeOf(((DelugeCollection) m.map().get("b")).list().get(3)));
  }

  @Test
  void wholeNumbersTooBigForNumberBecomeDecimal() {
    assertEquals(Type.NUMBER, Values.typeOf(Json.parse("9223372036854775807")));
    assertEquals(Type.DECIMAL, Values.typeOf(Json.parse("9223372036854775808")));
    prints("1500", Json.parse("1.5e3"));
  }

  @Test
  void lenientKeysValuesAndQuotes() {
    prints("{\"company\":\"Zoho\",\"product\":\"Creator\"}", Json.parse("{company: Zoho, product: 'Creator'}"));
    prints("{\"a b\":\"New York\",\"n\":5,\"t\":true}", Json.parse("{a b : New York , n: 5, t: true}"));
    prints("{\"url\":\"http://x.com/a\"}", Json.parse("{url: http://x.com/a}"));
    prints("{\"it's\":\"ok\"}", Json.parse("{\"it's\": 'ok'}"));
    prints("1,2", Json.parse("[1, 2, ]"));
    prints("{\"a\":1}", Json.parse("{\"a\": 1,}"));
    prints("{\"a\":\"x\"}", Json.parse("{\"a\": \"x\", \"a\": \"x\"}"));
  }

  @Test
  void errorsNameThePosition() {
    fails("invalid JSON at position 7: expected ',' or '}' in an object but found the end of the text",
        () -> Json.parse("{\"a\":1"));
    fails("invalid JSON at position 1: the text is empty", () -> Json.parse(""));
    fails("the string is not closed", () -> Json.parse("[\"abc"));
    fails("a value is missing before ','", () -> Json.parse("[1,,2]"));
    fails("after the end of the value", () -> Json.parse("{} x"));
    fails("expected ':' after the key", () -> Json.parse("{\"a\" 1}"));
    fails("invalid JSON at position 2: a value is missing at the end of the text", () -> Json.parse("["));
    fails("invalid JSON at position 4: a value is missing at the end of the text", () -> Json.parse("[1,"));
    fails("the number 1e9999999999 is out of range", () -> Json.parse("[1e9999999999]"));
    fails("the number 1e2000 is out of range", () -> Json.parse("1e2000")); // would print 2001 digits
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    fails("nesting is deeper than 512 levels", () -> Json.parse(deep));
    String ok = "[".repeat(500) + "]".repeat(500);
    assertEquals(Type.LIST, Values.typeOf(Json.parse(ok)));
  }

  @Test
  void longInputIsLinear() {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 200_000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"k\":\"v").append(i).append("\",\"n\":").append(i).append('}');
    }
    big.append(']');
    long t = System.nanoTime();
    DelugeCollection list = (DelugeCollection) Json.parse(big.toString());
    assertEquals(200_000, list.size());
    assertEquals(true, System.nanoTime() - t < 5_000_000_000L);
  }

  @Test
  void toMapAndToJsonList() {
    DelugeCollection m = Fixture.map("a", 1);
    assertSame(m, on(m, "toMap"));
    prints("{}", on("  ", "toMap"));
    fails("toMap: the text is a JSON array, not a JSON object", () -> on("[1]", "toMap"));
    fails("toMap: invalid JSON at position", () -> on("{\"a\":", "toMap"));
    fails("toMap: the text is a single TEXT value, not a JSON object", () -> on("hello", "toMap"));
    prints("1,2,{\"a\":[3]}", on("[1, 2, {\"a\": [3]}]", "toJSONList"));
    fails("toJSONList: the text is a JSON object, not a JSON array", () -> on("{}", "toJSONList"));
    DelugeCollection l = Fixture.list(1);
    assertSame(l, call("toJSONList", l));
  }

  @Test
  void getJson() {
    String text = "{\"a\": {\"b\": [10, 20]}, \"1\": \"one\"}";
    prints("20", on(on(on(text, "getJSON", "a"), "getJSON", "b"), "getJSON", 1L));
    assertNull(on(text, "getJSON", "missing"));
    prints("one", on(text, "getJSON", 1L));
    assertNull(on(on(text, "getJSON", "a"), "getJSON", "zzz"));
    prints("x", call("getJSON", Fixture.map("k", "x"), "k"));
    fails("getJSON: invalid JSON", () -> on("not json {", "getJSON", "a"));
  }
}
