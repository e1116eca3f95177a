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
  private Flow.Subscription subscription;

  CappedBody(long cap) {
    this.cap = cap;
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
        subscription.cancel();
        result.completeExceptionally(new HttpTransport.BodyTooLargeException(cap));
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
