package dev.freshet.http;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Limits for invokeurl (INVOKEURL.md): connect timeout, whole-request timeout, response body cap, redirects; and an
 * optional log that receives one masked line per request and per response ({@code --log-http}).
 */
public record HttpOptions(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes, int maxRedirects,
    Consumer<String> log) {

  public static final HttpOptions DEFAULT = new HttpOptions(Duration.ofSeconds(10), Duration.ofSeconds(40),
      5L * 1024 * 1024, 5, null);

  public HttpOptions {
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
        || requestTimeout.isZero() || maxBodyBytes < 0 || maxRedirects < 0) {
      throw new IllegalArgumentException("HTTP limits must be positive");
    }
  }

  public HttpOptions withLog(Consumer<String> log) {
    return new HttpOptions(connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, log);
  }
}
