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
public final class Run implements Env {
  private final Consumer<String> out;
  private final Env env;
  private final Limits limits;
  private final long deadline;
  /** The limits, read on every statement and call, kept in fields of their own. */
  private final long maxStatements;
  private final int maxDepth;
  private long statements;
  int depth;
  private volatile boolean cancelled;

  public Run(Consumer<String> out, Env env, Limits limits) {
    this.out = out;
    this.env = env;
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeout().toNanos();
    this.maxStatements = limits.maxStatements();
    this.maxDepth = limits.maxDepth();
  }

  void info(String line) {
    out.accept(line);
  }

  /** Counts one executed statement; checks the wall clock every 1024 statements. */
  void tick(Span at) {
    if (++statements > maxStatements) {
      throw new LimitError("statement limit exceeded: more than " + limits.maxStatements()
          + " statements executed", at);
    }
    if ((statements & 1023) == 0) {
      checkTime(at);
    }
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

  void enter(Span at) {
    if (++depth > maxDepth) {
      depth--;
      throw new LimitError("nested function call limit exceeded: more than " + limits.maxDepth()
          + " nested calls", at);
    }
  }

  void leave() {
    depth--;
  }

  /** Asks a running script to stop at its next statement check. */
  public void cancel() {
    cancelled = true;
  }

  public long statementsExecuted() {
    return statements;
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
  public Object invokeUrl(java.util.Map<String, Object> params) {
    return env.invokeUrl(params);
  }

  @Override
  public void checkpoint() {
    checkTime(null);
  }

  @Override
  public void sendMail(java.util.Map<String, Object> params) {
    env.sendMail(params);
  }
}
