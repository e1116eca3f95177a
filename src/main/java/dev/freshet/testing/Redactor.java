package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in recorded requests and responses with stable placeholders ({@code <redacted:KIND#n>}): values
 * the run knows (a connection's credentials), values found by name (an {@code Authorization} header, an
 * {@code access_token} key at any depth) and by shape (a JWT). Each distinct secret gets one placeholder everywhere,
 * so a token read from a recorded response matches the later request that sends it. One per test; interactions are
 * given in the order they happened, in record and in replay alike, so the numbering agrees.
 */
final class Redactor {
  private static final Pattern PLACEHOLDER = Pattern.compile("<redacted:([a-z0-9_:.-]+)#(\\d+)>");

  /** Secret value → placeholder, longest values replaced first. */
  private final Map<String, String> known = new LinkedHashMap<>();
  /** Secret value → what it is, for the leak scan's message. */
  private final Map<String, String> kinds = new LinkedHashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private final RedactRules rules;

  Redactor() {
    this(RedactRules.DEFAULT);
  }

  Redactor(RedactRules rules) {
    this.rules = rules;
  }

  /** A secret the run knows by value, such as the token a connection attached. */
  synchronized String know(String value, String kind) {
    if (value == null || value.isEmpty() || value.contains(Secrets.PLACEHOLDER_START)) {
      return value;
    }
    String p = known.get(value);
    if (p == null) {
      int n = counters.merge(kind, 1, Integer::sum);
      p = "<redacted:" + kind + "#" + n + ">";
      known.put(value, p);
      kinds.put(value, kind);
    }
    return p;
  }

  /** Every secret value learned, with its kind: what the leak scan looks for. */
  synchronized Map<String, String> secrets() {
    return new LinkedHashMap<>(kinds);
  }

  /** Notes the placeholders in replayed data, so new secrets are numbered after them as when recording. */
  synchronized void observe(JsonNode node) {
    Matcher m = PLACEHOLDER.matcher(node.toString());
    while (m.find()) {
      counters.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
    }
  }

  /** Redacts a request or response node in place: learns secrets by name and shape, then replaces them all. */
  synchronized void redact(ObjectNode message) {
    String url = message.path("url").asText("");
    boolean tokenRequest = url.toLowerCase(Locale.ROOT).contains("/token");
    if (message.has("url")) {
      message.put("url", query(url, tokenRequest));
    }
    if (message.get("headers") instanceof ObjectNode headers) {
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey().toLowerCase(Locale.ROOT);
        if (rules.header(name) && e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(header(name, e.getValue().asText())));
        }
      }
    }
    JsonNode body = message.get("body");
    if (body instanceof ObjectNode b) {
      if (b.has("json")) {
        keys(b.get("json"), tokenRequest);
      }
      if (b.get("form") instanceof ArrayNode form) {
        for (JsonNode pair : form) {
          if (pair instanceof ArrayNode p && p.size() == 2 && rules.key(p.get(0).asText(), false, tokenRequest)) {
            p.set(1, TextNode.valueOf(know(p.get(1).asText(), p.get(0).asText().toLowerCase(Locale.ROOT))));
          }
        }
      }
    }
    shapes(message);
    replaceKnown(message);
  }

  private String header(String name, String value) {
    Matcher m = Secrets.SCHEME.matcher(value.trim());
    if (m.matches()) {
      String scheme = m.group(1);
      String kind = scheme.equalsIgnoreCase("Basic") ? "basic" : "access_token";
      return scheme + " " + know(m.group(2).trim(), kind);
    }
    return know(value, name.replace('-', '_'));
  }

  private String query(String url, boolean tokenRequest) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.substring(0, q + 1));
    String[] pairs = url.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      if (i > 0) {
        out.append('&');
      }
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && rules.key(Matching.decode(name), true, tokenRequest) && eq + 1 < pair.length()) {
        out.append(name).append('=')
            .append(know(Matching.decode(pair.substring(eq + 1)), Matching.decode(name).toLowerCase(Locale.ROOT)));
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  /** Secret-named keys at any depth of a JSON body. */
  private void keys(JsonNode node, boolean tokenRequest) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isValueNode() && !e.getValue().isNull()
            && rules.key(e.getKey(), false, tokenRequest)) {
          e.setValue(TextNode.valueOf(know(e.getValue().asText(), e.getKey().toLowerCase(Locale.ROOT))));
        } else {
          keys(e.getValue(), tokenRequest);
        }
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(item -> keys(item, tokenRequest));
    }
  }

  /** Token-shaped values anywhere: after Bearer / Zoho-oauthtoken, JWTs, MailChimp-style keys. */
  private void shapes(JsonNode node) {
    List<String> strings = new ArrayList<>();
    collect(node, strings);
    for (String s : strings) {
      Matcher m = Secrets.VALUE_PATTERNS.matcher(s);
      while (m.find()) {
        String v = m.group();
        know(v, v.startsWith("eyJ") ? "jwt" : v.contains("-us") && v.length() < 40 ? "api_key" : "access_token");
      }
      for (Pattern p : rules.patterns()) {
        Matcher extra = p.matcher(s);
        while (extra.find()) {
          know(extra.group(), "pattern");
        }
      }
    }
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(out::add);
    }
  }

  /** Replaces every known secret, in each of its encodings, in every string of the node. */
  private void replaceKnown(JsonNode node) {
    Json.mapTexts(node, this::replace);
  }

  /** The text with every known secret replaced by its placeholder (null stays null). */
  synchronized String replace(String s) {
    if (s == null) {
      return null;
    }
    List<Map.Entry<String, String>> byLength = new ArrayList<>(known.entrySet());
    byLength.sort((a, b) -> b.getKey().length() - a.getKey().length());
    for (Map.Entry<String, String> e : byLength) {
      if (e.getKey().length() < 4) {
        continue; // too short to replace everywhere; it was replaced where its name showed it
      }
      for (String form : Secrets.encodings(e.getKey())) {
        s = s.replace(form, e.getValue());
      }
    }
    return s;
  }
}
