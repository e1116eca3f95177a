package dev.freshet.http;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.Credentials;
import dev.freshet.connections.ZohoHosts;
import dev.freshet.runtime.AuthorizationRequired;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The {@code invokeurl} task (INVOKEURL.md): builds the request from the block's keys, sends it through the transport,
 * follows redirects (dropping credentials when the host changes), and turns the response into a value. A 4xx/5xx
 * response is returned, not thrown; network failures are runtime errors that name the URL (masked) and the cause.
 */
public final class InvokeUrlTask {
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

  private final HttpTransport transport;
  private final HttpOptions options;

  private final ConnectionRegistry connections;
  /** What messages call this request: {@code invokeurl}, or the task that sends it ({@code zoho.crm.getRecords}). */
  private final String label;
  /** Where a rewritten Zoho URL is announced; null: never rewrite. */
  private final Consumer<String> notices;
  /** Where the script called the task ({@link HttpCall#from()}); null when unknown. */
  private final String from;

  public InvokeUrlTask(HttpTransport transport, HttpOptions options) {
    this(transport, options, null);
  }

  /** A task that can use {@code connection:}; {@code connections} may be null when none are configured. */
  public InvokeUrlTask(HttpTransport transport, HttpOptions options, ConnectionRegistry connections) {
    this(transport, options, connections, "invokeurl", null, null);
  }

  /**
   * As {@link #InvokeUrlTask(HttpTransport, HttpOptions, ConnectionRegistry)}, naming itself {@code label} in
   * messages; a connection added with {@code --rewrite-zoho-hosts} moves Zoho API URLs onto its API domain, and each
   * move is told to {@code notices} (null: no moves). Every request it sends says it came {@code from} there.
   */
  public InvokeUrlTask(HttpTransport transport, HttpOptions options, ConnectionRegistry connections, String label,
      Consumer<String> notices, String from) {
    this.transport = transport;
    this.options = options;
    this.connections = connections;
    this.label = label;
    this.notices = notices;
    this.from = from;
  }

  /** Runs one invokeurl with its evaluated keys. */
  public Object run(Map<String, Object> params) {
    URI[] sent = new URI[1];
    HttpReply reply = exchange(params, sent);
    Object value = ResponseValue.body(reply, sent[0], text(params.get("response-format")),
        text(params.get("response-decoding")));
    return Boolean.TRUE.equals(params.get("detailed")) ? ResponseValue.detailed(reply, value) : value;
  }

  /**
   * Sends one request described by invokeurl's keys and returns the raw reply, under every invokeurl rule: the
   * connection's credentials (bound to its hosts, refreshed, one retry after a 401), redirects, limits, and the
   * masked {@code --log-http} lines. The {@code zoho.*} tasks send their requests through this.
   *
   * @throws RequestFailure when no response came
   */
  public HttpReply exchange(Map<String, Object> params) {
    return exchange(params, new URI[1]);
  }

  private HttpReply exchange(Map<String, Object> params, URI[] sent) {
    String connection = connectionName(params.get("connection"));
    URI uri = rewritten(url(params.get("url")), connection);
    sent[0] = uri;
    String method = method(params.get("type"));
    Credentials credentials = connection == null ? null : credentials(() -> connections.credentials(connection, uri));
    HttpReply reply = exchange(method, uri, params, credentials);
    if (reply.status() == 401 && credentials != null && credentials.refreshable()) {
      Credentials renewed = credentials(() -> connections.afterUnauthorized(credentials, uri));
      if (renewed != null) {
        reply = exchange(method, uri, params, renewed); // once: a second 401 is the script's answer
      }
    }
    return reply;
  }

  /** The URL on the connection's API domain when the connection asks for it and the URL is another Zoho host's. */
  private URI rewritten(URI uri, String connection) {
    if (connection == null || notices == null || !credentials(() -> connections.rewritesZohoHosts(connection))) {
      return uri;
    }
    String apiDomain = credentials(() -> connections.apiDomain(connection));
    URI moved = ZohoHosts.rewrite(uri, apiDomain);
    if (moved == null) {
      return uri;
    }
    notices.accept(label + ": connection \"" + connection + "\" sends " + origin(uri) + " requests to its API domain "
        + origin(moved) + " (--rewrite-zoho-hosts)");
    return moved;
  }

  private static String origin(URI u) {
    return u.getScheme() + "://" + u.getRawAuthority();
  }

  private String connectionName(Object value) {
    if (value == null) {
      return null;
    }
    String name = Values.toText(value);
    if (connections == null) {
      throw new ScriptError(label + ": connection \"" + name + "\" cannot be used: no connection registry is"
          + " configured");
    }
    return name;
  }

  /** Connection errors become script errors; one that needs a person to authorize keeps its own type (exit 75). */
  private <T> T credentials(java.util.function.Supplier<T> get) {
    try {
      return get.get();
    } catch (ConnectionException e) {
      String message = label + ": " + e.getMessage();
      if (e.needsAuthorization()) {
        throw new AuthorizationRequired(connectionOf(e.getMessage()), message);
      }
      throw new ScriptError(message);
    }
  }

  private static String connectionOf(String message) {
    int open = message.indexOf('"');
    int close = open < 0 ? -1 : message.indexOf('"', open + 1);
    return close < 0 ? "" : message.substring(open + 1, close);
  }

  /**
   * Builds the request from the keys with the connection's credentials attached, and sends it. The request is also
   * built without them (the bare form a recording transport keeps), so that no recorder ever has to remove a secret.
   */
  private HttpReply exchange(String method, URI uri, Map<String, Object> params, Credentials credentials) {
    HttpCall call = build(method, uri, params, credentials);
    HttpCall bare = credentials == null ? null : build(method, uri, params, null);
    return follow(call, bare, credentials == null ? null : credentials.connection(), new Masked(credentials));
  }

  /** The request the keys describe, with {@code credentials} attached when not null. */
  private HttpCall build(String method, URI uri, Map<String, Object> params, Credentials credentials) {
    Map<String, List<String>> headers = headers(params.get("headers"));
    if (params.get("content-type") != null) {
      setHeader(headers, "Content-Type", Values.toText(params.get("content-type")));
    }
    if (credentials != null) {
      credentials.headers().forEach((k, v) -> setHeader(headers, k, v));
    }
    byte[] body = new byte[0];
    Object parameters = withForm(params.get("parameters"), credentials, method);
    Object rawBody = params.get("body");
    List<FileValue> files = files(params.get("files"));
    boolean query = method.equals("GET") || method.equals("DELETE");
    if (parameters != null && rawBody != null && !query) {
      throw new ScriptError(label + ": give either parameters or body for " + method + ", not both");
    }
    if (!files.isEmpty()) {
      RequestBody.Multipart multipart = RequestBody.multipart(fields(parameters), files);
      setHeader(headers, "Content-Type", multipart.contentType());
      body = multipart.bytes();
    } else if (parameters != null && query) {
      uri = withQuery(uri, parameters instanceof DelugeCollection c ? RequestBody.form(fields(c))
          : Values.toText(parameters));
    } else if (parameters instanceof DelugeCollection c) {
      body = RequestBody.form(fields(c)).getBytes(StandardCharsets.UTF_8);
      defaultHeader(headers, "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    } else if (parameters != null) {
      body = Values.toText(parameters).getBytes(StandardCharsets.UTF_8);
      defaultHeader(headers, "Content-Type", "text/plain; charset=UTF-8");
    }
    if (rawBody instanceof DelugeCollection) {
      body = Values.toJson(rawBody).getBytes(StandardCharsets.UTF_8);
      defaultHeader(headers, "Content-Type", "application/json");
    } else if (rawBody instanceof FileValue f) {
      body = f.bytes();
      defaultHeader(headers, "Content-Type", f.contentType());
    } else if (rawBody != null) {
      body = Values.toText(rawBody).getBytes(StandardCharsets.UTF_8);
      defaultHeader(headers, "Content-Type", "text/plain; charset=UTF-8");
    }
    if (credentials != null) { // after the script's own parameters, as a user reading the log expects
      uri = withQuery(uri, RequestBody.form(new LinkedHashMap<>(credentials.query())));
    }
    return new HttpCall(method, uri, headers, body, options.requestTimeout(), options.maxBodyBytes());
  }

  /**
   * Adds a connection's form-field credentials to the parameters: into the query for GET and DELETE, into the form
   * body otherwise (which then must be a MAP of parameters, not a body).
   */
  private static Object withForm(Object parameters, Credentials credentials, String method) {
    if (credentials == null || credentials.form().isEmpty()) {
      return parameters;
    }
    if (parameters != null && !(parameters instanceof DelugeCollection c && !c.isList())) {
      throw new ScriptError("invokeurl: connection \"" + credentials.connection() + "\" sends its key as a form"
          + " field, so parameters must be a MAP");
    }
    DelugeCollection merged = DelugeCollection.newMap();
    if (parameters instanceof DelugeCollection c) {
      c.map().forEach(merged.map()::put);
    }
    credentials.form().forEach(merged.map()::put);
    return merged;
  }

  /**
   * Sends, following up to the redirect limit; credentials are dropped when a redirect leaves the host. {@code bare}
   * (null when no credentials were attached) follows the same redirects, so each hop carries its bare form.
   */
  private HttpReply follow(HttpCall first, HttpCall bare, String connection, Masked masked) {
    String method = first.method();
    URI uri = first.uri();
    URI current = uri;
    Map<String, List<String>> headers = first.headers();
    byte[] body = first.body();
    Map<String, List<String>> bareHeaders = bare == null ? null : bare.headers();
    byte[] bareBody = bare == null ? null : bare.body();
    URI bareUri = bare == null ? null : bare.uri();
    for (int redirects = 0; ; redirects++) {
      HttpCall hopBare = bare == null ? null : new HttpCall(method, bareUri, bareHeaders, bareBody,
          options.requestTimeout(), options.maxBodyBytes(), null, null, from);
      HttpReply reply = send(new HttpCall(method, current, headers, body, options.requestTimeout(),
          options.maxBodyBytes(), connection, hopBare, from), masked);
      String location = reply.header("Location");
      if (!isRedirect(reply.status()) || location == null) {
        return reply;
      }
      if (redirects >= options.maxRedirects()) {
        throw failure(masked, uri, "too many redirects (more than " + options.maxRedirects() + ")");
      }
      URI next = current.resolve(location.trim());
      if (!sameOrigin(current, next)) {
        headers = withoutCredentialHeaders(headers);
        connection = null; // nothing of the connection travels further
        bare = null;
      }
      if (reply.status() == 303 || ((reply.status() == 301 || reply.status() == 302) && !method.equals("GET"))) {
        method = "GET";
        body = new byte[0];
        headers = withoutContentType(headers);
        bareBody = new byte[0];
        bareHeaders = bareHeaders == null ? null : withoutContentType(bareHeaders);
      }
      current = next;
      bareUri = next;
    }
  }

  private static Map<String, List<String>> withoutCredentialHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>(headers);
    out.keySet().removeIf(h -> CREDENTIAL_HEADERS.contains(h.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Map<String, List<String>> withoutContentType(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>(headers);
    out.keySet().removeIf(h -> h.equalsIgnoreCase("Content-Type"));
    return out;
  }

  private HttpReply send(HttpCall call, Masked masked) {
    URI u = call.uri();
    long start = System.nanoTime();
    boolean logging = options.log() != null;
    if (logging) {
      log("> " + call.method() + " " + masked.url(call.uri()));
    }
    try {
      HttpReply reply = transport.send(call);
      if (logging) {
        log("< " + reply.status() + " " + call.method() + " " + masked.url(call.uri()) + " ("
            + (System.nanoTime() - start) / 1_000_000 + " ms, " + reply.body().length + " bytes)");
      }
      return reply;
    } catch (HttpTransport.BodyTooLargeException e) {
      throw failure(masked, u, "the response is larger than the " + describeBytes(call.maxBodyBytes()) + " limit");
    } catch (HttpConnectTimeoutException e) {
      throw failure(masked, u, "could not connect within " + options.connectTimeout().toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw failure(masked, u, "timed out: no complete response within " + call.timeout().toSeconds() + " s");
    } catch (UnknownHostException e) {
      throw failure(masked, u, "unknown host " + call.uri().getHost());
    } catch (ConnectException e) {
      if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
        throw failure(masked, u, "unknown host " + call.uri().getHost());
      }
      throw failure(masked, u, "could not connect to " + call.uri().getHost() + ":" + port(call.uri())
          + " (connection refused)");
    } catch (SSLException e) {
      throw failure(masked, u, "TLS failure: " + e.getMessage());
    } catch (IOException e) {
      throw failure(masked, u, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private void log(String line) {
    if (options.log() != null) {
      options.log().accept(line);
    }
  }

  private RequestFailure failure(Masked masked, URI uri, String cause) {
    return new RequestFailure(label + " to " + masked.url(uri) + " failed: " + masked.text(cause), masked.text(cause));
  }

  private static URI url(Object value) {
    if (!(value instanceof String text)) {
      throw new ScriptError("invokeurl: url must be TEXT, got " + Ops.describe(value));
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ScriptError("invokeurl: url must be an absolute http:// or https:// URL, got \""
        + Redaction.url(text) + "\"");
  }

  private static String method(Object value) {
    if (value == null) {
      return "GET";
    }
    String m = Values.toText(value).trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new ScriptError("invokeurl: type must be GET, POST, PUT, PATCH or DELETE, got \"" + Values.toText(value)
          + "\"");
    }
    return m;
  }

  private static Map<String, List<String>> headers(Object value) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (value == null) {
      return headers;
    }
    if (!(value instanceof DelugeCollection c) || c.isList()) {
      throw new ScriptError("invokeurl: headers must be a MAP, got " + Ops.describe(value));
    }
    for (Map.Entry<Object, Object> e : c.map().entrySet()) {
      setHeader(headers, Values.toText(e.getKey()), Values.toText(e.getValue()));
    }
    return headers;
  }

  private static void setHeader(Map<String, List<String>> headers, String name, String value) {
    headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
    headers.put(name, List.of(value));
  }

  private static void defaultHeader(Map<String, List<String>> headers, String name, String value) {
    if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(name))) {
      headers.put(name, List.of(value));
    }
  }

  private static Map<Object, Object> fields(Object parameters) {
    if (parameters == null) {
      return Map.of();
    }
    if (parameters instanceof DelugeCollection c && !c.isList()) {
      return c.map();
    }
    throw new ScriptError("invokeurl: parameters sent with files must be a MAP, got " + Ops.describe(parameters));
  }

  private static List<FileValue> files(Object value) {
    List<FileValue> files = new ArrayList<>();
    if (value instanceof FileValue f) {
      files.add(f);
    } else if (value instanceof DelugeCollection c && !c.isMap()) {
      for (Object item : c.list()) {
        if (!(item instanceof FileValue f)) {
          throw new ScriptError("invokeurl: files must hold FILE values, got " + Ops.describe(item));
        }
        files.add(f);
      }
    } else if (value != null) {
      throw new ScriptError("invokeurl: files must be a FILE or a LIST of FILE, got " + Ops.describe(value));
    }
    return files;
  }

  private static URI withQuery(URI uri, String query) {
    if (query.isEmpty()) {
      return uri;
    }
    String s = uri.toString();
    int hash = s.indexOf('#');
    String fragment = hash >= 0 ? s.substring(hash) : "";
    String base = hash >= 0 ? s.substring(0, hash) : s;
    return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + query + fragment);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static String text(Object v) {
    return v == null ? null : Values.toText(v);
  }

  private static String describeBytes(long n) {
    return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MB" : n + " byte";
  }
}
