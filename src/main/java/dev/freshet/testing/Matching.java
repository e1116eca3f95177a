package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a request made now is compared with a recorded one (TESTING.md §2.5), both already redacted: method,
 * connection, URL (query as a set of pairs, order ignored), the headers the script set, and the body (JSON by value,
 * key order ignored; forms as pairs; text exactly). {@code @match ignore-query=… ignore-header=… ignore-body=$.path}
 * leaves fields out.
 */
final class Matching {
  private final Set<String> ignoreQuery = new TreeSet<>();
  private final Set<String> ignoreHeaders = new TreeSet<>();
  private final List<String> ignoreBody = new ArrayList<>();

  /** From the project's {@code test.match} and a test's {@code // @match …} option (either null), added up. */
  static Matching of(String project, String option) {
    Matching m = new Matching();
    m.add(project);
    m.add(option);
    return m;
  }

  /** From a test's {@code // @match …} option (null: the defaults). */
  static Matching of(String option) {
    return of(null, option);
  }

  private void add(String option) {
    Matching m = this;
    if (option == null) {
      return;
    }
    for (String part : option.trim().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("@match takes ignore-query=, ignore-header= or ignore-body=, got " + part);
      }
      String key = part.substring(0, eq);
      for (String v : part.substring(eq + 1).split(",")) {
        switch (key) {
          case "ignore-query" -> m.ignoreQuery.add(v);
          case "ignore-header" -> m.ignoreHeaders.add(v.toLowerCase(Locale.ROOT));
          case "ignore-body" -> m.ignoreBody.add(v);
          default -> throw new IllegalArgumentException("@match knows ignore-query, ignore-header and ignore-body,"
              + " not " + key);
        }
      }
    }
  }

  /** One request reduced to what matching compares. */
  record Key(String method, String connection, String url, Map<String, List<String>> query,
      Map<String, String> headers, JsonNode body) {}

  Key key(JsonNode request, String connection) {
    String url = request.path("url").asText("");
    int q = url.indexOf('?');
    Map<String, List<String>> query = new TreeMap<>();
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (!ignoreQuery.contains(name) && !ignoreQuery.contains("_")) {
          query.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
      query.values().forEach(v -> v.sort(null));
    }
    Map<String, String> headers = new TreeMap<>();
    request.path("headers").fields().forEachRemaining(e -> {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!ignoreHeaders.contains(name)) {
        headers.put(name, e.getValue().isArray() ? e.getValue().toString() : e.getValue().asText());
      }
    });
    return new Key(request.path("method").asText("GET").toUpperCase(Locale.ROOT), connection,
        origin(q < 0 ? url : url.substring(0, q)), query, headers, body(request.get("body")));
  }

  /** Scheme and host lower-cased, the default port dropped. */
  private static String origin(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int path = url.indexOf('/', scheme + 3);
    String authority = (path < 0 ? url.substring(scheme + 3) : url.substring(scheme + 3, path)).toLowerCase(Locale.ROOT);
    String s = url.substring(0, scheme).toLowerCase(Locale.ROOT);
    if ((s.equals("https") && authority.endsWith(":443")) || (s.equals("http") && authority.endsWith(":80"))) {
      authority = authority.substring(0, authority.lastIndexOf(':'));
    }
    String rest = path < 0 ? "/" : url.substring(path);
    return s + "://" + authority + rest;
  }

  private JsonNode body(JsonNode body) {
    if (body == null || body.isNull()) {
      return null;
    }
    ObjectNode copy = body.deepCopy();
    if (copy.has("json")) {
      JsonNode json = canonical(copy.get("json"));
      for (String path : ignoreBody) {
        JsonPaths.remove(json, path);
      }
      copy.set("json", json);
    }
    if (copy.get("form") instanceof ArrayNode form) {
      List<String> pairs = new ArrayList<>();
      form.forEach(p -> pairs.add(p.toString()));
      pairs.sort(null);
      ArrayNode sorted = copy.putArray("form");
      pairs.forEach(p -> sorted.add(Json.parse(p)));
    }
    if (copy.has("base64")) {
      copy.remove("base64"); // compared by sha256
    }
    return copy;
  }

  /** Numbers by value (1.0 equals 1); objects compare without key order already. */
  private static JsonNode canonical(JsonNode n) {
    if (n.isNumber()) {
      BigDecimal d = n.decimalValue().stripTrailingZeros();
      return Json.MAPPER.getNodeFactory().numberNode(d.scale() < 0 ? d.setScale(0) : d);
    }
    if (n instanceof ObjectNode o) {
      ObjectNode out = Json.object();
      o.fields().forEachRemaining(e -> out.set(e.getKey(), canonical(e.getValue())));
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      a.forEach(item -> out.add(canonical(item)));
      return out;
    }
    return n;
  }

  /** The fields on which two keys differ, as lines for the failure message (at most {@code max}). */
  static List<String> differences(Key recorded, Key sent, int max) {
    List<String> out = new ArrayList<>();
    field(out, "method", recorded.method(), sent.method());
    field(out, "connection", recorded.connection(), sent.connection());
    field(out, "url", recorded.url(), sent.url());
    Set<String> names = new TreeSet<>(recorded.query().keySet());
    names.addAll(sent.query().keySet());
    for (String n : names) {
      field(out, "query " + n, show(recorded.query().get(n)), show(sent.query().get(n)));
    }
    names = new TreeSet<>(recorded.headers().keySet());
    names.addAll(sent.headers().keySet());
    for (String n : names) {
      field(out, "header " + n, recorded.headers().get(n), sent.headers().get(n));
    }
    JsonNode rb = recorded.body();
    JsonNode sb = sent.body();
    if (rb != null && sb != null && rb.has("json") && sb.has("json")) {
      JsonPaths.diff("$", rb.get("json"), sb.get("json"), out);
    } else if (!java.util.Objects.equals(rb, sb)) {
      field(out, "body", rb == null ? null : rb.toString(), sb == null ? null : sb.toString());
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  /** How many of the six fields agree: the rank of a candidate in the failure message. */
  static int agreement(Key a, Key b) {
    int n = 0;
    n += a.method().equals(b.method()) ? 1 : 0;
    n += java.util.Objects.equals(a.connection(), b.connection()) ? 1 : 0;
    n += a.url().equals(b.url()) ? 1 : 0;
    n += a.query().equals(b.query()) ? 1 : 0;
    n += a.headers().equals(b.headers()) ? 1 : 0;
    n += java.util.Objects.equals(a.body(), b.body()) ? 1 : 0;
    return n;
  }

  private static void field(List<String> out, String name, String recorded, String sent) {
    if (!java.util.Objects.equals(recorded, sent)) {
      out.add(JsonPaths.line(name, recorded == null ? null : "\"" + recorded + "\"",
          sent == null ? null : "\"" + sent + "\""));
    }
  }

  private static String show(List<String> values) {
    return values == null ? null : values.size() == 1 ? values.get(0) : values.toString();
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
