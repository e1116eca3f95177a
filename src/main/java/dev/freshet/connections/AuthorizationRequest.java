package dev.freshet.connections;

/**
 * A started authorization-code flow: send the user's browser to {@link #url()}; the state and PKCE verifier stay
 * inside and are checked by {@link ConnectionRegistry#completeAuthorization}.
 */
public final class AuthorizationRequest {
  private final PendingAuthorization pending;

  AuthorizationRequest(PendingAuthorization pending) {
    this.pending = pending;
  }

  /** The provider's authorization URL, with client id, redirect URL, scopes, state and PKCE challenge. */
  public String url() {
    return pending.url();
  }

  /** The redirect URL the provider will send the browser back to. */
  public String redirectUri() {
    return pending.redirectUri();
  }

  PendingAuthorization pending() {
    return pending;
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[" + pending.connection().name() + "]";
  }
}
