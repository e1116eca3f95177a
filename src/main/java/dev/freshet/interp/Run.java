package dev.freshet.interp;

import dev.freshet.runtime.Env;
import dev.freshet.runtime.LimitError;
import dev.freshet.runtime.Limits;
import dev.freshet.source.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** The state of one execution: where {@code info} goes, the engine's clock, and the limit counters. */
public final class Run implements dev.freshet.compile.Host {
  private final Consumer<String> out;
  private final Env env;
  private final Limits limits;
  private final long deadline;
  /** The limits, read on every statement and call, kept in fields of their own. */
  private final long maxStatements;
  private final int maxDepth;
  /** Statements counted before the current chunk; the chunk's size; what is left of it. */
  private long counted;
  private long chunk;
  private long budget;
  private volatile boolean cancelled;
  /** Frames of interpreted calls by depth, reused: at most one call per depth is running (see {@link #frame}). */
  private Frame[] frames;
  /** The compiled tier's policy: calls before a function is compiled, 0 from the first, -1 never (see Tier). */
  int compileAfter;
  /** Iterations of a loop the tree-walker runs before the loop is compiled; -1 never (see HotLoop). */
  long loopAfter;

  public Run(Consumer<String> out, Env env, Limits limits) {
    this.out = out;
    this.env = env;
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeout().toNanos();
    this.maxStatements = limits.maxStatements();
    this.maxDepth = limits.maxDepth();
    this.frames = new Frame[Math.max(0, Math.min(maxDepth, 63)) + 1];
    compileAfter(Tier.fromProperty());
  }

  /** A compiled function's result that was not returned as a long (see Host#spill); read right after it is set. */
  private Object spilled;

  @Override
  public void spill(Object value) {
    spilled = value;
  }

  @Override
  public Object unspill() {
    return spilled;
  }

  @Override
  public void info(String line) {
    out.accept(line);
  }

  /**
   * Counts one executed statement. The common case is one decrement: the statement limit and the wall clock are
   * checked when a chunk of at most 1024 statements is used up.
   */
  @Override
  public void tick(Span at) {
    if (--budget < 0) {
      nextChunk(at);
    }
  }

  @Override
  public boolean tryTick(int n) {
    if (budget >= n) {
      budget -= n;
      return true;
    }
    return false;
  }

  @Override
  public void untick(int n) {
    budget += n;
  }

  private void nextChunk(Span at) {
    counted += chunk; // the statement being counted is the first after them
    long left = maxStatements - counted;
    if (left <= 0) {
      budget = 0;
      chunk = 1;
      throw new LimitError("statement limit exceeded: more than " + limits.maxStatements()
          + " statements executed", at);
    }
    checkTime(at);
    chunk = Math.min(1024, left);
    budget = chunk - 1;
  }

  void checkTime(Span at) {
    if (cancelled) {
      throw new LimitError("execution was cancelled", at);
    }
    if (System.nanoTime() - deadline > 0) {
      throw new LimitError("time limit exceeded: the script ran longer than " + limits.timeout().toSeconds()
          + " s", at);
    }
  }

  /** The depth of a call made from a frame at {@code callerDepth}, checked against the nested-call limit. */
  @Override
  public int enter(int callerDepth, Span at) {
    if (callerDepth >= maxDepth) {
      throw new LimitError("nested function call limit exceeded: more than " + limits.maxDepth()
          + " nested calls", at);
    }
    return callerDepth + 1;
  }

  /**
   * A frame for a call at {@code depth} ({@link #enter}'s result), its slots from {@code from} cleared: the one the last
   * call at that depth used when it has room. The calls running at any moment have different depths, and a call's
   * arguments are evaluated before its frame is taken, so a frame is never in use twice.
   */
  Frame frame(int depth, int size, int from) {
    Frame[] fs = frames;
    if (depth < fs.length) {
      Frame f = fs[depth];
      if (f != null && f.holds(size)) {
        f.clear(from, size);
        return f;
      }
      return fs[depth] = new Frame(size, this, depth);
    }
    frames = java.util.Arrays.copyOf(fs, Math.max(depth + 1, fs.length * 2));
    return frames[depth] = new Frame(size, this, depth);
  }

  /**
   * Sets when this run compiles user functions to bytecode: after {@code calls} calls of a function (0: from its
   * first call), or never when negative; a loop the tree-walker runs after {@code calls × 1,000} iterations ({@link
   * HotLoop}). The default comes from the system property {@code freshet.compile}.
   */
  public Run compileAfter(int calls) {
    if (calls == Tier.LOOPS) {
      compileAfter = Tier.OFF;
      loopAfter = 0;
      return this;
    }
    this.compileAfter = Math.max(-1, calls);
    this.loopAfter = compileAfter < 0 ? -1 : (long) compileAfter * Tier.LOOP_FACTOR;
    return this;
  }

  /** The default of {@link #compileAfter}: {@code freshet.compile}, else 1,000 calls. */
  public static int defaultCompileAfter() {
    return Tier.fromProperty();
  }

  /** Asks a running script to stop at its next statement check. */
  public void cancel() {
    cancelled = true;
  }

  public long statementsExecuted() {
    return counted + chunk - budget;
  }

  @Override
  public ZoneId zone() {
    return env.zone();
  }

  @Override
  public Instant now() {
    return env.now();
  }

  @Override
  public RandomGenerator random() {
    return env.random();
  }

  @Override
  public Object invokeUrl(java.util.Map<String, Object> params, String from) {
    return env.invokeUrl(params, from);
  }

  @Override
  public void checkpoint() {
    checkTime(null);
  }

  @Override
  public void sendMail(java.util.Map<String, Object> params) {
    env.sendMail(params);
  }

  @Override
  public <T> T service(Class<T> type) {
    return env.service(type);
  }
}
