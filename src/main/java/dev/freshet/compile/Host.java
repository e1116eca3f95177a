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

  /** The depth of a call made at {@code callerDepth}, checked against the nested-call limit. */
  int enter(int callerDepth, Span at);

  void info(String line);
}
