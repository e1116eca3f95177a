package dev.freshet.connections;

import java.util.function.Supplier;

/** A value made on first use: scripts that never use a connection never start an HTTP client. */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T value;

  Lazy(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = make.get();
          value = v;
        }
      }
    }
    return v;
  }
}
