package dev.freshet.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One HTTP request as the engine sends it; {@code body} is empty for none. */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout,
    long maxBodyBytes) {

  /** No header values: they may hold credentials. */
  @Override
  public String toString() {
    return method + " " + Redaction.url(uri.toString());
  }
}
