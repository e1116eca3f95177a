package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.connections.ConnectionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test's recorded HTTP traffic (TESTING.md §2.3): the envelope in a fixed key order, the frozen clock and the
 * seed the test ran with, what its connections answered (so replay needs no registry), and the interactions.
 */
final class Cassette {
  static final int VERSION = 1;

  final String test;
  final Instant now;
  final ZoneId zone;
  final long seed;
  final ConnectionRegistry.Replayed connections;
  final List<ObjectNode> interactions;

  Cassette(String test, Instant now, ZoneId zone, long seed, ConnectionRegistry.Replayed connections,
      List<ObjectNode> interactions) {
    this.test = test;
    this.now = now;
    this.zone = zone;
    this.seed = seed;
    this.connections = connections;
    this.interactions = List.copyOf(interactions);
  }

  /** Reads a cassette; null when the file does not exist. */
  static Cassette read(Path file, String shown) throws CassetteException {
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root;
    try {
      root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CassetteException("cannot read cassette " + shown + ": " + e.getMessage());
    }
    if (!(root instanceof ObjectNode o) || !o.has("freshet_cassette")) {
      throw new CassetteException("cassette " + shown + " is not a Freshet cassette (no \"freshet_cassette\" key);"
          + " re-record it with --record=rewrite");
    }
    int version = o.get("freshet_cassette").asInt(-1);
    if (version != VERSION) {
      throw new CassetteException("cassette " + shown + " has format version " + o.get("freshet_cassette")
          + ", which this Freshet does not read (it reads " + VERSION + "); re-record it with --record=rewrite");
    }
    try {
      OffsetDateTime now = OffsetDateTime.parse(o.path("clock").path("now").asText());
      ZoneId zone = ZoneId.of(o.path("clock").path("zone").asText());
      List<ObjectNode> interactions = new ArrayList<>();
      for (JsonNode i : o.path("interactions")) {
        interactions.add((ObjectNode) i);
      }
      Sidecars.resolve(interactions, file.toAbsolutePath().getParent(), shown);
      return new Cassette(o.path("test").asText(), now.toInstant(), zone, o.path("seed").asLong(),
          replayed(o.path("connections"), o.path("default_connections")), interactions);
    } catch (java.time.DateTimeException | ClassCastException e) {
      throw new CassetteException("cassette " + shown + " is damaged (" + e.getMessage() + "); re-record it with"
          + " --record=rewrite");
    }
  }

  private static ConnectionRegistry.Replayed replayed(JsonNode connections, JsonNode defaults) {
    Map<String, String> services = new LinkedHashMap<>();
    Map<String, String> domains = new LinkedHashMap<>();
    Map<String, Boolean> rewrites = new LinkedHashMap<>();
    connections.fields().forEachRemaining(e -> {
      if (e.getValue().hasNonNull("service")) {
        services.put(e.getKey(), e.getValue().get("service").asText());
      }
      if (e.getValue().hasNonNull("api_domain")) {
        domains.put(e.getKey(), e.getValue().get("api_domain").asText());
      }
      rewrites.put(e.getKey(), e.getValue().path("rewrite_zoho_hosts").asBoolean(false));
    });
    Map<String, String> d = new LinkedHashMap<>();
    defaults.fields().forEachRemaining(e -> d.put(e.getKey(), e.getValue().asText()));
    return new ConnectionRegistry.Replayed(services, domains, rewrites, d);
  }

  /** The canonical text: fixed envelope order, two-space indent, LF, final newline. */
  String text(String recordedWith) {
    ObjectNode root = Json.object();
    root.put("freshet_cassette", VERSION);
    root.put("test", test);
    root.put("recorded_at", now.toString());
    root.put("recorded_with", recordedWith);
    ObjectNode clock = root.putObject("clock");
    clock.put("now", OffsetDateTime.ofInstant(now, zone).toString());
    clock.put("zone", zone.getId());
    root.put("seed", seed);
    ObjectNode cs = root.putObject("connections");
    java.util.TreeSet<String> names = new java.util.TreeSet<>(connections.rewritesZohoHosts().keySet());
    names.addAll(connections.apiDomains().keySet());
    for (String name : names) {
      ObjectNode c = cs.putObject(name);
      if (connections.services().get(name) != null) {
        c.put("service", connections.services().get(name));
      }
      c.put("api_domain", connections.apiDomains().get(name));
      c.put("rewrite_zoho_hosts", Boolean.TRUE.equals(connections.rewritesZohoHosts().get(name)));
    }
    if (!connections.defaults().isEmpty()) {
      ObjectNode d = root.putObject("default_connections");
      new java.util.TreeMap<>(connections.defaults()).forEach(d::put);
    }
    ArrayNode list = root.putArray("interactions");
    int seq = 1;
    for (ObjectNode i : interactions) {
      ObjectNode copy = Json.object();
      copy.put("seq", seq++);
      i.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("seq")) {
          copy.set(e.getKey(), e.getValue());
        }
      });
      list.add(copy);
    }
    return Json.pretty(root);
  }

  /** A cassette that cannot be read or written; the test errors with this message. */
  static final class CassetteException extends Exception {
    CassetteException(String message) {
      super(message, null, false, false);
    }
  }
}
