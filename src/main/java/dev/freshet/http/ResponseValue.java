package dev.freshet.http;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.ScriptError;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a response into the value a script receives (INVOKEURL.md "Response value"). */
final class ResponseValue {
  private ResponseValue() {}

  private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
      Pattern.CASE_INSENSITIVE);

  /** The body as a value: FILE, TEXT, or a MAP / LIST when it is a JSON object / array. */
  static Object body(HttpReply reply, URI uri, String format, String decoding) {
    String contentType = reply.header("Content-Type");
    String disposition = reply.header("Content-Disposition");
    String mode = format == null ? "" : format.toUpperCase(Locale.ROOT);
    boolean file = mode.equals("FILE") || (!mode.equals("TEXT") && (isAttachment(disposition)
        || !isTextual(contentType)));
    if (file) {
      return new FileValue(fileName(disposition, uri), contentType == null ? null : contentType.split(";")[0].trim(),
          reply.body());
    }
    String text = new String(reply.body(), charset(decoding, contentType));
    if (mode.equals("TEXT")) {
      return text;
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        Object parsed = Json.parse(trimmed);
        if (parsed instanceof DelugeCollection) {
          return parsed;
        }
      } catch (ScriptError notJson) {
        // not JSON after all: the text itself
      }
    }
    return text;
  }

  /** {@code {"responseCode": …, "responseHeader": {…lower-case names…}, "responseText": value}}. */
  static DelugeCollection detailed(HttpReply reply, Object value) {
    DelugeCollection result = DelugeCollection.newMap();
    DelugeCollection headers = DelugeCollection.newMap();
    for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
      if (h.getKey() != null && !h.getKey().startsWith(":")) {
        headers.map().put(h.getKey().toLowerCase(Locale.ROOT), String.join(", ", h.getValue()));
      }
    }
    result.map().put("responseCode", (long) reply.status());
    result.map().put("responseHeader", headers);
    result.map().put("responseText", value);
    return result;
  }

  static boolean isTextual(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String t = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
        || t.equals("application/x-www-form-urlencoded") || t.contains("yaml") || t.contains("csv");
  }

  private static boolean isAttachment(String disposition) {
    return disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment");
  }

  private static String fileName(String disposition, URI uri) {
    if (disposition != null) {
      Matcher m = FILENAME.matcher(disposition);
      if (m.find()) {
        return m.group(1);
      }
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? "download" : last;
  }

  private static Charset charset(String decoding, String contentType) {
    String name = decoding;
    if (name == null && contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      name = m.find() ? m.group(1) : null;
    }
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new ScriptError("invokeurl: unknown response-decoding charset \"" + name + "\"");
    }
  }
}
