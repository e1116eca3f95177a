package dev.freshet.api;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ErrorValue;
import dev.freshet.runtime.FileValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java values ↔ Deluge values, in both directions, for bindings, host-function arguments and results. Collections are
 * copied both ways, so a script never mutates the host's objects and the host never holds a script's.
 */
final class Conversions {
  private static final String KINDS = "use String, Long/Integer/Short/Byte, BigDecimal/Double/Float, Boolean,"
      + " a List, a Map, LocalDate, LocalDateTime, ZonedDateTime, OffsetDateTime, Instant or null";

  private Conversions() {}

  /**
   * The Deluge value for a Java value. Instants and zoned times become the wall-clock time in {@code zone} (the
   * engine's). {@code where} names the value in the error message ({@code binding 'order'}).
   *
   * @throws IllegalArgumentException for a value that has no Deluge form
   */
  static Object toDeluge(Object value, ZoneId zone, String where) {
    return toDeluge(value, zone, where, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Object toDeluge(Object v, ZoneId zone, String where, Set<Object> open) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof BigDecimal
        || v instanceof DateTime || v instanceof FileValue || v instanceof ErrorValue) {
      return v;
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(where + ": " + v + " has no Deluge form (DECIMAL is a finite number)");
      }
      // Float's own shortest text, so 0.1f becomes 0.1 and not 0.100000001490116…
      return v instanceof Float ? new BigDecimal(v.toString()) : BigDecimal.valueOf(d);
    } else if (v instanceof Character c) {
      return String.valueOf(c);
    } else if (v instanceof LocalDate d) {
      return DateTime.ofDate(d);
    } else if (v instanceof LocalDateTime t) {
      return DateTime.of(t);
    } else if (v instanceof ZonedDateTime t) {
      return DateTime.of(t.withZoneSameInstant(zone).toLocalDateTime());
    } else if (v instanceof OffsetDateTime t) {
      return DateTime.of(t.atZoneSameInstant(zone).toLocalDateTime());
    } else if (v instanceof Instant i) {
      return DateTime.of(LocalDateTime.ofInstant(i, zone));
    } else if (v instanceof java.util.Date d) {
      return DateTime.of(LocalDateTime.ofInstant(d.toInstant(), zone));
    } else if (v instanceof DelugeCollection c) {
      return enter(v, where, open, () -> copy(c, zone, where, open));
    } else if (v instanceof Collection<?> c) {
      return enter(v, where, open, () -> list(c, zone, where, open));
    } else if (v instanceof Object[] a) {
      return enter(v, where, open, () -> list(List.of(a), zone, where, open));
    } else if (v instanceof Map<?, ?> m) {
      return enter(v, where, open, () -> map(m, zone, where, open));
    }
    throw new IllegalArgumentException(where + ": a " + v.getClass().getName() + " has no Deluge form; " + KINDS);
  }

  /** A value that is already a Deluge scalar. */
  private static boolean plain(Object v) {
    return v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof BigDecimal;
  }

  /** Guards against a collection that contains itself, which has no finite Deluge form. */
  private static Object enter(Object v, String where, Set<Object> open, java.util.function.Supplier<Object> body) {
    if (!open.add(v)) {
      throw new IllegalArgumentException(where + ": the collection contains itself");
    }
    try {
      return body.get();
    } finally {
      open.remove(v);
    }
  }

  private static DelugeCollection list(Collection<?> items, ZoneId zone, String where, Set<Object> open) {
    DelugeCollection out = DelugeCollection.newList();
    List<Object> list = out.list();
    if (list instanceof java.util.ArrayList<Object> a) {
      a.ensureCapacity(items.size());
    }
    int i = 0;
    for (Object item : items) {
      // a plain value needs no conversion, and no position text for a message it cannot cause
      list.add(plain(item) ? item : toDeluge(item, zone, where + "[" + i + "]", open));
      i++;
    }
    return out;
  }

  private static DelugeCollection map(Map<?, ?> entries, ZoneId zone, String where, Set<Object> open) {
    DelugeCollection out = DelugeCollection.newMap();
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      Object k = e.getKey();
      Object v = e.getValue();
      if (plain(k) && plain(v)) {
        out.map().put(k, v);
      } else {
        String at = where + "[" + k + "]";
        out.map().put(toDeluge(k, zone, at, open), toDeluge(v, zone, at, open));
      }
    }
    return out;
  }

  /** A deep copy: a collection from an earlier result must not be shared between runs (or threads). */
  private static DelugeCollection copy(DelugeCollection c, ZoneId zone, String where, Set<Object> open) {
    DelugeCollection out = c.copy();
    if (c.isList()) {
      List<Object> items = out.list();
      items.replaceAll(item -> toDeluge(item, zone, where, open));
    } else if (c.isMap()) {
      out.map().replaceAll((k, item) -> toDeluge(item, zone, where, open));
    }
    return out;
  }

  /**
   * The Java value for a Deluge value: TEXT → String, NUMBER → Long, DECIMAL → BigDecimal, BOOLEAN → Boolean, a date
   * → LocalDate, a date-time → LocalDateTime, LIST → a new ArrayList, MAP (and an empty {@code {}}) → a new
   * LinkedHashMap, NULL → null. FILE and caught-error values are returned as they are.
   */
  static Object toJava(Object v) {
    if (v instanceof DateTime d) {
      return d.dateOnly() ? d.date() : d.value();
    } else if (v instanceof DelugeCollection c) {
      if (c.isList()) {
        List<Object> out = new ArrayList<>(c.size());
        for (Object item : c.list()) {
          out.add(toJava(item));
        }
        return out;
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      if (c.isMap()) {
        for (Map.Entry<Object, Object> e : c.map().entrySet()) {
          out.put(toJava(e.getKey()), toJava(e.getValue()));
        }
      }
      return out;
    }
    return v;
  }
}
