package dev.freshet.connections;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Talks to a provider's token, device, revocation and metadata endpoints (RFC 6749, 7009, 8628). Every call carries
 * the client's authentication as the service asks, retries 429, 5xx and network failures a bounded number of times,
 * and turns an error answer into an {@link OAuthException} whose text holds none of the secrets that were sent.
 */
final class OAuthClient {
  static final int MAX_ATTEMPTS = 4;
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration DEVICE_DEFAULT_LIFE = Duration.ofMinutes(15);
  /** Reply fields that are secret or already typed; everything else plain goes to {@link TokenResponse#info()}. */
  private static final Set<String> NOT_INFO = Set.of("access_token", "refresh_token", "expires_in", "scope", "error",
      "error_description", "error_uri");

  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;

  /** {@code http} should not follow redirects: a token request is never sent on to another host. */
  OAuthClient(HttpClient http, Clock clock, Sleeper sleeper) {
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A client on the system clock, with real sleeps and an HTTP client that follows no redirects. */
  static OAuthClient create() {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT).build();
    return new OAuthClient(http, Clock.systemUTC(), Sleeper.REAL);
  }

  /** The authorization-code grant; {@code codeVerifier} is null when the service does not use PKCE. */
  TokenResponse exchangeCode(Connection c, Secrets s, String tokenUrl, String code, String redirectUri,
      String codeVerifier) throws OAuthException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    List<String> hidden = secrets(s, code, codeVerifier);
    return token(post(tokenUrl, form, c, s, hidden), hidden);
  }

  /** The refresh-token grant with {@code s.refreshToken()}. A response without a refresh token keeps it null. */
  TokenResponse refresh(Connection c, Secrets s, String refreshUrl) throws OAuthException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", s.refreshToken());
    List<String> hidden = secrets(s);
    return token(post(refreshUrl, form, c, s, hidden), hidden);
  }

  /** The client-credentials grant, asking for the connection's scopes. */
  TokenResponse clientCredentials(Connection c, Secrets s, String tokenUrl) throws OAuthException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", scope(c));
    List<String> hidden = secrets(s);
    return token(post(tokenUrl, form, c, s, hidden), hidden);
  }

  /** RFC 8628 §3.1–3.2: asks for a device code and user code. */
  DeviceAuthorization startDevice(Connection c, Secrets s) throws OAuthException {
    String url = c.service().deviceUrl();
    if (url == null) {
      throw new IllegalArgumentException("service " + c.service().id() + " has no device authorization URL");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("scope", scope(c));
    Reply r = post(url, form, c, s, secrets(s));
    List<String> hidden = secrets(s, r.fields.get("device_code"));
    if (!r.ok() || r.fields.containsKey("error") || r.fields.get("device_code") == null) {
      throw failure(r, "the device authorization response has no device_code", hidden);
    }
    String uri = r.fields.getOrDefault("verification_uri", r.fields.get("verification_url")); // Google: _url
    Long interval = seconds(r.fields.get("interval"));
    Long life = seconds(r.fields.get("expires_in"));
    return new DeviceAuthorization(r.fields.get("device_code"), r.fields.get("user_code"), uri,
        r.fields.get("verification_uri_complete"), interval == null ? null : Duration.ofSeconds(interval),
        clock.instant().plus(life == null ? DEVICE_DEFAULT_LIFE : Duration.ofSeconds(life)));
  }

  /**
   * RFC 8628 §3.4–3.5: waits the interval, polls, and again while the answer is {@code authorization_pending}
   * ({@code slow_down} adds 5 s to the interval) until a token, another error, or the device code's expiry.
   */
  TokenResponse pollDevice(Connection c, Secrets s, DeviceAuthorization d) throws OAuthException {
    List<String> hidden = secrets(s, d.deviceCode());
    Duration interval = d.interval();
    while (true) {
      pause(interval);
      if (!clock.instant().isBefore(d.expiresAt())) {
        throw new OAuthException("expired_token", "the device code expired before the user approved it");
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", DEVICE_GRANT);
      form.put("device_code", d.deviceCode());
      try {
        return token(post(c.service().tokenUrl(), form, c, s, hidden), hidden);
      } catch (OAuthException e) {
        if ("slow_down".equals(e.error())) {
          interval = interval.plusSeconds(5);
        } else if (!"authorization_pending".equals(e.error())) {
          throw e;
        }
      }
    }
  }

  /** RFC 7009: revokes {@code token}; {@code tokenTypeHint} ({@code refresh_token}/{@code access_token}) may be null. */
  void revoke(Connection c, Secrets s, String revokeUrl, String token, String tokenTypeHint) throws OAuthException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("token_type_hint", tokenTypeHint);
    List<String> hidden = secrets(s, token);
    Reply r = post(revokeUrl, form, c, s, hidden);
    if (!r.ok() || r.fields.containsKey("error")) {
      throw failure(r, "the revocation was refused", hidden);
    }
  }

  /** MailChimp's metadata call: which data centre (and so which API host) the account lives in. */
  Map<String, String> mailchimpMetadata(String metadataUrl, String accessToken) throws OAuthException {
    HttpRequest req = request(metadataUrl).header("Authorization", "OAuth " + accessToken).GET().build();
    Reply r = send(req, List.of(accessToken));
    String endpoint = r.fields.get("api_endpoint");
    if (!r.ok() || endpoint == null || endpoint.isEmpty()) {
      throw failure(r, "the metadata response has no api_endpoint", List.of(accessToken));
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("api_endpoint", endpoint);
    if (r.fields.get("dc") != null) {
      out.put("dc", r.fields.get("dc"));
    }
    return out;
  }

  // ---- requests ----

  /** A provider's answer: its status and flat fields. */
  private record Reply(int status, Map<String, String> fields) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** POSTs a form with the client's authentication; {@code hidden} are the secrets it carries. */
  private Reply post(String url, Map<String, String> form, Connection c, Secrets s, List<String> hidden)
      throws OAuthException {
    Map<String, String> fields = new LinkedHashMap<>(form);
    HttpRequest.Builder b = request(url).header("Content-Type", "application/x-www-form-urlencoded");
    String secret = s.clientSecret();
    if (secret == null || secret.isEmpty()) {
      fields.put("client_id", c.clientId()); // a public client only names itself
    } else if (c.service().clientAuth() == ClientAuth.BASIC) {
      // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded
      String pair = OAuthWire.encode(c.clientId()) + ":" + OAuthWire.encode(secret);
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      fields.put("client_id", c.clientId());
      fields.put("client_secret", secret);
    }
    b.POST(HttpRequest.BodyPublishers.ofString(OAuthWire.encode(fields)));
    return send(b.build(), hidden);
  }

  private static HttpRequest.Builder request(String url) throws OAuthException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new OAuthException("invalid_request", "not a usable endpoint URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new OAuthException("invalid_request", "not an http(s) endpoint URL");
    }
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
        .header("User-Agent", "Freshet");
  }

  /** Sends with bounded retries: 429, 5xx and network failures, at most {@value #MAX_ATTEMPTS} attempts. */
  private Reply send(HttpRequest req, List<String> hidden) throws OAuthException {
    String last = null;
    int lastStatus = 0;
    String lastError = null;
    Duration wait = Duration.ZERO;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause(wait);
      }
      Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
      HttpResponse<String> rsp;
      try {
        rsp = http.send(req, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        lastStatus = 0;
        lastError = null;
        wait = backoff;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OAuthException("interrupted", "interrupted while waiting for " + where(req), 0, true);
      }
      Map<String, String> fields = OAuthWire.fields(rsp.headers().firstValue("Content-Type").orElse(""), rsp.body());
      int status = rsp.statusCode();
      if (status != 429 && status < 500) {
        return new Reply(status, fields);
      }
      last = "HTTP " + status;
      lastStatus = status;
      lastError = fields.get("error");
      wait = retryAfter(rsp).orElse(backoff);
    }
    String text = where(req) + " gave no usable answer after " + MAX_ATTEMPTS + " attempts; last: " + last;
    throw new OAuthException(lastError, OAuthWire.redact(text, hidden), lastStatus, lastStatus == 0);
  }

  /** A numeric Retry-After, capped; an HTTP date is ignored in favour of the backoff. */
  private static Optional<Duration> retryAfter(HttpResponse<?> rsp) {
    return rsp.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v))).map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER
            : d);
  }

  private void pause(Duration d) throws OAuthException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException("interrupted", "interrupted while waiting to ask the provider again", 0, true);
    }
  }

  // ---- replies ----

  private static TokenResponse token(Reply r, List<String> hidden) throws OAuthException {
    String access = r.fields.get("access_token");
    if (!r.ok() || r.fields.containsKey("error") || access == null || access.isEmpty()) {
      // Zoho and Slack answer 200 with an "error" field; that is an error too
      throw failure(r, "the token response has no access_token", hidden);
    }
    Map<String, String> info = new LinkedHashMap<>();
    r.fields.forEach((k, v) -> {
      if (!NOT_INFO.contains(k) && !secretName(k)) {
        info.put(k, v);
      }
    });
    String refresh = r.fields.get("refresh_token");
    return new TokenResponse(access, refresh == null || refresh.isEmpty() ? null : refresh,
        seconds(r.fields.get("expires_in")), r.fields.get("scope"), info);
  }

  /** A field name that may hold a credential (id_token, device_code, signature ...): never kept as info. */
  private static boolean secretName(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return (k.contains("token") && !k.equals("token_type")) || k.contains("secret") || k.contains("code")
        || k.contains("password") || k.contains("signature") || k.contains("key");
  }

  private static OAuthException failure(Reply r, String noErrorText, List<String> hidden) {
    String error = r.fields.get("error");
    String description = r.fields.get("error_description");
    if (error == null) {
      description = r.status >= 300 && r.status < 400 ? "the provider answered with a redirect, which is not followed"
          : r.ok() ? noErrorText : "the provider refused the request";
    }
    return new OAuthException(OAuthWire.redact(error, hidden), OAuthWire.redact(description, hidden), r.status,
        false);
  }

  /** Seconds as a JSON number or string ({@code 3600}, {@code "3600"}, {@code 3599.5}); null when absent or bad. */
  static Long seconds(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.trim()).longValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String scope(Connection c) {
    List<String> scopes = c.effectiveScopes();
    return scopes.isEmpty() ? null : OAuthWire.scope(c.service().scopeDelimiter(), scopes);
  }

  private static List<String> secrets(Secrets s, String... more) {
    List<String> all = new ArrayList<>(s.values());
    for (String m : more) {
      if (m != null) {
        all.add(m);
      }
    }
    return all;
  }

  /** Scheme, host, port and path of the request: enough to say which endpoint, never user info or a query. */
  private static String where(HttpRequest req) {
    URI u = req.uri();
    return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
