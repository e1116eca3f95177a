package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.date;
import static dev.freshet.builtins.Fixture.dec;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.listWithNulls;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import org.junit.jupiter.api.Test;

/** List functions (DELUGE-FACTS 5.3, DECISIONS §17) and list aggregates (5.2). */
class ListLibTest {
  @Test
  void getAndRemoveCheckTheIndex() {
    DelugeCollection l = list("Creator", "CRM", "Projects");
    fails("get: index 3 is out of range for a LIST of size 3 (indexes go from 0 to 2)", () -> on(l, "get", 3L));
    fails("get: index -1 is out of range", () -> on(l, "get", -1L));
    prints("CRM", on(l, "remove", 1L));
    prints("Creator,Projects", l);
    fails("remove: index 5 is out of range", () -> on(l, "remove", 5L));
    fails("get: index 0 is out of range for a LIST of size 0", () -> on(DelugeCollection.newList(), "get", 0L));
  }

  @Test
  void membershipComparesNumbersByValue() {
    DelugeCollection l = list(1, 2.5, "3");
    prints("true", on(l, "contains", dec("1.0")));
    prints("false", on(l, "contains", 3L));
    prints("true", on(l, "notContains", 3L));
    prints("1", on(l, "indexOf", dec("2.50")));
    prints("3", on(list(1, 2, 1, 2), "lastIndexOf", 2L));
    prints("-1", on(l, "indexOf", "x"));
  }

  @Test
  void removeElementAndRemoveAll() {
    DelugeCollection l = list(1, 2, 3, 2);
    on(l, "removeElement", 2L);
    prints("1,3,2", l);
    on(l, "removeElement", 9L);
    prints("1,3,2", l);
    DelugeCollection m = list("a", "b", "c", "a");
    on(m, "removeAll", list("a", "c"));
    prints("b", m);
    DelugeCollection all = list(1, 2);
    on(all, "addAll", all);
    prints("1,2,1,2", all);
    on(all, "clear");
    prints("true", on(all, "isEmpty"));
  }

  @Test
  void copiesAreNewLists() {
    DelugeCollection l = list(3, 1, 3, 2);
    DelugeCollection d = (DelugeCollection) on(l, "distinct");
    assertNotSame(l, d);
    prints("3,1,2", d);
    prints("1,2", on(list(1, 1.0, 2.0), "distinct"));
    prints("3,1", on(l, "intersect", list(1, 3, 9)));
    prints("3,1,3,2", l);
    prints("1,3", on(l, "subList", 1L, 3L));
    prints("1,3,2", on(l, "subList", 1L));
    prints("", on(l, "subList", 4L));
    fails("subList: end 5 is beyond the end of the LIST (size 4)", () -> on(l, "subList", 0L, 5L));
    fails("subList: end 1 is before start 2", () -> on(l, "subList", 2L, 1L));
    DelugeCollection copy = (DelugeCollection) on(l, "toList");
    assertNotSame(l, copy);
    prints("3,1,3,2", copy);
  }

  @Test
  void sortIsInPlaceAndReturnsTheList() {
    DelugeCollection words = list("Creator", "crm", "Zoho Creator");
    assertSame(words, on(words, "sort"));
    prints("Creator,Zoho Creator,crm", words);
    prints("crm,Zoho Creator,Creator", on(words, "sort", false));
    prints("1,2.5,10", on(list(10, 2.5, 1), "sort"));
    prints("01-Jan-2019,15-Mar-2019", on(list(date("15-Mar-2019"), date("01-Jan-2019")), "sort"));
    DelugeCollection mixed = list(1, "a");
    assertNull(on(mixed, "sort"));
    prints("1,a", mixed);
    prints(",1,2", on(listWithNulls(2L, null, 1L), "sort"));
    prints("false,true", on(list(true, false), "sort"));
  }

  @Test
  void aggregates() {
    DelugeCollection l = list(1, 5, 2, 3);
    prints("5", on(l, "largest"));
    assertEquals(Type.NUMBER, Values.typeOf(on(l, "largest")));
    prints("1", on(l, "smallest"));
    prints("2.75", on(l, "average"));
    prints("2.5", on(l, "median"));
    prints("2", on(list(3, 1, 2), "median"));
    prints("5", on(l, "nthLargest", 1L));
    prints("3", on(l, "nthLargest", 2L));
    prints("2", on(l, "nthSmallest", 2L));
    prints("5", on(list(5, 5, 3), "nthLargest", 2L));
    prints("7", on(listWithNulls("5", 7L, null), "largest"));
    fails("nthLargest: n must be between 1 and 4", () -> on(l, "nthLargest", 0L));
    fails("largest: element 1 is TEXT \"x\", not a number", () -> on(list(1, "x"), "largest"));
    assertNull(on(DelugeCollection.newList(), "largest"));
    assertNull(on(DelugeCollection.newList(), "average"));
    prints("15-Mar-2019", on(list(date("15-Mar-2019"), date("01-Jan-2019")), "largest"));
    prints("0.3333333333333333", call("average", list(0, 0, 1)));
  }

  @Test
  void typedListsConvertOrReject() {
    DelugeCollection typed = DelugeCollection.newList(Type.NUMBER);
    on(typed, "add", "5");
    prints("5", typed);
    fails("cannot add TEXT to a List:Int", () -> on(typed, "add", "x"));
    DelugeCollection copy = (DelugeCollection) on(typed, "distinct");
    assertEquals(Type.NUMBER, copy.elementType());
  }

  @Test
  void typedListsCheckRemoveElementAndAddAllAtomically() {
    DelugeCollection text = DelugeCollection.newList(Type.TEXT);
    on(text, "add", "5");
    fails("removeElement: a List:String cannot hold NUMBER 5", () -> on(text, "removeElement", 5L));
    DelugeCollection ints = DelugeCollection.newList(Type.NUMBER);
    fails("addAll: cannot add TEXT to a List:Int", () -> on(ints, "addAll", list(1, "x")));
    prints("", ints);
    fails("remove: the index must be a whole NUMBER, got TEXT \"a\"", () -> on(list("a"), "remove", "a"));
  }
}
