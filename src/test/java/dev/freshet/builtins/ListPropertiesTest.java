package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the list and map functions over a few thousand generated lists (a seeded {@link Random}, so a
 * failure repeats). Each property is checked against a plain Java model, never against the function itself.
 */
class ListPropertiesTest {
  private static final int RUNS = 2000;
  /** Symbols, digits, capitals, [ ] ^ _ `, small letters, { | } ~ and a few non-ASCII letters (Zoho's sort note). */
  private static final String CHARS = "!\"#$%&'()*+,-./0123456789:;<=>?@AZaz[]^_`{|}~ éÉßж";

  private final Random random = new Random(20240308L);

  @Test
  void sortIsAnOrderedPermutation() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = run % 2 == 0 ? texts() : numbers();
      DelugeCollection sorted = (DelugeCollection) on(copy(items), "sort");
      assertEquals(counts(items), counts(sorted.list()), "sort must keep every element: " + items);
      for (int i = 1; i < sorted.size(); i++) {
        assertTrue(compare(sorted.list().get(i - 1), sorted.list().get(i)) <= 0, "out of order: " + sorted);
      }
    }
  }

  @Test
  void sortFalseIsTheReverseOrder() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = run % 2 == 0 ? texts() : numbers();
      List<Object> up = new ArrayList<>(((DelugeCollection) on(copy(items), "sort", true)).list());
      List<Object> down = ((DelugeCollection) on(copy(items), "sort", false)).list();
      Collections.reverse(up);
      assertSameValues(up, down);
    }
  }

  @Test
  void distinctKeepsFirstOccurrencesInOrder() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = run % 2 == 0 ? texts() : numbers();
      List<Object> expected = new ArrayList<>();
      for (Object v : items) {
        if (expected.stream().noneMatch(e -> Values.same(e, v))) {
          expected.add(v);
        }
      }
      List<Object> got = ((DelugeCollection) on(copy(items), "distinct")).list();
      assertEquals(expected.size(), got.size(), "distinct of " + items);
      for (int i = 0; i < got.size(); i++) {
        assertSame(expected.get(i), got.get(i), "distinct must keep the first occurrence: " + items);
        for (int j = 0; j < i; j++) {
          assertFalse(Values.same(got.get(i), got.get(j)), "repeat in " + got);
        }
      }
    }
  }

  @Test
  void subListHasEndMinusStartElements() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = texts();
      long start = random.nextInt(items.size() + 1);
      long end = start + random.nextInt(items.size() - (int) start + 1);
      DelugeCollection part = (DelugeCollection) on(copy(items), "subList", start, end);
      assertEquals(end - start, (long) part.size());
      assertEquals(items.subList((int) start, (int) end), part.list());
    }
  }

  @Test
  void indexOfAndContainsAgree() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = run % 2 == 0 ? texts() : numbers();
      Object probe = !items.isEmpty() && random.nextBoolean() ? items.get(random.nextInt(items.size()))
          : (run % 2 == 0 ? text() : number());
      DelugeCollection list = copy(items);
      long first = (Long) on(list, "indexOf", probe);
      long last = (Long) on(list, "lastIndexOf", probe);
      assertEquals(first >= 0, on(list, "contains", probe));
      assertEquals(first < 0, on(list, "notContains", probe));
      assertEquals(modelIndexOf(items, probe), first);
      assertTrue(last >= first && (last < 0) == (first < 0));
      if (last >= 0) {
        assertTrue(Values.same(items.get((int) last), probe));
        for (int i = (int) last + 1; i < items.size(); i++) {
          assertFalse(Values.same(items.get(i), probe));
        }
      }
    }
  }

  @Test
  void addAllAddsTheOtherListsSize() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> a = texts();
      List<Object> b = numbers();
      DelugeCollection list = copy(a);
      on(list, "addAll", copy(b));
      assertEquals(a.size() + b.size(), list.size());
      assertEquals(a, list.list().subList(0, a.size()));
      assertEquals(b, list.list().subList(a.size(), list.size()));
    }
  }

  @Test
  void removeReturnsTheElementAndShrinksByOne() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = numbers();
      if (items.isEmpty()) {
        continue;
      }
      DelugeCollection list = copy(items);
      long i = random.nextInt(items.size());
      Object expected = on(list, "get", i);
      assertSame(expected, on(list, "remove", i));
      assertEquals(items.size() - 1, list.size());
      List<Object> rest = new ArrayList<>(items);
      rest.remove((int) i);
      assertEquals(rest, list.list());
    }
  }

  @Test
  void mapPutGetRoundTripsAndKeysKeepInsertionOrder() {
    for (int run = 0; run < RUNS; run++) {
      DelugeCollection map = DelugeCollection.newMap();
      Map<Object, Object> model = new LinkedHashMap<>();
      int puts = random.nextInt(12);
      for (int p = 0; p < puts; p++) {
        // Few distinct keys, so that keys repeat; text and NUMBER keys never collide ("1" is not 1).
        Object key = random.nextBoolean() ? String.valueOf((char) ('a' + random.nextInt(5)))
            : (Object) (long) random.nextInt(5);
        Object value = random.nextBoolean() ? text() : number();
        on(map, "put", key, value);
        model.put(key, value);
        assertSame(value, on(map, "get", key));
      }
      assertEquals(new ArrayList<>(model.keySet()), ((DelugeCollection) on(map, "keys")).list());
      assertEquals(new ArrayList<>(model.values()), ((DelugeCollection) on(map, "values")).list());
      assertEquals((long) model.size(), on(map, "size"));
    }
  }

  @Test
  void medianAndAverageLieBetweenSmallestAndLargest() {
    for (int run = 0; run < RUNS; run++) {
      List<Object> items = numbers();
      if (items.isEmpty()) {
        continue;
      }
      DelugeCollection list = copy(items);
      BigDecimal smallest = Values.toBigDecimal(on(list, "smallest"));
      BigDecimal largest = Values.toBigDecimal(on(list, "largest"));
      BigDecimal median = Values.toBigDecimal(on(list, "median"));
      BigDecimal average = Values.toBigDecimal(on(list, "average"));
      assertTrue(smallest.compareTo(median) <= 0 && median.compareTo(largest) <= 0, "median of " + items);
      assertTrue(smallest.compareTo(average) <= 0 && average.compareTo(largest) <= 0, "average of " + items);
      assertTrue(Values.same(on(list, "nthSmallest", 1L), on(list, "smallest")));
      assertTrue(Values.same(on(list, "nthLargest", 1L), on(list, "largest")));
      assertEquals(items, list.list(), "aggregates must not change the list");
    }
  }

  // ---- generators and the model ----

  private List<Object> texts() {
    List<Object> out = new ArrayList<>();
    int n = random.nextInt(15);
    for (int i = 0; i < n; i++) {
      out.add(!out.isEmpty() && random.nextInt(4) == 0 ? out.get(random.nextInt(out.size())) : text());
    }
    return out;
  }

  private String text() {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      s.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return s.toString();
  }

  /** NUMBERs and DECIMALs mixed, with repeats and equal values of both types (2 and 2.0). */
  private List<Object> numbers() {
    List<Object> out = new ArrayList<>();
    int n = random.nextInt(15);
    for (int i = 0; i < n; i++) {
      out.add(!out.isEmpty() && random.nextInt(4) == 0 ? out.get(random.nextInt(out.size())) : number());
    }
    return out;
  }

  private Object number() {
    long whole = random.nextInt(21) - 10;
    return switch (random.nextInt(3)) {
      case 0 -> whole;
      case 1 -> BigDecimal.valueOf(whole).setScale(1);
      default -> BigDecimal.valueOf(random.nextInt(2001) - 1000, 2);
    };
  }

  private static DelugeCollection copy(List<Object> items) {
    return DelugeCollection.listOf(new ArrayList<>(items));
  }

  /** The order the sort must give: text by character code, numbers by value. */
  private static int compare(Object a, Object b) {
    return a instanceof String x ? x.compareTo((String) b) : Values.toBigDecimal(a).compareTo(Values.toBigDecimal(b));
  }

  /** How often each exact value occurs (2 and 2.0 count apart: a permutation moves values, it never changes them). */
  private static Map<Object, Integer> counts(List<Object> items) {
    Map<Object, Integer> counts = new HashMap<>();
    items.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  private static long modelIndexOf(List<Object> items, Object probe) {
    for (int i = 0; i < items.size(); i++) {
      if (Values.same(items.get(i), probe)) {
        return i;
      }
    }
    return -1;
  }

  private static void assertSameValues(List<Object> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(Values.same(expected.get(i), actual.get(i)), "position " + i + ": " + expected + " vs " + actual);
    }
  }
}
