package dev.freshet.interp;

import dev.freshet.source.Span;

/** A compiled statement. */
abstract class Exec {
  final Span span;

  Exec(Span span) {
    this.span = span;
  }

  /** How a statement ended: normally, or with {@code break}, {@code continue} or {@code return} to pass up. */
  static final int NORMAL = 0;
  static final int BREAK = 1;
  static final int CONTINUE = 2;
  static final int RETURN = 3;

  /** Runs the statement; returns {@link #NORMAL} or the jump the enclosing loop or function must make. */
  abstract int run(Frame f);

  /**
   * Runs a block: each statement counts once against the statement limit. Jumps are return codes, not exceptions:
   * a {@code return} in a recursive function costs a compare, not a stack unwind.
   */
  /** One statement of a block, counted and positioned as {@link #runAll} does. */
  static int runOne(Exec e, Frame f) {
    f.run.tick(e.span);
    try {
      return e.run(f);
    } catch (dev.freshet.runtime.ScriptError err) {
      throw err.at(e.span);
    }
  }

  static int runAll(Exec[] body, Frame f) {
    for (Exec e : body) {
      f.run.tick(e.span);
      int done;
      try {
        done = e.run(f);
      } catch (dev.freshet.runtime.ScriptError err) {
        throw err.at(e.span);
      }
      if (done != NORMAL) {
        return done;
      }
    }
    return NORMAL;
  }
}
