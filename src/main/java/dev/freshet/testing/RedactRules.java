package dev.freshet.testing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which names and shapes are secrets in this project: the defaults of {@link Secrets}, plus the header names, key
 * names and value patterns of {@code test.redact} in {@code freshet.json}, minus the defaults it removes by name.
 */
record RedactRules(Set<String> headers, Set<String> keys, List<Pattern> patterns, Set<String> removed) {
  static final RedactRules DEFAULT = new RedactRules(Set.of(), Set.of(), List.of(), Set.of());

  /** Every default name that {@code test.redact.remove} may name. */
  static Set<String> defaults() {
    Set<String> all = new TreeSet<>(Secrets.HEADERS);
    all.addAll(Secrets.KEYS);
    all.addAll(Secrets.QUERY_ONLY);
    all.addAll(Secrets.TOKEN_REQUEST_ONLY);
    return all;
  }

  /** Whether a header (name in lower case) holds a secret. */
  boolean header(String name) {
    return headers.contains(name) || (Secrets.HEADERS.contains(name) && !removed.contains(name));
  }

  /** Whether a query, form or JSON key names a secret. */
  boolean key(String name, boolean inQuery, boolean tokenRequest) {
    String n = name.toLowerCase(Locale.ROOT);
    return keys.contains(n) || (!removed.contains(n) && Secrets.isSecretKey(n, inQuery, tokenRequest));
  }
}
