package dev.freshet.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Checks documents off the message thread and publishes their diagnostics. An opened document is checked at once; a
 * change waits {@link #DEBOUNCE_MS} for the next keystroke, so a burst of edits is checked once, for its last text.
 * A result is published only while its version is still the document's (a slow check never overwrites a newer one).
 */
final class Publisher {
  /** Short enough that a 1,000-line file's diagnostics arrive within 200 ms of the last change. */
  static final long DEBOUNCE_MS = 60;

  private final Documents documents;
  private final Checker checker;
  private final Guard guard;
  private final Supplier<LanguageClient> client;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
    // a big stack, as the CLI runs scripts on, for deeply nested documents
    Thread t = new Thread(null, task, "freshet-lsp-check", 256L * 1024 * 1024);
    t.setDaemon(true);
    return t;
  });

  Publisher(Documents documents, Checker checker, Guard guard, Supplier<LanguageClient> client) {
    this.documents = documents;
    this.checker = checker;
    this.guard = guard;
    this.client = client;
  }

  void opened(String uri) {
    schedule(uri, 0);
  }

  void changed(String uri) {
    schedule(uri, DEBOUNCE_MS);
  }

  void closed(String uri) {
    cancel(uri);
    worker.execute(() -> publish(new PublishDiagnosticsParams(uri, List.of())));
  }

  private void schedule(String uri, long delay) {
    cancel(uri);
    pending.put(uri, worker.schedule(() -> check(uri), delay, TimeUnit.MILLISECONDS));
  }

  private void cancel(String uri) {
    ScheduledFuture<?> before = pending.remove(uri);
    if (before != null) {
      before.cancel(false);
    }
  }

  private void check(String uri) {
    Documents.Doc doc = documents.find(uri);
    if (doc == null) {
      return;
    }
    try {
      List<org.eclipse.lsp4j.Diagnostic> found = checker.check(doc);
      Documents.Doc now = documents.find(uri);
      if (now != null && now.version == doc.version) {
        publish(new PublishDiagnosticsParams(uri, found, doc.version));
      }
    } catch (Throwable e) {
      guard.failed("checking " + uri, e);
    }
  }

  private void publish(PublishDiagnosticsParams params) {
    LanguageClient c = client.get();
    if (c != null) {
      c.publishDiagnostics(params);
    }
  }

  void stop() {
    worker.shutdownNow();
  }
}
