package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bodies as cassettes keep them (TESTING.md §2.3): JSON as a JSON value, forms as pairs, other UTF-8 as text, and
 * anything else as base64 with its sha256. A multipart body is kept as text with its boundary replaced by a fixed
 * word, so that a new random boundary still matches.
 */
final class Bodies {
  static final String BOUNDARY = "freshet-boundary";

  private Bodies() {}

  /** The body node for these bytes (null for none). */
  static JsonNode encode(byte[] bytes, String contentType) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String text = utf8(bytes);
    ObjectNode body = Json.object();
    if (text == null) {
      body.put("base64", Base64.getEncoder().encodeToString(bytes));
      body.put("sha256", sha256(bytes));
      body.put("size", bytes.length);
      return body;
    }
    if (type.contains("json") || (!type.contains("xml") && !type.contains("html") && looksJson(text))) {
      JsonNode json = Json.parse(text);
      if (json != null && (json.isContainerNode() || type.contains("json"))) {
        body.set("json", json);
        return body;
      }
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      ArrayNode pairs = body.putArray("form");
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        ArrayNode p = pairs.addArray();
        p.add(decode(eq < 0 ? pair : pair.substring(0, eq)));
        p.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
      return body;
    }
    String boundary = boundary(contentType);
    body.put("text", boundary == null ? text : text.replace(boundary, BOUNDARY));
    return body;
  }

  /** The bytes a body node stands for. */
  static byte[] decode(JsonNode body) {
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    if (body.has("json")) {
      return Json.compact(body.get("json")).getBytes(StandardCharsets.UTF_8);
    }
    if (body.has("form")) {
      StringBuilder b = new StringBuilder();
      for (JsonNode p : body.get("form")) {
        if (b.length() > 0) {
          b.append('&');
        }
        b.append(URLEncoder.encode(p.get(0).asText(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(p.get(1).asText(), StandardCharsets.UTF_8));
      }
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }
    if (body.has("base64")) {
      return Base64.getDecoder().decode(body.get("base64").asText());
    }
    return body.path("text").asText("").getBytes(StandardCharsets.UTF_8);
  }

  /** A multipart content type with its boundary replaced as the body's is. */
  static String contentType(String contentType) {
    String boundary = boundary(contentType);
    return boundary == null ? contentType : contentType.replace(boundary, BOUNDARY);
  }

  private static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return null;
    }
    int i = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
    if (i < 0) {
      return null;
    }
    String b = contentType.substring(i + "boundary=".length()).split(";")[0].trim();
    return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
  }

  private static boolean looksJson(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
