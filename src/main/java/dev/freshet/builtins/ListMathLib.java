package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Aggregates over a list of numbers (DELUGE-FACTS 5.2): numeric TEXT elements count as numbers, NULL elements are
 * skipped, an empty list gives null. largest / smallest / nthLargest return an element as it is (so a list of
 * NUMBERs gives a NUMBER); average and median give DECIMAL.
 */
final class ListMathLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("largest", "The largest number (or latest date) in the list; null for an empty list").param("list", LIST)
        .returns("NUMBER or DECIMAL").impl((env, a) -> nth("largest", a[0], 1, false));
    r.fn("smallest", "The smallest number (or earliest date) in the list; null for an empty list")
        .param("list", LIST).returns("NUMBER or DECIMAL").impl((env, a) -> nth("smallest", a[0], 1, true));
    r.fn("nthLargest", "The n-th largest element, counting from 1 (repeated values count separately)")
        .param("list", LIST).param("n", NUMBER).returns("NUMBER or DECIMAL")
        .impl((env, a) -> nth("nthLargest", a[0], number(a, 1), false));
    r.fn("nthSmallest", "The n-th smallest element, counting from 1 (repeated values count separately)")
        .param("list", LIST).param("n", NUMBER).returns("NUMBER or DECIMAL")
        .impl((env, a) -> nth("nthSmallest", a[0], number(a, 1), true));
    r.fn("average", "The arithmetic mean of the numbers in the list, as a DECIMAL").param("list", LIST)
        .returns("DECIMAL").impl((env, a) -> {
          List<Object> numbers = numbers("average", a[0]);
          return numbers.isEmpty() ? null : sum(numbers).divide(BigDecimal.valueOf(numbers.size()), Ops.DIVISION);
        });
    r.fn("median", "The middle value of the sorted numbers (the mean of the two middle ones for an even count)")
        .param("list", LIST).returns("DECIMAL").impl((env, a) -> median(numbers("median", a[0])));
  }

  /** The elements as NUMBER / DECIMAL values (numeric text converted), NULLs left out. */
  static List<Object> numbers(String fn, Object list) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (Object v : items(list)) {
      if (Values.isNumeric(v)) {
        out.add(v);
      } else if (v instanceof String s && Args.parseNumber(s) != null) {
        out.add(Args.parseNumber(s));
      } else if (v != null) {
        throw error(fn, "element " + i + " is " + Args.describe(v) + ", not a number");
      }
      i++;
    }
    return out;
  }

  private static Object nth(String fn, Object list, long n, boolean ascending) {
    List<Object> values = allDates(list) ? dates(list) : numbers(fn, list);
    if (values.isEmpty()) {
      return null;
    }
    if (n < 1 || n > values.size()) {
      throw error(fn, "n must be between 1 and " + values.size() + " (the number of elements), got " + n);
    }
    Comparator<Object> order = ListLib.comparator(values);
    values.sort(ascending ? order : order.reversed());
    return values.get((int) n - 1);
  }

  private static boolean allDates(Object list) {
    List<Object> items = items(list);
    return !items.isEmpty() && items.stream().allMatch(v -> v == null || v instanceof DateTime)
        && items.stream().anyMatch(v -> v instanceof DateTime);
  }

  private static List<Object> dates(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object v : items(list)) {
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private static BigDecimal sum(List<Object> numbers) {
    BigDecimal total = BigDecimal.ZERO;
    for (Object v : numbers) {
      total = total.add(Values.toBigDecimal(v));
    }
    return total;
  }

  private static BigDecimal median(List<Object> numbers) {
    if (numbers.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = new ArrayList<>();
    for (Object v : numbers) {
      sorted.add(Values.toBigDecimal(v));
    }
    sorted.sort(Comparator.naturalOrder());
    int mid = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(mid);
    }
    return sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), Ops.DIVISION);
  }
}
