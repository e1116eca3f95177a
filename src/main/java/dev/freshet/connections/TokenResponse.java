package dev.freshet.connections;

import java.util.Map;

/**
 * A successful token endpoint answer, exactly as given: a missing refresh token or {@code expires_in} stays null, so
 * the caller decides (keep the old refresh token, apply the service's default lifetime).
 *
 * @param accessToken the new access token
 * @param refreshToken the new refresh token, or null when the response has none
 * @param expiresIn seconds until the access token expires, or null when the response does not say
 * @param scope the granted scope as sent, or null
 * @param info the response's other plain, non-secret fields ({@code token_type}, Zoho's {@code api_domain}, ...)
 */
record TokenResponse(String accessToken, String refreshToken, Long expiresIn, String scope,
    Map<String, String> info) {

  TokenResponse {
    info = Map.copyOf(info == null ? Map.of() : info);
  }

  @Override
  public String toString() {
    return "TokenResponse[accessToken=" + (accessToken == null ? "null" : "***") + ", refreshToken="
        + (refreshToken == null ? "null" : "***") + ", expiresIn=" + expiresIn + ", scope=" + scope + ", info="
        + info + "]";
  }
}
