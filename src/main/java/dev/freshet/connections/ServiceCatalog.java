package dev.freshet.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The services a connection can name with {@code --service}: the built-in catalogue shipped in the jar as
 * {@code services.json} (one {@link ServiceJson} object per service), optionally with more added by a host. Ids are
 * matched without regard to case and are unique. Immutable: {@link #with(Service)} returns a new catalogue.
 */
public final class ServiceCatalog {
  /** Where the built-in catalogue lives on the classpath. */
  static final String RESOURCE = "/dev/freshet/connections/services.json";

  private final Map<String, Service> byId;

  private ServiceCatalog(Map<String, Service> byId) {
    this.byId = byId;
  }

  private static volatile ServiceCatalog builtIn;

  /**
   * The built-in catalogue, read from the jar on first use and shared afterwards.
   *
   * @throws IllegalStateException if {@code services.json} is missing or has a malformed entry (named in the message)
   */
  public static ServiceCatalog builtIn() {
    ServiceCatalog c = builtIn;
    if (c == null) {
      synchronized (ServiceCatalog.class) {
        c = builtIn;
        if (c == null) {
          c = loadBuiltIn();
          builtIn = c;
        }
      }
    }
    return c;
  }

  /** A catalogue of exactly these services (for tests and hosts); ids must be unique ignoring case. */
  public static ServiceCatalog of(List<Service> services) {
    Map<String, Service> byId = new LinkedHashMap<>();
    for (Service s : services) {
      if (byId.putIfAbsent(key(s.id()), s) != null) {
        throw new IllegalArgumentException("service \"" + s.id() + "\" is listed twice");
      }
    }
    return new ServiceCatalog(Map.copyOf(byId));
  }

  /** A new catalogue with {@code extra} added, replacing a service of the same id. */
  public ServiceCatalog with(Service extra) {
    Map<String, Service> copy = new LinkedHashMap<>(byId);
    copy.put(key(extra.id()), extra);
    return new ServiceCatalog(Map.copyOf(copy));
  }

  /** The service with this id, case-insensitively; empty for an unknown id or null. */
  public Optional<Service> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(key(id)));
  }

  /** Every service, sorted by id. */
  public List<Service> all() {
    List<Service> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(s -> key(s.id())));
    return List.copyOf(out);
  }

  /** The ids, sorted, for messages such as "unknown service; expected one of …". */
  public List<String> ids() {
    return all().stream().map(Service::id).toList();
  }

  @Override
  public String toString() {
    return "ServiceCatalog" + ids();
  }

  private static String key(String id) {
    return id.trim().toLowerCase(Locale.ROOT);
  }

  /** Parses a catalogue: a JSON array of service objects. A bad entry is named by its position and id. */
  static ServiceCatalog parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = ServiceJson.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalStateException(source + ": expected a JSON array of services");
    }
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String name = "entry " + (i + 1) + " (" + (entry.hasNonNull("id") ? entry.get("id").asText() : "no id") + ")";
      try {
        if (!entry.isObject()) {
          throw new IllegalArgumentException("not a JSON object");
        }
        if (!entry.hasNonNull("id")) {
          throw new IllegalArgumentException("a service needs an \"id\"");
        }
        services.add(ServiceJson.read(entry));
      } catch (RuntimeException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        throw new IllegalStateException(source + ": " + name + ": " + why, e);
      }
    }
    try {
      return of(services);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": " + e.getMessage(), e);
    }
  }

  private static ServiceCatalog loadBuiltIn() {
    try (InputStream in = ServiceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in service catalogue " + RESOURCE + " is missing from the jar");
      }
      return parse(in, "services.json");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in service catalogue " + RESOURCE, e);
    }
  }
}
