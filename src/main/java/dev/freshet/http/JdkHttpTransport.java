package dev.freshet.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default transport: one {@link HttpClient} (HTTP/2 when offered, pooled connections) shared by every script of
 * an engine. The whole exchange, body included, must finish within the call's timeout, and the body is read only up
 * to the cap.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient client;

  public JdkHttpTransport(Duration connectTimeout) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_2)
        .build();
  }

  @Override
  public HttpReply send(HttpCall call) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(call.timeout());
    for (Map.Entry<String, List<String>> h : call.headers().entrySet()) {
      for (String v : h.getValue()) {
        request.header(h.getKey(), v);
      }
    }
    HttpRequest.BodyPublisher body = call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(call.body());
    request.method(call.method(), body);
    CappedBody capped = new CappedBody(call.maxBodyBytes());
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), info -> capped);
    try {
      HttpResponse<byte[]> response = pending.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new HttpReply(response.statusCode(), response.headers().map(), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete response within " + call.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      if (capped.exceeded()) {
        throw new BodyTooLargeException(call.maxBodyBytes());
      }
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
    }
  }
}
