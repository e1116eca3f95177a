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
    fails("duplicate: end 9 is out of range", () -> on(c, "duplicate", 0L, 9L));
    prints("1", on(c, "getKey", "CRM"));
    prints("2", on(c, "getLastKey"));
    on(c, "update", 0L, "Cliq");
    prints("Cliq,CRM,Books", c);
    on(c, "delete", "CRM");
    prints("Cliq,Books", c);
    on(c, "insertAll", list("A", "B"));
    on(c, "deleteAll", list("A", "Cliq"));
    prints("Books,B", c);
    prints("0,1", on(c, "keys"));
    prints("Books,B", on(c, "values"));
    prints("true", on(c, "containsValue", "B"));

    DelugeCollection kv = DelugeCollection.newEmpty();
    on(kv, "insert", map("b", 2), map("a", 1));
    prints("{\"b\":2,\"a\":1}", kv);
    prints("a", on(kv, "getKey", 1L));
    prints("a", on(kv, "getLastKey"));
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
    fails("insert: a key-value collection needs key : value pairs", () -> on(kv, "insert", "oops"));
    on(kv, "clear");
    prints("{}", kv);
  }
}
