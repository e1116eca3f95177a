package dev.freshet.interp;

/** {@code break}, {@code continue} and {@code return} unwind as preallocated exceptions without stack traces. */
final class Signals {
  private Signals() {}

  static final class Break extends RuntimeException {
    Break() {
      super(null, null, false, false);
    }
  }

  static final class Continue extends RuntimeException {
    Continue() {
      super(null, null, false, false);
    }
  }

  /** The returned value travels in {@link Frame#returned}. */
  static final class Return extends RuntimeException {
    Return() {
      super(null, null, false, false);
    }
  }

  static final Break BREAK = new Break();
  static final Continue CONTINUE = new Continue();
  static final Return RETURN = new Return();
}
