package dev.freshet.http;

import java.io.IOException;

/**
 * How the engine reaches the network. The default sends through one shared {@code java.net.http.HttpClient}; hosts
 * and tests may supply their own. Implementations must be safe for concurrent use and must not follow redirects
 * (the engine follows them itself so that credentials never travel to another host).
 */
public interface HttpTransport {
  /**
   * Sends one request and reads at most {@code call.maxBodyBytes()} of the response body.
   *
   * @throws BodyTooLargeException when the body is larger than the cap
   * @throws java.net.http.HttpTimeoutException when the exchange takes longer than {@code call.timeout()}
   * @throws IOException for any other network failure
   */
  HttpReply send(HttpCall call) throws IOException;

  /** The response body passed the cap; reading stopped there. */
  final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long cap) {
      super("the response body is larger than " + cap + " bytes");
    }
  }
}
