package dev.freshet.interp;

import dev.freshet.source.Span;

/** A compiled statement. */
abstract class Exec {
  final Span span;

  Exec(Span span) {
    this.span = span;
  }

  abstract void run(Frame f);

  /** Runs a block: each statement counts once against the statement limit. */
  static void runAll(Exec[] body, Frame f) {
    for (Exec e : body) {
      f.run.tick(e.span);
      try {
        e.run(f);
      } catch (dev.freshet.runtime.ScriptError err) {
        throw err.at(e.span);
      }
    }
  }
}
