package dev.freshet.interp;

import dev.freshet.compile.LoopCode;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;

/** {@code for each}: over a LIST (a snapshot), a comma-separated TEXT, or a MAP's keys (DECISIONS §16). */
final class ForEach extends Exec {
  private final int slot;
  private final boolean index;
  private final Node iterable;
  private final Exec[] body;

  /** Whether the body is {@link Straight}: its statements are counted with the header, once per iteration. */
  private final boolean straight;
  /** The compiled tier's view of this loop. */
  private final HotLoop hot;

  ForEach(int slot, boolean index, Node iterable, Exec[] body, HotLoop hot, Span span) {
    super(span);
    this.slot = slot;
    this.index = index;
    this.iterable = iterable;
    this.body = body;
    this.straight = Straight.all(body);
    this.hot = hot;
  }

  /**
   * Once the loop has run {@code allowance} iterations in this entry, or its compiled code is there (a loop inside
   * it proved hot), the next iteration starts in its compiled code ({@link HotLoop}), if the tier takes the loop.
   */
  @Override
  int run(Frame f) {
    Object[] items = items(iterable.eval(f));
    LoopCode c = hot.atEntry(f.run, items.length);
    if (c != null) {
      return hot.run(c, f, items, 0);
    }
    int allowance = hot.allowance(f.run, items.length);
    if (straight) {
      return runStraight(f, items, allowance);
    }
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        if (i > allowance || hot.ready()) {
          c = hot.switchTo();
          if (c != null) {
            return hot.run(c, f, items, i);
          }
          allowance = Integer.MAX_VALUE;
        }
        f.run.tick(span); // the header counts once per iteration; the first was counted by the block
      }
      f.set(slot, index ? (Object) (long) i : items[i]);
      int done = runAll(body, f);
      if (done == BREAK) {
        return NORMAL;
      }
      if (done == RETURN) {
        return RETURN;
      }
    }
    return NORMAL;
  }

  /**
   * A body that cannot jump or count statements of its own: the header and the statements of an iteration are
   * counted at once when the current chunk holds them all (so no limit or clock check falls inside), and what was
   * counted for statements an error kept from running is given back, so the count stays exact.
   */
  private int runStraight(Frame f, Object[] items, int allowance) {
    Run run = f.run;
    int n = body.length;
    for (int i = 0; i < items.length; i++) {
      if (i > 0 && (i > allowance || hot.ready())) {
        LoopCode c = hot.switchTo();
        if (c != null) {
          return hot.run(c, f, items, i);
        }
        allowance = Integer.MAX_VALUE;
      }
      if (!run.tryTick(i > 0 ? n + 1 : n)) { // the end of a chunk: one by one, as any other loop
        if (i > 0) {
          run.tick(span);
        }
        f.set(slot, index ? (Object) (long) i : items[i]);
        runAll(body, f);
        continue;
      }
      f.set(slot, index ? (Object) (long) i : items[i]);
      for (int j = 0; j < n; j++) {
        Exec e = body[j];
        try {
          if (e instanceof StmtNodes.AssignNumber a) { // direct calls the JIT can inline, where e.run meets every statement
            a.run(f);
          } else if (e instanceof StmtNodes.Append a) {
            a.run(f);
          } else {
            e.run(f);
          }
        } catch (ScriptError err) {
          run.untick(n - 1 - j);
          throw err.at(e.span);
        }
      }
    }
    return NORMAL;
  }

  private Object[] items(Object v) {
    if (v instanceof DelugeCollection c) {
      return c.snapshotArray();
    }
    if (v instanceof String s) {
      return s.isEmpty() ? new Object[0] : s.split(",", -1);
    }
    throw new ScriptError("for each needs a LIST, MAP or TEXT, got " + Ops.describe(v), iterable.span);
  }
}
