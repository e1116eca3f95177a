package dev.freshet.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body and gives up (cancelling the stream) as soon as it passes the cap. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final long cap;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean exceeded;
  private volatile boolean timedOut;
  private final long deadline;

  CappedBody(long cap, long deadlineNanos) {
    this.cap = cap;
    this.deadline = deadlineNanos;
    BodyDeadlines.watch(this);
  }

  long deadline() {
    return deadline;
  }

  /** Called by the watchdog once the deadline has passed: the body is abandoned. */
  void expire() {
    timedOut = true;
    result.completeExceptionally(new java.util.concurrent.TimeoutException());
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  boolean timedOut() {
    return timedOut;
  }

  /** True once the body passed the cap (the client may then report the cancelled stream instead). */
  boolean exceeded() {
    return exceeded;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE); // as the JDK's own handlers do: asking for one chunk at a time costs a hop per chunk
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      if (buffer.size() + (long) b.remaining() > cap) {
        exceeded = true;
        BodyDeadlines.done(this);
        result.completeExceptionally(new HttpTransport.BodyTooLargeException(cap));
        subscription.cancel();
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    BodyDeadlines.done(this);
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    BodyDeadlines.done(this);
    result.complete(buffer.toByteArray());
  }
}
