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

  CappedBody(long cap, long deadlineNanos) {
    this.cap = cap;
    result.orTimeout(Math.max(1, deadlineNanos - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)
        .whenComplete((body, failure) -> {
          if (failure instanceof java.util.concurrent.TimeoutException) {
            timedOut = true;
            if (subscription != null) {
              subscription.cancel();
            }
          }
        });
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
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      if (buffer.size() + (long) b.remaining() > cap) {
        exceeded = true;
        result.completeExceptionally(new HttpTransport.BodyTooLargeException(cap));
        subscription.cancel();
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }
}
