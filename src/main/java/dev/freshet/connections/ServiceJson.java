package dev.freshet.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes a {@link Service} as JSON: the format of the built-in catalogue ({@code services.json}) and of a
 * custom service stored inside its connection. Unknown fields are an error, so a typo in a catalogue entry fails the
 * build's tests instead of being ignored.
 */
public final class ServiceJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> FIELDS = List.of("id", "name", "auth", "grants", "authorizeUrl", "tokenUrl",
      "refreshUrl", "revokeUrl", "deviceUrl", "scopeDelimiter", "defaultScopes", "token", "keys", "authParams",
      "clientAuth", "defaultLifetimeSeconds", "refreshMarginSeconds", "apiHosts", "quirk", "accountsServers",
      "metadataUrl", "pkce", "docs");

  private ServiceJson() {}

  public static Service read(JsonNode n) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("service " + n.path("id").asText("?") + ": unknown field \"" + f + "\"");
      }
    }
    Duration lifetime = n.has("defaultLifetimeSeconds") && !n.get("defaultLifetimeSeconds").isNull()
        ? Duration.ofSeconds(n.get("defaultLifetimeSeconds").asLong()) : null;
    Duration margin = n.hasNonNull("refreshMarginSeconds")
        ? Duration.ofSeconds(n.get("refreshMarginSeconds").asLong()) : null;
    AuthType auth = AuthType.parse(text(n, "auth"));
    if (auth == AuthType.OAUTH2 && !n.has("defaultLifetimeSeconds")) {
      lifetime = Duration.ofHours(1); // a provider that omits expires_in gets an hour unless the entry says never
    }
    return new Service(text(n, "id"), text(n, "name"), auth,
        list(n.get("grants"), g -> Grant.parse(g.asText())), text(n, "authorizeUrl"), text(n, "tokenUrl"),
        text(n, "refreshUrl"), text(n, "revokeUrl"), text(n, "deviceUrl"),
        n.hasNonNull("scopeDelimiter") ? ScopeDelimiter.parse(text(n, "scopeDelimiter")) : null,
        list(n.get("defaultScopes"), JsonNode::asText),
        n.hasNonNull("token") ? placement(n.get("token")) : null,
        list(n.get("keys"), ServiceJson::placement), map(n.get("authParams")),
        n.hasNonNull("clientAuth") ? ClientAuth.parse(text(n, "clientAuth")) : null, lifetime, margin,
        list(n.get("apiHosts"), JsonNode::asText), text(n, "quirk"), list(n.get("accountsServers"), JsonNode::asText),
        text(n, "metadataUrl"), !n.has("pkce") || n.get("pkce").asBoolean(), text(n, "docs"));
  }

  public static ObjectNode write(Service s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("name", s.name());
    n.put("auth", s.auth().word());
    array(n, "grants", s.grants().stream().map(Grant::word).toList());
    putIf(n, "authorizeUrl", s.authorizeUrl());
    putIf(n, "tokenUrl", s.tokenUrl());
    putIf(n, "refreshUrl", s.refreshUrl());
    putIf(n, "revokeUrl", s.revokeUrl());
    putIf(n, "deviceUrl", s.deviceUrl());
    n.put("scopeDelimiter", s.scopeDelimiter().word());
    array(n, "defaultScopes", s.defaultScopes());
    n.set("token", placement(s.token()));
    ArrayNode keys = n.putArray("keys");
    s.keys().forEach(k -> keys.add(placement(k)));
    ObjectNode params = n.putObject("authParams");
    s.authParams().forEach(params::put);
    n.put("clientAuth", s.clientAuth().word());
    if (s.defaultLifetime() == null) {
      n.putNull("defaultLifetimeSeconds");
    } else {
      n.put("defaultLifetimeSeconds", s.defaultLifetime().toSeconds());
    }
    n.put("refreshMarginSeconds", s.refreshMargin().toSeconds());
    array(n, "apiHosts", s.apiHosts());
    putIf(n, "quirk", s.quirk());
    array(n, "accountsServers", s.accountsServers());
    putIf(n, "metadataUrl", s.metadataUrl());
    n.put("pkce", s.pkce());
    putIf(n, "docs", s.docs());
    return n;
  }

  static Placement placement(JsonNode n) {
    return new Placement(Placement.In.parse(text(n, "in")), text(n, "name"), text(n, "prefix"));
  }

  static ObjectNode placement(Placement p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("in", p.in().word());
    n.put("name", p.name());
    if (!p.prefix().isEmpty()) {
      n.put("prefix", p.prefix());
    }
    return n;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static <T> List<T> list(JsonNode n, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(f.apply(e)));
    }
    return out;
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static void putIf(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static void array(ObjectNode n, String field, List<String> values) {
    ArrayNode a = n.putArray(field);
    values.forEach(a::add);
  }
}
