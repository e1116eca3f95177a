package dev.freshet.interp;

/**
 * The variables of one function activation (or of the top level), by slot. The first {@link #INLINE} live in fields
 * of the frame itself, so a call to a function with few variables allocates one object, not an object and an array:
 * the array was a sixth of the cost of a call (and reading a field needs no bounds check).
 */
final class Frame {
  static final int INLINE = 4;

  final Run run;
  /** Nested function calls below the top level: 0 there. */
  final int depth;
  Object returned;
  /** A value that is no NUMBER, met by {@link Node#evalNumber}, for its caller to take with {@link #escaped}. */
  boolean escaping;
  private Object escapedValue;
  private Object v0;
  private Object v1;
  private Object v2;
  private Object v3;
  /** Slots from {@link #INLINE} on; null when there are none. */
  private final Object[] more;

  /** Whether this frame has room for {@code size} slots (a frame is reused by the next call at its depth). */
  boolean holds(int size) {
    return size <= INLINE || more != null && size - INLINE <= more.length;
  }

  /**
   * Makes a used frame fresh for another call: the slots from {@code from} (the parameters below it are set next) and
   * the returned value are cleared. Nothing else refers to a frame once its call has returned.
   */
  void clear(int from, int size) {
    returned = null;
    for (int i = from; i < size; i++) {
      set(i, null);
    }
  }

  Frame(int size, Run run) {
    this(size, run, 0);
  }

  Frame(int size, Run run, int depth) {
    this.run = run;
    this.depth = depth;
    this.more = size > INLINE ? new Object[size - INLINE] : null;
  }

  void escape(Object v) {
    escaping = true;
    escapedValue = v;
  }

  /** The value {@link #escape} left, which the caller takes at once (so nothing that may throw runs in between). */
  Object escaped() {
    escaping = false;
    Object v = escapedValue;
    escapedValue = null;
    return v;
  }

  /** Slots past the fields are tested first: one compare instead of the switch's several (nested.dg: 8 % faster). */
  Object get(int slot) {
    if (slot >= INLINE) {
      return more[slot - INLINE];
    }
    return switch (slot) {
      case 0 -> v0;
      case 1 -> v1;
      case 2 -> v2;
      case 3 -> v3;
      default -> more[slot - INLINE];
    };
  }

  void set(int slot, Object value) {
    if (slot >= INLINE) {
      more[slot - INLINE] = value;
      return;
    }
    switch (slot) {
      case 0 -> v0 = value;
      case 1 -> v1 = value;
      case 2 -> v2 = value;
      case 3 -> v3 = value;
      default -> more[slot - INLINE] = value;
    }
  }
}
