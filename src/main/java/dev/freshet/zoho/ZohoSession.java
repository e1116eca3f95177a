package dev.freshet.zoho;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.http.HttpOptions;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import dev.freshet.http.InvokeUrlTask;
import dev.freshet.http.RequestFailure;
import dev.freshet.runtime.AuthorizationRequired;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.LimitError;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code zoho.*} tasks' view of one run: it picks the connection, finds its API domain, counts the run's API
 * calls against the cap, and sends every request through invokeurl's HTTP layer (so the connection's host binding,
 * refresh, 401 retry, limits and masked {@code --log-http} lines apply alike).
 */
public final class ZohoSession {
  private final Supplier<HttpTransport> transport;
  private final HttpOptions options;
  private final Supplier<ConnectionRegistry> registry;
  private final long maxApiCalls;
  private long apiCalls;
  private final Map<String, String> apiDomains = new HashMap<>();

  /**
   * @param registry the engine's connections, or a supplier of null when it has none
   * @param maxApiCalls the most API calls the run may make (each task that gets an answer is one, as Zoho counts)
   */
  public ZohoSession(Supplier<HttpTransport> transport, HttpOptions options, Supplier<ConnectionRegistry> registry,
      long maxApiCalls) {
    this.transport = transport;
    this.options = options;
    this.registry = registry;
    this.maxApiCalls = maxApiCalls;
  }

  /** The API calls this run has made so far. */
  public long apiCalls() {
    return apiCalls;
  }

  Reply send(Call call, String method, String path, Map<String, Object> query, Object body,
      Map<String, String> headers) {
    String task = call.task.name();
    ConnectionRegistry connections = registry.get();
    if (connections == null) {
      throw new ScriptError(task + " needs a Zoho connection, but this engine has no connection registry");
    }
    String connection = connections(task, () -> ConnectionChoice.choose(task, call.task.product(),
        call.connection(), connections));
    String apiDomain = apiDomains.computeIfAbsent(connection, c -> connections(task, () -> connections.apiDomain(c)));
    if (apiDomain == null) {
      throw new ScriptError(task + ": connection \"" + connection + "\" has no API domain; add it again with"
          + " --api-domain URL");
    }
    if (apiCalls >= maxApiCalls) {
      throw new LimitError("API call limit exceeded: more than " + maxApiCalls + " Zoho API calls in one run", null);
    }
    Map<String, Object> params = new HashMap<>();
    params.put("url", call.task.product().base(apiDomain) + path + query(query));
    params.put("type", method);
    params.put("connection", connection);
    DelugeCollection h = DelugeCollection.newMap();
    h.map().putAll(headers);
    params.put("headers", h);
    if (body instanceof FileValue f) {
      params.put("files", f);
    } else if (body != null) {
      params.put("body", RequestJson.of(body, call.env.zone()));
    }
    HttpReply reply;
    try {
      reply = new InvokeUrlTask(transport.get(), options, connections, task, null, call.from).exchange(params);
    } catch (RequestFailure e) {
      return Reply.failed(e.cause());
    }
    apiCalls++;
    return Reply.of(reply.status(), reply.body());
  }

  /** A registry step whose failure is a script error naming the task (exit 75 when someone must authorize). */
  private static <T> T connections(String task, Supplier<T> step) {
    try {
      return step.get();
    } catch (ConnectionException e) {
      if (e.needsAuthorization()) {
        String m = e.getMessage();
        int open = m.indexOf('"');
        int close = open < 0 ? -1 : m.indexOf('"', open + 1);
        throw new AuthorizationRequired(close < 0 ? "" : m.substring(open + 1, close), task + ": " + m);
      }
      throw new ScriptError(task + ": " + e.getMessage());
    }
  }

  private static String query(Map<String, Object> query) {
    StringBuilder q = new StringBuilder();
    query.forEach((k, v) -> {
      if (v != null) {
        q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=').append(encode(Values.toText(v)));
      }
    });
    return q.toString();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
