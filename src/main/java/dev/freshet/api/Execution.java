package dev.freshet.api;

import dev.freshet.interp.Run;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A run started with {@link Script#start}: wait for it with {@link #await()}, or stop it from any thread with
 * {@link #cancel()}. A cancelled run stops at the next statement it reaches (a request or host call already under way
 * finishes first, bounded by its own timeout) and ends with a {@link CancelledException}.
 */
public final class Execution {
  private final Script script;
  private final CompletableFuture<Result> future = new CompletableFuture<>();
  private Run run; // guarded by this; null until the run starts
  private boolean cancelled; // guarded by this

  Execution(Script script) {
    this.script = script;
  }

  /** Runs on the executing thread; a run cancelled before it got a thread never starts. */
  void runHere(Supplier<Run> newRun, Function<Run, Result> body) {
    Run r;
    synchronized (this) {
      if (cancelled) {
        future.completeExceptionally(script.cancelledBeforeStart());
        return;
      }
      r = newRun.get();
      run = r;
    }
    try {
      future.complete(body.apply(r));
    } catch (Throwable e) {
      future.completeExceptionally(e);
    }
  }

  /** Asks the run to stop; harmless when it has already finished. */
  public void cancel() {
    synchronized (this) {
      cancelled = true;
      if (run != null) {
        run.cancel();
      }
    }
  }

  /** Whether {@link #cancel()} was called. */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Whether the run has ended, one way or another. */
  public boolean isDone() {
    return future.isDone();
  }

  /**
   * Waits for the run to end and returns its result.
   *
   * @throws RunException when the script failed ({@link LimitExceededException}, {@link CancelledException})
   * @throws InterruptedException when this waiting thread is interrupted (the run goes on)
   */
  public Result await() throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  /**
   * As {@link #await()}, waiting at most {@code timeout}.
   *
   * @throws TimeoutException when the run has not ended by then (it goes on; cancel it if it should not)
   */
  public Result await(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** The outcome as a future, for hosts that compose asynchronous work; cancelling it does not stop the run. */
  public CompletableFuture<Result> future() {
    return future.copy();
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }
}
