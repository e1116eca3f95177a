package dev.freshet.source;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs recursive work (parsing, checking, compiling deeply nested scripts) again on a thread with a large stack when
 * it overflows the caller's. Ordinary scripts never pay for the extra thread.
 */
public final class DeepStack {
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  private DeepStack() {}

  /** The supplier's result; if it overflows here, computed on a big-stack thread; if it overflows there too, rethrown. */
  public static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      return onBigStack(work);
    }
  }

  /** The supplier's result, computed on a big-stack thread (for callers that caught a StackOverflowError). */
  public static <T> T onBigStack(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(work.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "freshet-deep-stack", STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error err) {
      throw err;
    }
    return result.get();
  }
}
