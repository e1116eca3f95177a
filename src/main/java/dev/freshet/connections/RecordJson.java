package dev.freshet.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;

/**
 * A {@link ConnectionRecord} as one JSON file: the definition, status and dates in the clear, the secrets as one
 * encrypted {@code vault} field (or, in plaintext mode only, a {@code secrets} object). A built-in service is written
 * as its id and looked up again on reading; any other service is written in full.
 */
final class RecordJson {
  static final int FORMAT = 1;

  private final Function<String, Optional<Service>> services;
  private final Supplier<Vault> vault;
  private final boolean plaintext;

  /**
   * @param services finds a built-in service by id
   * @param vault the vault, asked for only when a secret is encrypted or decrypted
   * @param plaintext write secrets unencrypted
   */
  RecordJson(Function<String, Optional<Service>> services, Supplier<Vault> vault, boolean plaintext) {
    this.services = services;
    this.vault = vault;
    this.plaintext = plaintext;
  }

  /** What binds a blob to its connection: owner and name. */
  static String aad(String owner, String name) {
    return "freshet:v1:" + (owner == null ? "shared" : "owner:" + owner) + "/" + name;
  }

  /**
   * The blob's associated data: owner and name, plus a digest of the fields that decide where the secrets are sent
   * (service with its URLs and hosts, client id, grant, scopes, user name, provider facts). Someone who can edit the
   * folder but has no key cannot point a connection's tokens at another host: the vault would no longer open.
   */
  static String aad(String owner, String name, JsonNode n) {
    ObjectNode bound = ServiceJson.MAPPER.createObjectNode();
    for (String field : new String[] {"service", "grant", "clientId", "scopes", "username", "info", "apiDomain", "dc",
        "rewriteZohoHosts"}) {
      if (n.hasNonNull(field)) {
        bound.set(field, n.get(field));
      }
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(ServiceJson.MAPPER.writeValueAsBytes(bound));
      return aad(owner, name) + ":" + java.util.HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot bind the vault: " + e.getMessage());
    }
  }

  byte[] write(ConnectionRecord r) {
    Connection c = r.connection();
    ObjectNode n = ServiceJson.MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("name", c.name());
    if (c.owner() != null) {
      n.put("owner", c.owner());
    }
    if (services.apply(c.service().id()).filter(c.service()::equals).isPresent()) {
      n.put("service", c.service().id());
    } else {
      n.set("service", ServiceJson.write(c.service())); // custom, or a built-in changed by its host
    }
    putIf(n, "grant", c.grant() == null ? null : c.grant().word());
    putIf(n, "clientId", c.clientId());
    ArrayNode scopes = n.putArray("scopes");
    c.scopes().forEach(scopes::add);
    putIf(n, "username", c.username());
    putIf(n, "apiDomain", c.apiDomain());
    putIf(n, "dc", c.dc());
    if (c.rewriteZohoHosts()) {
      n.put("rewriteZohoHosts", true);
    }
    n.put("status", r.status().word());
    putIf(n, "expiresAt", r.expiresAt() == null ? null : r.expiresAt().toString());
    putIf(n, "obtainedAt", r.obtainedAt() == null ? null : r.obtainedAt().toString());
    putIf(n, "updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
    ObjectNode info = n.putObject("info");
    r.info().forEach(info::put);
    putIf(n, "problem", r.problem());
    n.put("version", r.version());
    ObjectNode secrets = secrets(r.secrets());
    if (plaintext) {
      n.set("secrets", secrets);
    } else {
      n.put("vault", vault.get().seal(bytes(secrets), aad(c.owner(), c.name(), n)));
    }
    try {
      return ServiceJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads a connection file.
   *
   * @param file named in messages
   * @throws ConnectionException (STORE) when the file is damaged, names an unknown service, or does not decrypt
   */
  ConnectionRecord read(byte[] bytes, String file) {
    JsonNode n = tree(bytes, file);
    String name = text(n, "name");
    String owner = text(n, "owner");
    String label = "connection \"" + name + "\"" + (owner == null ? "" : " of " + owner);
    try {
      Connection c = new Connection(name, owner, service(n.get("service"), label),
          n.hasNonNull("grant") ? Grant.parse(text(n, "grant")) : null, text(n, "clientId"), strings(n.get("scopes")),
          text(n, "username"), text(n, "apiDomain"), text(n, "dc"), n.path("rewriteZohoHosts").asBoolean(false));
      return new ConnectionRecord(c, ConnectionStatus.parse(text(n, "status")), secrets(n, owner, name, label),
          instant(n, "expiresAt"), instant(n, "obtainedAt"), instant(n, "updatedAt"), map(n.get("info")),
          text(n, "problem"), n.path("version").asLong());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw store(file + " is damaged: " + e.getMessage());
    }
  }

  /** The version written in a connection file, without decrypting anything. */
  static long version(byte[] bytes, String file) {
    return tree(bytes, file).get("version").asLong();
  }

  private static JsonNode tree(byte[] bytes, String file) {
    JsonNode n;
    try {
      n = ServiceJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      // the location only: a parser message could quote part of a plaintext secret
      throw store(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw store("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    if (n == null || !n.isObject() || !n.path("format").canConvertToInt() || !n.path("version").isIntegralNumber()
        || !n.hasNonNull("name") || !n.hasNonNull("service")) {
      throw store(file + " is not a Freshet connection file (format, name, service or version missing)");
    }
    int format = n.get("format").asInt();
    if (format != FORMAT) {
      throw store(file + " has format " + format + "; this Freshet reads format " + FORMAT
          + (format > FORMAT ? " (it was written by a newer Freshet)" : ""));
    }
    return n;
  }

  private Service service(JsonNode s, String label) {
    if (s.isObject()) {
      return ServiceJson.read(s);
    }
    String id = s.asText();
    return services.apply(id).orElseThrow(() -> store(label + " uses the service \"" + id
        + "\", which is not a built-in service of this Freshet; define it again with a custom service"));
  }

  private Secrets secrets(JsonNode n, String owner, String name, String label) {
    if (n.hasNonNull("vault")) {
      byte[] clear;
      Vault v = vault.get();
      try {
        clear = v.open(n.get("vault").asText(), aad(owner, name, n));
      } catch (AEADBadTagException e) {
        throw store("cannot decrypt " + label + ": the vault key is not the one it was written with ("
            + v.source() + "), or the file was altered or copied from another connection");
      }
      return secrets(tree(clear));
    }
    return n.hasNonNull("secrets") ? secrets(n.get("secrets")) : Secrets.NONE;
  }

  private static JsonNode tree(byte[] clear) {
    try {
      return ServiceJson.MAPPER.readTree(clear);
    } catch (IOException e) {
      throw new IllegalArgumentException("the decrypted vault is not JSON");
    }
  }

  private static Secrets secrets(JsonNode s) {
    if (!s.isObject()) {
      throw new IllegalArgumentException("the secrets are not a JSON object");
    }
    return new Secrets(text(s, "clientSecret"), text(s, "accessToken"), text(s, "refreshToken"), text(s, "password"),
        map(s.get("keys")));
  }

  private static ObjectNode secrets(Secrets s) {
    ObjectNode n = ServiceJson.MAPPER.createObjectNode();
    putIf(n, "clientSecret", s.clientSecret());
    putIf(n, "accessToken", s.accessToken());
    putIf(n, "refreshToken", s.refreshToken());
    putIf(n, "password", s.password());
    ObjectNode keys = n.putObject("keys");
    s.keys().forEach(keys::put);
    return n;
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return ServiceJson.MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : Instant.parse(t);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static void putIf(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static ConnectionException store(String message) {
    return new ConnectionException(ConnectionException.Kind.STORE, message);
  }
}
