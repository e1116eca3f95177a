package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Stmt;
import dev.freshet.compile.LoopCode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code for each} of a body the tree-walker runs, which the compiled tier takes over once it proves hot: after
 * {@link Run#loopAfter} iterations (counted over every run and entry), at the next iteration's start, in the middle
 * of the loop. A hot loop inside other loops of the same body has the outermost of them compiled instead, which
 * switches at its own next iteration, so the whole nest runs as one piece of code rather than entering compiled code
 * once per outer iteration. From then on every entry runs the compiled loop (docs/performance.md, "The compiled
 * tier").
 */
final class HotLoop {
  private final Tier tier;
  private final Stmt.ForEach loop;
  /** The function the loop is in; null at the top level. */
  private final FunctionDecl function;
  private final int frameSize;
  /** The loops around this one in the same body, the outermost first. */
  private final HotLoop[] around;
  /** Iterations counted towards the threshold; racy increments only make it a little late. */
  private long iterations;
  private volatile LoopCode code;
  private volatile boolean interpretedOnly;
  private final AtomicBoolean claimed = new AtomicBoolean();

  HotLoop(Tier tier, Stmt.ForEach loop, FunctionDecl function, int frameSize, HotLoop[] around) {
    this.tier = tier;
    this.loop = loop;
    this.function = function;
    this.frameSize = frameSize;
    this.around = around;
  }

  /**
   * The compiled loop for an entry that will make {@code count} iterations: the code once there is some, compiled
   * here if earlier entries proved the loop hot; null to interpret it.
   */
  LoopCode atEntry(Run run, int count) {
    LoopCode c = code;
    if (c != null || interpretedOnly || run.loopAfter < 0) {
      return c;
    }
    long before = iterations;
    iterations = before + count;
    return before > run.loopAfter ? hot() : null;
  }

  /** Whether this loop's compiled code is there: an interpreted entry then switches at its next iteration. */
  boolean ready() {
    return code != null;
  }

  /**
   * At an iteration's start, once {@link #allowance} ran out or {@link #ready}: the code to switch to now, or null to
   * go on interpreting (a loop around this one took over, or nothing could be compiled).
   */
  LoopCode switchTo() {
    LoopCode c = code;
    return c != null ? c : hot();
  }

  /**
   * This loop has proven hot: the outermost loop around it that the tier takes is compiled (and switches at its own
   * next iteration), else this one. Returns this loop's code, or null when another loop took over.
   */
  private LoopCode hot() {
    for (HotLoop outer : around) {
      if (outer.code != null || !outer.interpretedOnly && outer.compile() != null) {
        return null;
      }
    }
    return compile();
  }

  /**
   * How many iterations this entry may interpret before it switches ({@link #compile} at the start of the next one);
   * {@link Integer#MAX_VALUE} when the loop is never compiled. Called after {@link #atEntry}, which counted them.
   */
  int allowance(Run run, int count) {
    if (interpretedOnly || run.loopAfter < 0) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, run.loopAfter - (iterations - count)));
  }

  /**
   * One thread compiles; the others interpret meanwhile (as for functions, see UserFunction). Null while the code is
   * not there, or when the loop uses what the tier does not support.
   */
  private LoopCode compile() {
    if (!claimed.compareAndSet(false, true)) {
      return code;
    }
    LoopCode c = tier.compile(loop, function, frameSize);
    interpretedOnly = c == null;
    code = c;
    return c;
  }

  /**
   * Runs the loop's compiled code from iteration {@code start}, with the frame's variables, and puts their values
   * back into the frame when it ends, however it ends. Returns what {@link Exec#run} returns.
   */
  int run(LoopCode c, Frame f, Object[] items, int start) {
    Object[] slots = new Object[frameSize];
    for (int i = 0; i < frameSize; i++) {
      slots[i] = Unboxed.plain(f.get(i));
    }
    Object result;
    try {
      result = c.run(f.run, f.depth, slots, items, start);
    } finally {
      for (int i = 0; i < frameSize; i++) {
        f.set(i, slots[i]);
      }
    }
    if (result == LoopCode.FINISHED) {
      return Exec.NORMAL;
    }
    f.returned = result;
    return Exec.RETURN;
  }
}
