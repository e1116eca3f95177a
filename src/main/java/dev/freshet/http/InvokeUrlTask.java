package dev.freshet.http;

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

  public InvokeUrlTask(HttpTransport transport, HttpOptions options) {
    this.transport = transport;
    this.options = options;
  }

  /** Runs one invokeurl with its evaluated keys. */
  public Object run(Map<String, Object> params) {
    URI uri = url(params.get("url"));
    String method = method(params.get("type"));
    if (params.get("connection") != null) {
      throw new ScriptError("invokeurl: connection \"" + Values.toText(params.get("connection"))
          + "\" cannot be used: no connection registry is configured");
    }
    Map<String, List<String>> headers = headers(params.get("headers"));
    if (params.get("content-type") != null) {
      setHeader(headers, "Content-Type", Values.toText(params.get("content-type")));
    }
    byte[] body = new byte[0];
    Object parameters = params.get("parameters");
    Object rawBody = params.get("body");
    List<FileValue> files = files(params.get("files"));
    boolean query = method.equals("GET") || method.equals("DELETE");
    if (parameters != null && rawBody != null && !query) {
      throw new ScriptError("invokeurl: give either parameters or body for " + method + ", not both");
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
    HttpReply reply = exchange(method, uri, headers, body);
    Object value = ResponseValue.body(reply, uri, text(params.get("response-format")),
        text(params.get("response-decoding")));
    return Boolean.TRUE.equals(params.get("detailed")) ? ResponseValue.detailed(reply, value) : value;
  }

  /** Sends, following up to the redirect limit; credentials are dropped when a redirect leaves the host. */
  private HttpReply exchange(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      HttpReply reply = send(new HttpCall(method, current, headers, body, options.requestTimeout(),
          options.maxBodyBytes()));
      String location = reply.header("Location");
      if (!isRedirect(reply.status()) || location == null) {
        return reply;
      }
      if (redirects >= options.maxRedirects()) {
        throw failure(uri, "too many redirects (more than " + options.maxRedirects() + ")");
      }
      URI next = current.resolve(location.trim());
      if (!sameOrigin(current, next)) {
        headers = new LinkedHashMap<>(headers);
        headers.keySet().removeIf(h -> CREDENTIAL_HEADERS.contains(h.toLowerCase(Locale.ROOT)));
      }
      if (reply.status() == 303 || ((reply.status() == 301 || reply.status() == 302) && !method.equals("GET"))) {
        method = "GET";
        body = new byte[0];
        headers = new LinkedHashMap<>(headers);
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("Content-Type"));
      }
      current = next;
    }
  }

  private HttpReply send(HttpCall call) {
    long start = System.nanoTime();
    boolean logging = options.log() != null;
    if (logging) {
      log("> " + call.method() + " " + Redaction.url(call.uri().toString()));
    }
    try {
      HttpReply reply = transport.send(call);
      if (logging) {
        log("< " + reply.status() + " " + call.method() + " " + Redaction.url(call.uri().toString()) + " ("
            + (System.nanoTime() - start) / 1_000_000 + " ms, " + reply.body().length + " bytes)");
      }
      return reply;
    } catch (HttpTransport.BodyTooLargeException e) {
      throw failure(call.uri(), "the response is larger than the " + describeBytes(call.maxBodyBytes()) + " limit");
    } catch (HttpConnectTimeoutException e) {
      throw failure(call.uri(), "could not connect within " + options.connectTimeout().toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw failure(call.uri(), "timed out: no complete response within " + call.timeout().toSeconds() + " s");
    } catch (UnknownHostException e) {
      throw failure(call.uri(), "unknown host " + call.uri().getHost());
    } catch (ConnectException e) {
      if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
        throw failure(call.uri(), "unknown host " + call.uri().getHost());
      }
      throw failure(call.uri(), "could not connect to " + call.uri().getHost() + ":" + port(call.uri())
          + " (connection refused)");
    } catch (SSLException e) {
      throw failure(call.uri(), "TLS failure: " + e.getMessage());
    } catch (IOException e) {
      throw failure(call.uri(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private void log(String line) {
    if (options.log() != null) {
      options.log().accept(line);
    }
  }

  private static ScriptError failure(URI uri, String cause) {
    return new ScriptError("invokeurl to " + Redaction.url(uri.toString()) + " failed: " + cause);
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
