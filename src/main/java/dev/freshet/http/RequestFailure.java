package dev.freshet.http;

import dev.freshet.runtime.ScriptError;

/**
 * No response came for a request: the network, a timeout, the body cap or the redirect limit stopped it. The message
 * names the URL and the cause, both with secrets masked; {@link #cause()} is the cause alone.
 */
public final class RequestFailure extends ScriptError {
  private final String cause;

  RequestFailure(String message, String cause) {
    super(message);
    this.cause = cause;
  }

  /** Why no response came, e.g. {@code timed out: no complete response within 40 s}; secrets masked. */
  public String cause() {
    return cause;
  }
}
