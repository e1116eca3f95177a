package dev.freshet.compile;

import dev.freshet.runtime.Env;
import dev.freshet.source.Span;

/**
 * One execution as compiled code sees it (the interpreter's {@code Run}): the same statement counter, depth check and
 * {@code info} destination as the tree-walker, so both tiers count and stop alike.
 */
public interface Host extends Env {
  /** Counts one statement; throws the statement-limit, timeout or cancellation error at {@code at}. */
  void tick(Span at);

  /**
   * Counts {@code n} statements at once if the current chunk has room for them all (no limit, clock or cancellation
   * check can fall among them); false, counting nothing, when the caller must count them one by one.
   */
  boolean tryTick(int n);

  /** Takes back {@code n} statements counted by {@link #tryTick} that did not run (an error stopped them). */
  void untick(int n);

  /** The depth of a call made at {@code callerDepth}, checked against the nested-call limit. */
  int enter(int callerDepth, Span at);

  void info(String line);

  /**
   * Keeps a value that a function returning a {@code long} could not return as one (not a NUMBER, or
   * {@link Long#MIN_VALUE}); the function returns {@code Long.MIN_VALUE} and its caller takes the value at once.
   */
  void spill(Object value);

  /** The value {@link #spill} kept. */
  Object unspill();
}
