package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Requests and responses as cassette nodes, and back. */
final class Exchange {
  private Exchange() {}

  /** Response headers that change on every call, or that the wire form decides: never recorded. */
  private static final Set<String> VOLATILE = Set.of("date", "expires", "age", "x-request-id", "cf-ray",
      "server-timing", "report-to", "nel", "set-cookie", "content-length", "content-encoding", "transfer-encoding",
      "connection", "keep-alive");

  /** The request as the script asked for it (never with a connection's credentials). */
  static ObjectNode request(HttpCall bare) {
    ObjectNode r = Json.object();
    r.put("method", bare.method());
    r.put("url", bare.uri().toString());
    String contentType = null;
    ObjectNode headers = Json.object();
    for (Map.Entry<String, List<String>> h : bare.headers().entrySet()) {
      String value = String.join(", ", h.getValue());
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = value;
        value = Bodies.contentType(value);
      }
      headers.put(h.getKey(), value);
    }
    if (!headers.isEmpty()) {
      r.set("headers", headers);
    }
    JsonNode body = Bodies.encode(bare.body(), contentType);
    if (body != null) {
      r.set("body", body);
    }
    return r;
  }

  static ObjectNode response(HttpReply reply) {
    ObjectNode r = Json.object();
    r.put("status", reply.status());
    ObjectNode headers = Json.object();
    for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
      String name = h.getKey();
      if (name == null || name.startsWith(":") || VOLATILE.contains(name.toLowerCase(Locale.ROOT))
          || name.toLowerCase(Locale.ROOT).startsWith("x-trace")) {
        continue;
      }
      if (h.getValue().size() == 1) {
        headers.put(name, h.getValue().get(0));
      } else {
        ArrayNode values = headers.putArray(name);
        h.getValue().forEach(values::add);
      }
    }
    if (!headers.isEmpty()) {
      r.set("headers", headers);
    }
    r.set("body", Bodies.encode(reply.body(), reply.header("Content-Type")));
    return r;
  }

  static HttpReply reply(JsonNode response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.path("headers").fields().forEachRemaining(e -> {
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      headers.put(e.getKey(), values);
    });
    return new HttpReply(response.path("status").asInt(200), headers, Bodies.decode(response.get("body")));
  }
}
