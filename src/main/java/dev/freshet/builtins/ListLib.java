package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.flag;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Coercions;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LIST functions (DELUGE-FACTS 5.3, DECISIONS §17): add / remove / sort change the list in place; distinct,
 * subList and intersect return new lists. Indexes are 0-based; an index outside the list is a runtime error.
 */
final class ListLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("add", "Appends the value to the end of the list").param("list", LIST).param("value", ANY).returns("void")
        .impl((env, a) -> {
          add("add", (DelugeCollection) a[0], a[1]);
          return null;
        });
    r.fn("addAll", "Appends every element of another list, in order").param("list", LIST).param("values", LIST)
        .returns("void").impl((env, a) -> {
          DelugeCollection target = (DelugeCollection) a[0];
          target.list();
          if (a[1] != null) {
            addAll("addAll", target, items(a[1]));
          }
          return null;
        });
    r.fn("get", "The element at a 0-based index; an index outside the list is an error").param("list", LIST)
        .param("index", NUMBER).returns("any").impl((env, a) -> items(a[0]).get(index("get", a[0], number(a, 1))));
    r.fn("remove", "Removes the element at a 0-based index and returns it (removeElement removes by value)")
        .param("list", LIST).param("index", ANY).returns("any")
        .impl((env, a) -> list(a[0]).remove(indexArg("remove", a[0], a[1])));
    r.fn("removeElement", "Removes the first element equal to the value (nothing when absent)").param("list", LIST)
        .param("value", ANY).returns("void").impl((env, a) -> {
          checkElementType("removeElement", (DelugeCollection) a[0], a[1]);
          int i = Args.indexOf(items(a[0]), a[1]);
          if (i >= 0) {
            list(a[0]).remove(i);
          }
          return null;
        });
    r.fn("removeAll", "Removes every element that equals an element of the other list").param("list", LIST)
        .param("values", LIST).returns("void").impl((env, a) -> {
          Set<Object> drop = keys(a[1] == null ? List.of() : items(a[1]));
          if (!((DelugeCollection) a[0]).isUndecided()) {
            list(a[0]).removeIf(v -> drop.contains(Args.equalityKey(v)));
          }
          return null;
        });
    r.fn("contains", "Whether the list has an element equal to the value").param("list", LIST).param("value", ANY)
        .returns("BOOLEAN").impl((env, a) -> Args.indexOf(items(a[0]), a[1]) >= 0);
    r.fn("notContains", "Whether the list has no element equal to the value").param("list", LIST)
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> Args.indexOf(items(a[0]), a[1]) < 0);
    r.fn("indexOf", "0-based position of the first element equal to the value, or -1").param("list", LIST)
        .param("value", ANY).returns("NUMBER").impl((env, a) -> (long) Args.indexOf(items(a[0]), a[1]));
    r.fn("lastIndexOf", "0-based position of the last element equal to the value, or -1").param("list", LIST)
        .param("value", ANY).returns("NUMBER").impl((env, a) -> (long) lastIndexOf(items(a[0]), a[1]));
    registerCopies(r);
  }

  private void registerCopies(BuiltinRegistry r) {
    r.fn("distinct", "A new list without repeated elements, keeping first occurrences in order")
        .param("list", LIST).returns("LIST").impl((env, a) -> Args.listLike(a[0], distinct(items(a[0]))));
    r.fn("intersect", "A new list of the (distinct) elements that are also in the other list").param("list", LIST)
        .param("other", LIST).returns("LIST").impl((env, a) -> {
          Set<Object> other = keys(a[1] == null ? List.of() : items(a[1]));
          List<Object> common = new ArrayList<>();
          for (Object v : distinct(items(a[0]))) {
            if (other.contains(Args.equalityKey(v))) {
              common.add(v);
            }
          }
          return Args.listLike(a[0], common);
        });
    r.fn("subList", "A new list of the elements from start (inclusive) to end (exclusive, default: the end)")
        .param("list", LIST).param("start", NUMBER).optional("end", NUMBER).returns("LIST").impl((env, a) -> {
          List<Object> items = items(a[0]);
          long end = has(a, 2) ? number(a, 2) : items.size();
          range("subList", items.size(), number(a, 1), end);
          return Args.listLike(a[0], new ArrayList<>(items.subList((int) number(a, 1), (int) end)));
        });
    r.fn("sort", "Sorts the list in place (ascending unless false is given) and returns it; null when the "
        + "elements are of different types").param("list", LIST).optional("ascending", BOOLEAN).returns("LIST")
        .impl((env, a) -> sort((DelugeCollection) a[0], flag(a, 1, true)));
    r.fn("toList", "A new list with the same elements").param("list", LIST).returns("LIST")
        .impl((env, a) -> Args.listLike(a[0], new ArrayList<>(items(a[0]))));
  }

  /** The list to change; an undecided {@code {}} becomes a list here. */
  static List<Object> list(Object v) {
    return ((DelugeCollection) v).list();
  }

  /** Appends, naming the function when a typed list rejects the value. */
  static void add(String fn, DelugeCollection list, Object value) {
    try {
      list.add(value);
    } catch (ScriptError e) {
      throw error(fn, e.getMessage());
    }
  }

  /** Appends all or nothing: a typed list checks (and converts) every value before the first is added. */
  static void addAll(String fn, DelugeCollection list, List<Object> values) {
    DelugeCollection checked = list.elementType() == null ? DelugeCollection.newList()
        : DelugeCollection.newList(list.elementType());
    for (Object v : new ArrayList<>(values)) {
      add(fn, checked, v);
    }
    list.list().addAll(checked.list());
  }

  /**
   * A typed list ({@code List:Int()}) only holds its element type, so looking for a value of another type is a
   * mistake Zoho reports (removeElement page). A NUMBER may be looked for in a DECIMAL list.
   */
  static void checkElementType(String fn, DelugeCollection list, Object value) {
    Type want = list.elementType();
    Type got = Values.typeOf(value);
    if (want == null || value == null || got == want || (want == Type.DECIMAL && got == Type.NUMBER)) {
      return;
    }
    throw error(fn, "a " + typedName(want) + " cannot hold " + Args.describe(value));
  }

  /** How a typed list is written in a script: {@code List:Int}. */
  static String typedName(Type t) {
    return "List:" + dev.freshet.runtime.Values.typeName(t);
  }

  /** An index argument: a whole NUMBER inside the list (or a value Deluge converts to one: "0", 2.0). */
  static int indexArg(String fn, Object list, Object i) {
    Long n = Coercions.toNumber(i);
    if (n != null) {
      return index(fn, list, n);
    }
    throw error(fn, "the index must be a whole NUMBER, got " + Args.describe(i)
        + (fn.equals("remove") ? " (removeElement removes an element by value)" : ""));
  }

  static int index(String fn, Object list, long i) {
    int size = ((DelugeCollection) list).size();
    if (i < 0 || i >= size) {
      throw error(fn, "index " + i + " is out of range for a LIST of size " + size
          + (size == 0 ? "" : " (indexes go from 0 to " + (size - 1) + ")"));
    }
    return (int) i;
  }

  static void range(String fn, int size, long start, long end) {
    if (start < 0 || start > size) {
      throw error(fn, "start " + start + " is out of range for a LIST of size " + size + " (0 to " + size + ")");
    }
    if (end > size) {
      throw error(fn, "end " + end + " is beyond the end of the LIST (size " + size + ")");
    }
    if (end < start) {
      throw error(fn, "end " + end + " is before start " + start);
    }
  }

  private static int lastIndexOf(List<Object> items, Object value) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (Values.same(items.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  static List<Object> distinct(List<Object> items) {
    Set<Object> seen = new HashSet<>();
    List<Object> out = new ArrayList<>();
    for (Object v : items) {
      if (seen.add(Args.equalityKey(v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static Set<Object> keys(List<Object> items) {
    Set<Object> keys = new LinkedHashSet<>();
    for (Object v : items) {
      keys.add(Args.equalityKey(v));
    }
    return keys;
  }

  /** Sorts in place; nulls go first. Mixed element types (other than NUMBER with DECIMAL) give null. */
  static DelugeCollection sort(DelugeCollection c, boolean ascending) {
    if (c.isUndecided()) {
      return c;
    }
    Comparator<Object> order = comparator(c.list());
    if (order == null) {
      return null;
    }
    c.list().sort(ascending ? order : order.reversed());
    return c;
  }

  /** A comparator for the elements' common type, or null when they have none. */
  static Comparator<Object> comparator(List<Object> items) {
    Class<?> kind = null;
    for (Object v : items) {
      if (v == null) {
        continue;
      }
      Class<?> k = Values.isNumeric(v) ? Number.class : v.getClass();
      if (kind != null && kind != k) {
        return null;
      }
      kind = k;
    }
    Comparator<Object> order;
    if (kind == null || kind == Number.class) {
      order = (x, y) -> Values.toBigDecimal(x).compareTo(Values.toBigDecimal(y));
    } else if (kind == String.class) {
      order = (x, y) -> ((String) x).compareTo((String) y);
    } else if (kind == DateTime.class) {
      order = (x, y) -> ((DateTime) x).compareTo((DateTime) y);
    } else if (kind == Boolean.class) {
      order = (x, y) -> Boolean.compare((Boolean) x, (Boolean) y);
    } else {
      return null;
    }
    return Comparator.nullsFirst(order);
  }
}
