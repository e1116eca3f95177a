package dev.freshet.builtins;

import dev.freshet.runtime.Coercions;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers the library classes share for reading arguments and reporting errors in Deluge terms. */
final class Args {
  private Args() {}

  static boolean has(Object[] a, int i) {
    return i < a.length;
  }

  /** Argument i as text; NULL reads as the empty text, other scalars as they print. */
  static String text(Object[] a, int i) {
    return Values.toText(a[i]);
  }

  static long number(Object[] a, int i) {
    return (Long) a[i];
  }

  static boolean flag(Object[] a, int i, boolean fallback) {
    return has(a, i) && a[i] != null ? (Boolean) a[i] : fallback;
  }

  /** A DATE-TIME argument (date text was converted when the call was checked: ParamType.DATE_TIME). */
  static DateTime date(Object v) {
    return Coercions.toDateTime(v);
  }

  /** A NUMBER or DECIMAL value, or TEXT holding a number (DECISIONS §12), as a NUMBER or a DECIMAL. */
  static Object numeric(String fn, Object v) {
    Object n = Coercions.toNumeric(v);
    if (n == null) {
      throw error(fn, "expects a number, got " + Ops.describe(v));
    }
    return n;
  }

  static BigDecimal decimal(String fn, Object v) {
    return Values.toBigDecimal(numeric(fn, v));
  }

  /** Text holding a plain number ({@code " 12 "}, {@code "-3.5"}), as NUMBER or DECIMAL; null otherwise. */
  static Object parseNumber(String s) {
    return Coercions.numberIn(s);
  }

  /** A collection's elements for reading; an undecided {@code {}} reads as empty and stays undecided. */
  static List<Object> items(Object v) {
    DelugeCollection c = (DelugeCollection) v;
    return c.isUndecided() ? List.of() : c.list();
  }

  /** A collection's entries for reading; an undecided {@code {}} reads as empty and stays undecided. */
  static Map<Object, Object> entries(Object v) {
    DelugeCollection c = (DelugeCollection) v;
    return c.isUndecided() ? Map.of() : c.map();
  }

  static DelugeCollection listOf(List<?> values) {
    return DelugeCollection.listOf(values);
  }

  /** A new list with the given elements and the same element type as {@code like} (for typed lists). */
  static DelugeCollection listLike(Object like, List<Object> values) {
    DelugeCollection c = ((DelugeCollection) like).elementType() == null ? DelugeCollection.newList()
        : DelugeCollection.newList(((DelugeCollection) like).elementType());
    c.list().addAll(values);
    return c;
  }

  static int indexOf(List<Object> items, Object value) {
    for (int i = 0; i < items.size(); i++) {
      if (Values.same(items.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  /** A key for hashing that makes equal numbers equal ({@code 1} and {@code 1.0}), as {@code ==} does. */
  static Object equalityKey(Object v) {
    if (Values.isNumeric(v)) {
      BigDecimal d = Values.toBigDecimal(v);
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    return v;
  }

  static List<Object> copy(List<Object> items) {
    return new ArrayList<>(items);
  }

  /** A runtime error that names the function, e.g. {@code subString: start 20 is beyond ...}. */
  static ScriptError error(String fn, String message) {
    return new ScriptError(fn + ": " + message);
  }

  static String describe(Object v) {
    return Ops.describe(v);
  }
}
