package dev.freshet.connections;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request must carry for one connection: headers, query parameters and form fields. {@code toString} gives
 * the names only. Hold it only for the one request it was made for.
 */
public final class Credentials {
  private final String connection;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> form = new LinkedHashMap<>();
  /** The OAuth access token used, so a 401 can tell whether it has been replaced since; null for static secrets. */
  final String token;
  final String owner;

  Credentials(String connection, String owner, String token) {
    this.connection = connection;
    this.owner = owner;
    this.token = token;
  }

  Credentials add(Placement p, String secret) {
    Map<String, String> target = switch (p.in()) {
      case HEADER -> headers;
      case QUERY -> query;
      case FORM -> form;
    };
    target.put(p.name(), p.render(secret));
    return this;
  }

  public String connection() {
    return connection;
  }

  public Map<String, String> headers() {
    return java.util.Collections.unmodifiableMap(headers);
  }

  public Map<String, String> query() {
    return java.util.Collections.unmodifiableMap(query);
  }

  public Map<String, String> form() {
    return java.util.Collections.unmodifiableMap(form);
  }

  /** Whether a 401 may be answered by refreshing the token and retrying once. */
  public boolean refreshable() {
    return token != null;
  }

  @Override
  public String toString() {
    return "Credentials[" + connection + ", headers=" + headers.keySet() + ", query=" + query.keySet() + ", form="
        + form.keySet() + "]";
  }
}
