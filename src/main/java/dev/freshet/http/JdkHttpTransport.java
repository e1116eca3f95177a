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
    // Blocking send: sendAsync(...).get() adds a hop through the common pool on every request. The request timeout
    // covers the wait for the headers; the body gets the rest of the deadline (CappedBody).
    long deadline = System.nanoTime() + call.timeout().toNanos();
    CappedBody[] capped = new CappedBody[1];
    try {
      HttpResponse<byte[]> response = client.send(request.build(),
          info -> capped[0] = new CappedBody(call.maxBodyBytes(), deadline));
      return new HttpReply(response.statusCode(), response.headers().map(), response.body());
    } catch (java.net.http.HttpConnectTimeoutException e) {
      throw e;
    } catch (HttpTimeoutException e) {
      throw new HttpTimeoutException("no complete response within " + call.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (IOException e) {
      if (capped[0] != null && capped[0].exceeded()) {
        throw new BodyTooLargeException(call.maxBodyBytes());
      }
      if (capped[0] != null && capped[0].timedOut()) {
        throw new HttpTimeoutException("no complete response within " + call.timeout().toSeconds() + " s");
      }
      if (e.getClass() == IOException.class && e.getCause() instanceof IOException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
