package dev.freshet.interp;

import dev.freshet.runtime.TextBuffer;

/**
 * A NUMBER variable's value kept as a {@code long} in its slot, so that assigning arithmetic to it ({@code i = hi *
 * 1000 + lo}, {@code s = s + i * i}) stores a long instead of allocating a {@code Long} each time. Only assignments
 * put one in a slot, and only into their own frame's slot; every read of a slot goes through {@link #read}, which
 * gives the NUMBER, so no value a script or a built-in sees is ever one of these.
 */
final class Unboxed {
  /** The NUMBER; written only through {@link #set}. */
  long value;
  /** The NUMBER boxed, once something read it as an object: a variable read many times is boxed once. */
  private Long boxed;

  Unboxed(long value) {
    this.value = value;
  }

  void set(long value) {
    this.value = value;
    if (boxed != null) {
      boxed = null;
    }
  }

  private Long boxed() {
    Long b = boxed;
    if (b == null) {
      b = value;
      boxed = b;
    }
    return b;
  }

  /** A slot's value as scripts see it (a kept NUMBER boxed, a text being built as its text). */
  static Object read(Object slotValue) {
    return slotValue instanceof Unboxed u ? u.boxed() : TextBuffer.read(slotValue);
  }

  /** A slot's value for compiled code: a kept NUMBER boxed; a text being built stays its buffer (see TextBuffer). */
  static Object plain(Object slotValue) {
    return slotValue instanceof Unboxed u ? u.boxed() : slotValue;
  }

  /** Stores a NUMBER into a slot: in place when the slot already keeps one. */
  static void store(Frame f, int slot, long value) {
    if (f.get(slot) instanceof Unboxed u) {
      u.set(value);
    } else {
      f.set(slot, new Unboxed(value));
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
