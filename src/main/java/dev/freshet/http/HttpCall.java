package dev.freshet.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the engine sends it; {@code body} is empty for none.
 *
 * @param connection the connection whose credentials the request carries, or null
 * @param bare the same request as the script asked for it, before the connection's credentials were attached (its
 *     headers, query and body hold no token, key or secret of the connection); null when none were attached, so the
 *     call is its own bare form. A transport that records traffic records this instead of the call itself.
 * @param from where in the script the task that sends it was called, such as
 *     {@code functions/crm/createContact.dg:14:16 invokeurl} or {@code … zoho.crm.createRecord}; null when unknown
 */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout,
    long maxBodyBytes, String connection, HttpCall bare, String from) {

  public HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout,
      long maxBodyBytes) {
    this(method, uri, headers, body, timeout, maxBodyBytes, null, null, null);
  }

  /** The request without the connection's credentials: what may be recorded. */
  public HttpCall withoutCredentials() {
    return bare != null ? bare : this;
  }

  /** No header values: they may hold credentials. */
  @Override
  public String toString() {
    return method + " " + Redaction.url(uri.toString());
  }
}
