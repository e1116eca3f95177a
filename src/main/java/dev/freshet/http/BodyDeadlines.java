package dev.freshet.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends response bodies that pass their deadline. One watchdog thread checks the bodies being read every 50 ms and
 * stops when none has been read for a while: a timer per request (CompletableFuture.orTimeout) woke a scheduler
 * thread twice per request, which on two cores cost more than everything else Freshet does for an invokeurl.
 */
final class BodyDeadlines {
  private static final long TICK_MS = 50;
  private static final long IDLE_NANOS = 2_000_000_000L;
  private static final Set<CappedBody> ACTIVE = ConcurrentHashMap.newKeySet();
  private static Thread watchdog; // guarded by BodyDeadlines.class

  private BodyDeadlines() {}

  static void watch(CappedBody body) {
    ACTIVE.add(body);
    synchronized (BodyDeadlines.class) {
      if (watchdog == null) {
        watchdog = new Thread(BodyDeadlines::run, "freshet-http-deadlines");
        watchdog.setDaemon(true);
        watchdog.start();
      }
    }
  }

  static void done(CappedBody body) {
    ACTIVE.remove(body);
  }

  private static void run() {
    long idleSince = System.nanoTime();
    while (true) {
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = System.nanoTime();
      for (CappedBody b : ACTIVE) {
        if (now - b.deadline() > 0) {
          ACTIVE.remove(b);
          b.expire();
        }
      }
      if (!ACTIVE.isEmpty()) {
        idleSince = now;
      } else if (now - idleSince > IDLE_NANOS) {
        synchronized (BodyDeadlines.class) {
          if (ACTIVE.isEmpty()) { // a body added meanwhile is seen here, or finds no watchdog and starts one
            watchdog = null;
            return;
          }
        }
      }
    }
  }
}
