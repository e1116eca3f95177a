package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.map;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DelugeCollection;
import org.junit.jupiter.api.Test;

/** Map functions (DELUGE-FACTS 5.4), the undecided {@code {}} (DECISIONS §5) and Collection functions (5.5). */
class MapCollectionTest {
  @Test
  void putKeepsPositionOfExistingKey() {
    DelugeCollection m = DelugeCollection.newMap();
    on(m, "put", "Creator", 4L);
    on(m, "put", "CRM", 3L);
    on(m, "put", "Creator", 5L);
    prints("{\"Creator\":5,\"CRM\":3}", m);
    assertNull(on(m, "get", "creator"));
    prints("5", on(m, "remove", "Creator"));
    assertNull(on(m, "remove", "Creator"));
    prints("3", on(m, "values"));
    prints("true", on(m, "containsKey", "CRM"));
    prints("true", on(m, "containsValue", new java.math.BigDecimal("3.0")));
    prints("false", on(m, "containKey", "crm"));
  }

  @Test
  void keysOfAnyType() {
    DelugeCollection m = map(1, "Number", "a", "Alphabet");
    prints("Number", on(m, "get", 1L));
    prints("1,a", on(m, "keys"));
    prints("{\"1\":\"Number\",\"a\":\"Alphabet\"}", m);
  }

  @Test
  void undecidedCollectionReadsAsEmptyUntilUsed() {
    DelugeCollection c = DelugeCollection.newEmpty();
    assertNull(on(c, "get", "x"));
    assertNull(on(c, "remove", "x"));
    prints("0", on(c, "size"));
    prints("", on(c, "keys"));
    prints("false", on(c, "contains", 1L));
    prints("true", call("isEmpty", c));
    assertTrue(c.isUndecided());
    on(c, "putAll", map("a", 1));
    assertTrue(c.isMap());
    DelugeCollection l = DelugeCollection.newEmpty();
    on(l, "addAll", list(1));
    assertTrue(l.isList());
    fails("put() cannot be called on LIST", () -> on(l, "put", "k", 1L));
  }

  @Test
  void collectionFunctions() {
    DelugeCollection c = DelugeCollection.newEmpty();
    on(c, "insert", "Creator", "CRM", "Books");
    prints("Creator,CRM,Books", c);
    prints("Creator", on(c, "duplicate", 0L, 1L));
    prints("Creator,CRM,Books", on(c, "duplicate"));
    fails("duplicate: end 9 is beyond the end of the LIST", () -> on(c, "duplicate", 0L, 9L));
    prints("1", on(c, "getKey", "CRM"));
    prints("2", on(c, "getLastKey", "Books"));
    prints("-1", on(c, "getKey", "Mail"));
    on(c, "update", 0L, "Cliq");
    prints("Cliq,CRM,Books", c);
    on(c, "delete", "CRM");
    prints("Cliq,Books", c);
    on(c, "insertAll", list("A", "B"));
    on(c, "deleteAll", list("A", "Cliq"));
    prints("Books,B", c);
    prints("Books,B", on(c, "keys"));
    prints("Books,B", on(c, "values"));
    prints("true", on(c, "containsValue", "B"));

    DelugeCollection kv = DelugeCollection.newEmpty();
    on(kv, "insert", map("b", 2), map("a", 1));
    prints("{\"b\":2,\"a\":1}", kv);
    prints("a", on(kv, "getKey", 1L));
    prints("a", on(kv, "getLastKey", 1L));
    assertNull(on(kv, "getLastKey", 9L));
    prints("{\"a\":1,\"b\":2}", on(kv, "sortKey"));
    prints("{\"b\":2,\"a\":1}", on(kv, "sortKey", false));
    on(kv, "update", "a", 10L);
    on(kv, "deleteKey", "b");
    prints("{\"a\":10}", kv);
    on(kv, "insertAll", map("x", 1, "y", 2, "z", 3));
    on(kv, "deleteKeys", "x", "z");
    prints("{\"a\":10,\"y\":2}", kv);
    on(kv, "delete", 2L);
    prints("{\"a\":10}", kv);
    fails("insert: a key-value collection takes key : value pairs", () -> on(kv, "insert", "oops"));
    on(kv, "clear");
    prints("{}", kv);
  }

  @Test
  void numberKeysMatchByValueAndDatesGetMidnight() {
    DelugeCollection m = map(1, "one");
    prints("one", on(m, "get", new java.math.BigDecimal("1.0")));
    prints("true", on(m, "containKey", new java.math.BigDecimal("1.00")));
    on(m, "put", new java.math.BigDecimal("1.0"), "uno");
    prints("{\"1\":\"uno\"}", m);
    prints("false", on(m, "contains", "1"));
    prints("true", on(m, "notContains", "one"));
    DelugeCollection d = DelugeCollection.newMap();
    on(d, "put", "due", Fixture.date("15-Mar-2024"));
    prints("15-Mar-2024 00:00:00", on(d, "get", "due"));
  }

  @Test
  void keyValueCollectionsSortAndDistinctByValue() {
    DelugeCollection kv = map("Creator", 5, "CRM", 2, "Mail", 5);
    prints("5,2", on(kv, "distinct"));
    prints("{\"CRM\":2,\"Creator\":5,\"Mail\":5}", on(kv, "sort"));
    assertNull(on(map("a", 1, "b", "x"), "sort"));
    DelugeCollection l = list("a", "b");
    prints("true", on(l, "containsKey", 1L));
    prints("false", on(l, "containsKey", 2L));
    fails("deleteKey: index 2 is out of range", () -> on(l, "deleteKey", 2L));
    fails("insertAll: a list collection takes a LIST of elements", () -> on(l, "insertAll", map("k", 1)));
  }
}
