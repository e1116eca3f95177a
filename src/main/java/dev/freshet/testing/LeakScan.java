package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The last check before a cassette is written: every secret the run knows, in every encoding, is looked for in the
 * text about to be written (and inside base64 bodies). A hit refuses the write and names the JSON path of the leak.
 */
final class LeakScan {
  private LeakScan() {}

  /** Null when clean, else the message of the refusal. */
  static String scan(String text, Map<String, String> secrets) {
    JsonNode root = Json.parse(text);
    for (Map.Entry<String, String> s : secrets.entrySet()) {
      if (s.getKey().length() < 4) {
        continue;
      }
      for (String form : Secrets.encodings(s.getKey())) {
        if (text.contains(form) || base64Bodies(root, form)) {
          String path = path(root, "$", form);
          return "refusing to write cassette: " + describe(s.getValue()) + " found at " + (path == null ? "(text)"
              : path);
        }
      }
    }
    return null;
  }

  private static String describe(String kind) {
    return kind.startsWith("connection:") ? "secret of connection '" + kind.substring("connection:".length()) + "'"
        : "secret (" + kind + ")";
  }

  private static boolean base64Bodies(JsonNode node, String form) {
    if (node == null) {
      return false;
    }
    if (node.has("base64") && node.get("base64").isTextual()) {
      try {
        String decoded = new String(Base64.getDecoder().decode(node.get("base64").asText()), StandardCharsets.ISO_8859_1);
        if (decoded.contains(new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // not base64 after all: the text scan covers it
      }
    }
    for (JsonNode child : node) {
      if (base64Bodies(child, form)) {
        return true;
      }
    }
    return false;
  }

  private static String path(JsonNode node, String at, String form) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().contains(form) || (at.endsWith(".base64") && base64Bodies(Json.object()
          .put("base64", node.asText()), form)) ? at : null;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().contains(form)) {
          return at + "." + e.getKey();
        }
        String p = path(e.getValue(), at + "." + e.getKey(), form);
        if (p != null) {
          return p;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = path(node.get(i), at + "[" + i + "]", form);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
