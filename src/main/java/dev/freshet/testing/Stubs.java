package dev.freshet.testing;

import dev.freshet.api.Engine;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code stub [ url type status headers body fault ]} task: an answer given to matching calls before the
 * cassette is asked, never recorded. The most recent stub that matches wins; {@code fault: "timeout"} or
 * {@code "connection_refused"} fails the call as the network would.
 */
final class Stubs {
  private static final Set<String> FAULTS = Set.of("timeout", "connection_refused");

  private record Stub(String method, String url, int status, Map<String, List<String>> headers, byte[] body,
      String fault) {}

  private final List<Stub> stubs = new ArrayList<>();

  static void register(Engine.Builder b, TestContext context, Stubs stubs) {
    TestLib.def(b, context, "stub", List.of("task"), "The stub [ … ] task: answers matching HTTP calls in this test",
        a -> stubs.add((Map<?, ?>) a.get(0)));
  }

  synchronized void add(Map<?, ?> keys) {
    String url = String.valueOf(keys.get("url"));
    String method = keys.get("type") == null ? null : String.valueOf(keys.get("type")).toUpperCase(Locale.ROOT);
    int status = keys.get("status") == null ? 200 : Integer.parseInt(String.valueOf(keys.get("status")));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (keys.get("headers") instanceof Map<?, ?> h) {
      h.forEach((k, v) -> headers.put(String.valueOf(k), List.of(String.valueOf(v))));
    }
    Object body = keys.get("body");
    byte[] bytes = new byte[0];
    if (body instanceof Map || body instanceof List) {
      bytes = Json.compact(Json.MAPPER.valueToTree(body)).getBytes(StandardCharsets.UTF_8);
      headers.putIfAbsent("Content-Type", List.of("application/json;charset=UTF-8"));
    } else if (body != null) {
      bytes = String.valueOf(body).getBytes(StandardCharsets.UTF_8);
      headers.putIfAbsent("Content-Type", List.of("text/plain;charset=UTF-8"));
    }
    String fault = keys.get("fault") == null ? null : String.valueOf(keys.get("fault")).toLowerCase(Locale.ROOT);
    if (fault != null && !FAULTS.contains(fault)) {
      throw new IllegalArgumentException("fault must be \"timeout\" or \"connection_refused\", got \"" + fault + "\"");
    }
    stubs.add(new Stub(method, url, status, headers, bytes, fault));
  }

  /** The stub's answer to the call, or null when no stub matches. */
  synchronized HttpReply answer(HttpCall call) throws IOException {
    String url = call.withoutCredentials().uri().toString();
    for (int i = stubs.size() - 1; i >= 0; i--) {
      Stub s = stubs.get(i);
      boolean urlMatches = url.equals(s.url) || (!s.url.contains("?") && url.startsWith(s.url + "?"));
      if (urlMatches && (s.method == null || s.method.equals(call.method()))) {
        if ("timeout".equals(s.fault)) {
          throw new HttpTimeoutException("request timed out");
        }
        if ("connection_refused".equals(s.fault)) {
          throw new ConnectException("Connection refused");
        }
        return new HttpReply(s.status, s.headers, s.body);
      }
    }
    return null;
  }
}
