package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.date;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.map;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Ops;
import org.junit.jupiter.api.Test;

/** The built-in calls of the shared conformance cases, with their expected output lines. */
class ConformanceLinesTest {
  @Test
  void c02Text() {
    String s = "Hello, World";
    prints("12", on(s, "length"));
    prints("HELLO, WORLD", on(s, "toUpperCase"));
    prints("hello, world", on(s, "toLowerCase"));
    prints("Hello", on(s, "subString", 0L, 5L));
    prints("World", on(s, "subString", 7L));
    prints("4", on(s, "indexOf", "o"));
    prints("8", on(s, "lastIndexOf", "o"));
    prints("true", on(s, "contains", "World"));
    prints("true", on(s, "startsWith", "Hell"));
    prints("false", on(s, "endsWith", "x"));
    prints("Hell0, W0rld", on(s, "replaceAll", "o", "0"));
    prints("Hello", on(s, "getPrefix", ","));
    prints("World", on(s, "getSuffix", ", "));
    prints("pad", on("  pad  ", "trim"));
    prints("a,b,c", on("a-b-c", "toList", "-"));
    prints("dlroW ,olleH", on(s, "reverse"));
    prints("true", on("abc", "equalsIgnoreCase", "ABC"));
    prints("Hel", on(s, "left", 3L));
    prints("rld", on(s, "right", 3L));
    prints("Zoho CRM", on("Zoho", "concat", " CRM"));
    prints("3", on(s, "getOccurenceCount", "l"));
    prints("Hello World", on("hello world", "proper"));
    prints("Heo, Word", on(s, "remove", "l"));
    prints("", on(s, "getPrefix", "#"));
    prints("true", call("isNull", on(s, "getPrefix", "#")));
    prints("true", on(s, "notContains", "xyz"));
    prints("4", call("len", "four"));
    prints("FN FORM", call("toUpperCase", "fn form"));
  }

  @Test
  void c03Lists() {
    DelugeCollection l = DelugeCollection.newList();
    on(l, "add", "b");
    on(l, "add", "a");
    on(l, "add", "c");
    prints("b,a,c", l);
    prints("3", on(l, "size"));
    prints("b", on(l, "get", 0L));
    prints("true", on(l, "contains", "a"));
    prints("2", on(l, "indexOf", "c"));
    prints("false", on(l, "isEmpty"));
    DelugeCollection nums = list(5, 3, 9, 1);
    prints("1,3,5,9", on(nums, "sort"));
    prints("1,3,5,9", nums);
    prints("9,5,3,1", on(nums, "sort", false));
    prints("9", on(nums, "get", 0L));
    prints("9", on(nums, "remove", 0L));
    prints("5,3,1", nums);
    DelugeCollection more = list(1, 2, 2, 3, 3, 3);
    prints("1,2,3", on(more, "distinct"));
    prints("6", on(more, "size"));
    prints("2,2", on(more, "subList", 1L, 3L));
    DelugeCollection all = DelugeCollection.newList();
    on(all, "addAll", list(1, 2));
    on(all, "addAll", list(3));
    prints("1,2,3", all);
    prints("3", on(all, "largest"));
    prints("1", on(all, "smallest"));
    prints("2.5", on(list(1, 5, 2, 3), "median"));
    prints("RED,GREEN,BLUE", list(on("red", "toUpperCase"), on("green", "toUpperCase"), on("blue", "toUpperCase")));
  }

  @Test
  void c04Maps() {
    DelugeCollection m = DelugeCollection.newMap();
    on(m, "put", "name", "Ada");
    on(m, "put", "age", 36L);
    on(m, "put", "tags", list("math", "code"));
    prints("{\"name\":\"Ada\",\"age\":36,\"tags\":[\"math\",\"code\"]}", m);
    prints("Ada", on(m, "get", "name"));
    prints("", on(m, "get", "missing"));
    prints("name,age,tags", on(m, "keys"));
    prints("true", on(m, "containKey", "age"));
    prints("true", on(m, "containValue", "Ada"));
    prints("3", on(m, "size"));
    on(m, "put", "age", 37L);
    prints("{\"name\":\"Ada\",\"age\":37,\"tags\":[\"math\",\"code\"]}", m);
    on(m, "remove", "tags");
    prints("{\"name\":\"Ada\",\"age\":37}", m);
    DelugeCollection lit = map("a", 1, "b", map("c", true));
    prints("true", on(on(lit, "get", "b"), "get", "c"));
    DelugeCollection copy = DelugeCollection.newMap();
    on(copy, "putAll", lit);
    on(copy, "put", "d", null);
    prints("{\"a\":1,\"b\":{\"c\":true},\"d\":null}", copy);
    prints("false", on(copy, "isEmpty"));
  }

  @Test
  void c07Json() {
    String text = "{\"id\": 42, \"name\": \"Widget\", \"price\": 9.5, \"tags\": [\"a\", \"b\"], "
        + "\"owner\": {\"email\": \"x@example.com\"}, \"gone\": null}";
    Object m = on(text, "toMap");
    prints("43", Ops.add(on(m, "get", "id"), 1L));
    prints("19", Ops.multiply(on(m, "get", "price"), 2L));
    prints("a,b", on(m, "get", "tags"));
    prints("2", on(on(m, "get", "tags"), "size"));
    prints("x@example.com", on(on(m, "get", "owner"), "get", "email"));
    prints("Widget", on(text, "getJSON", "name"));
    prints("x@example.com", on(on(m, "getJSON", "owner"), "getJSON", "email"));
    prints("true", call("isNull", on(m, "get", "gone")));
    Object rows = on("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]", "toJSONList");
    Object sum = 0L;
    for (Object row : ((DelugeCollection) rows).list()) {
      sum = Ops.add(sum, on(on(row, "toMap"), "get", "n"));
    }
    prints("6", sum);
    DelugeCollection out = DelugeCollection.newMap();
    on(out, "put", "ok", true);
    on(out, "put", "items", list(1, 2.5, "three"));
    prints("{\"ok\":true,\"items\":[1,2.5,\"three\"]}", on(out, "toString"));
    prints("Creator", on(on("{company: Zoho, product: 'Creator'}", "toMap"), "get", "product"));
  }

  @Test
  void c08Dates() {
    Object d = date("15-Mar-2019");
    prints("15-Mar-2019", d);
    prints("6", on(d, "weekday"));
    Object dt = date("01-Jan-2019 15:00:00");
    prints("01-Jan-2019 15:00:00", dt);
    prints("10-Feb-2019 15:00:00", on(dt, "addDay", 40L));
    prints("2019", on(dt, "getYear"));
    prints("1", on(dt, "getMonth"));
    prints("1", on(dt, "getDay"));
    prints("15", on(dt, "getHour"));
    prints("2019-01-01T15:00:00", on(dt, "toString", "yyyy-MM-dd'T'HH:mm:ss"));
    prints("01/02/2019", on(on(dt, "addMonth", 1L), "toString", "dd/MM/yyyy"));
    prints("29-Feb-2020", on(date("31-Jan-2020"), "addMonth", 1L));
    prints("30", call("daysBetween", date("01-Jan-2020"), date("31-Jan-2020")));
    prints("29-Feb-2020", on(date("2020-02-28"), "addDay", 1L));
    prints("true", Ops.compare(">", on(d, "addDay", 1L), d) > 0);
    prints("31-Dec-2018 15:00:00", on(dt, "subDay", 1L));
  }

  @Test
  void c10NullEmpty() {
    prints("true", call("isNull", (Object) null));
    prints("true", call("isNull", ""));
    prints("false", call("isNull", " "));
    prints("false", call("isNull", 0L));
    prints("true", on("", "isEmpty"));
    prints("false", on(" ", "isEmpty"));
    prints("true", call("isBlank", " "));
    prints("true", call("isBlank", DelugeCollection.newEmpty()));
    prints("true", on(DelugeCollection.newList(), "isEmpty"));
    prints("true", on(DelugeCollection.newMap(), "isEmpty"));
  }

  @Test
  void c11EmptyCollection() {
    DelugeCollection c = DelugeCollection.newEmpty();
    prints("true", on(c, "isEmpty"));
    prints("{}", c);
    on(c, "put", "k", "v");
    prints("{\"k\":\"v\"}", c);
    DelugeCollection d = DelugeCollection.newEmpty();
    on(d, "add", 1L);
    on(d, "add", 2L);
    prints("1,2", d);
    prints("2", on(d, "size"));
  }

  @Test
  void c12Encoding() {
    prints("a+b%26c%3Dd", call("encodeUrl", "a b&c=d"));
    prints("a%20b", call("zoho.encryption.urlEncode", "a b"));
    prints("aGVsbG8=", call("zoho.encryption.base64Encode", "hello"));
    prints("hello", call("zoho.encryption.base64Decode", "aGVsbG8="));
  }

  @Test
  void c14ToLongOfNonNumericTextFails() {
    fails("toLong: cannot convert TEXT \"12ab\" to NUMBER", () -> on("12ab", "toLong"));
  }

  @Test
  void sampleLines() {
    prints("Ada Lovelace", on(on("aDA LOVELACE", "toLowerCase"), "proper"));
    prints("aDA LOVELACE", on(on("  aDA    LOVELACE ", "trim"), "replaceAll", " +", " "));
    prints("Ada Lovelace", on(on("ada.lovelace", "replaceAll", "[.]", " "), "proper"));
    prints("5551234567", on("(555) 123-4567", "replaceAll", "[^0-9]", ""));
    prints("53.97", call("round", Ops.subtract(dec("59.97"), dec("5.997")), 2L));
    prints("27-Feb-2024", on(date("28-Jan-2024"), "addDay", 30L));
    prints("2024-02-27", on(date("27-Feb-2024"), "toString", "yyyy-MM-dd"));
    prints("3", on(date("27-Feb-2024"), "weekday"));
    prints("28-Feb-2023", on(date("31-Jan-2023"), "addMonth", 1L));
    prints("60", call("daysBetween", date("01-Jan-2024"), date("01-Mar-2024")));
    prints("-60", call("daysBetween", date("01-Mar-2024"), date("01-Jan-2024")));
    prints("08-Mar-2024 14:30:00", date("2024-03-08 14:30:00"));
    prints("08/03/2024 14:30", on(date("2024-03-08 14:30:00"), "toString", "dd/MM/yyyy HH:mm"));
    prints("Closed Lost,Closed Won,Negotiation",
        on(on(list("Closed Won", "Negotiation", "Closed Won", "Closed Lost"), "distinct"), "sort"));
  }

  private static java.math.BigDecimal dec(String s) {
    return new java.math.BigDecimal(s);
  }
}
