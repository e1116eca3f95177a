package dev.freshet.http;

import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Values;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Encodings of request data: query strings, form bodies and multipart bodies. */
final class RequestBody {
  private RequestBody() {}

  /** {@code a=1&b=x%20y}: keys and values as text, UTF-8, form-encoded (space as {@code +}). */
  static String form(Map<Object, Object> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Object, Object> e : fields.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(Values.toText(e.getKey()), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(Values.toText(e.getValue()), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** A multipart/form-data body; returns the content type (with boundary) and the bytes. */
  record Multipart(String contentType, byte[] bytes) {}

  static Multipart multipart(Map<Object, Object> fields, List<FileValue> files) {
    String boundary = "----freshet" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<Object, Object> e : fields.entrySet()) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(Values.toText(e.getKey()))
          + "\"\r\n\r\n" + Values.toText(e.getValue()) + "\r\n");
    }
    for (FileValue f : files) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(f.paramName())
          + "\"; filename=\"" + quote(f.name()) + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
      byte[] content = f.bytes();
      out.write(content, 0, content.length);
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static String quote(String s) {
    return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }
}
