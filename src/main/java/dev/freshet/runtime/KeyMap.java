package dev.freshet.runtime;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A MAP's entries. It remembers whether a DECIMAL key was ever put in, so that finding the key equal to a NUMBER
 * ({@code 1} and {@code 1.0} are one key) needs a scan only in maps that have had DECIMAL keys: a map keyed by ids
 * stays O(1) per operation. Every way of adding a key goes through here.
 */
public final class KeyMap extends LinkedHashMap<Object, Object> {
  private boolean decimalKeys;

  KeyMap() {}

  /** False when no DECIMAL key has ever been put in: then a NUMBER key can only equal itself. */
  public boolean mayHaveDecimalKeys() {
    return decimalKeys;
  }

  private void noting(Object key) {
    if (key instanceof BigDecimal) {
      decimalKeys = true;
    }
  }

  @Override
  public Object put(Object key, Object value) {
    noting(key);
    return super.put(key, value);
  }

  @Override
  public void putAll(Map<?, ?> m) {
    m.forEach(this::put);
  }

  @Override
  public Object putIfAbsent(Object key, Object value) {
    noting(key);
    return super.putIfAbsent(key, value);
  }

  @Override
  public Object computeIfAbsent(Object key, Function<? super Object, ?> f) {
    noting(key);
    return super.computeIfAbsent(key, f);
  }

  @Override
  public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> f) {
    noting(key);
    return super.compute(key, f);
  }

  @Override
  public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
    noting(key);
    return super.merge(key, value, f);
  }
}
