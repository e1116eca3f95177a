package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.ScriptError;
import java.nio.charset.StandardCharsets;

/**
 * A Zoho API's answer to one task: the status and the body as a Deluge value (a JSON object is a MAP, an array a
 * LIST, anything else TEXT, no body NULL), or the reason no answer came. Tasks return, they do not throw
 * (ZOHO-TASKS.md §0.2): {@link #error()} is what a failed one gives the script.
 */
record Reply(int status, Object body, String failure) {
  static Reply of(int status, byte[] bytes) {
    if (bytes.length == 0) {
      return new Reply(status, null, null);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      return new Reply(status, Json.parse(text), null);
    } catch (ScriptError e) {
      return new Reply(status, text, null);
    }
  }

  /** No response: the network, a timeout or a limit stopped the request. */
  static Reply failed(String cause) {
    return new Reply(0, null, cause);
  }

  boolean ok() {
    return failure == null && status >= 200 && status < 300;
  }

  boolean noContent() {
    return ok() && (status == 204 || body == null);
  }

  /** The body when it is a MAP, else null. */
  DelugeCollection map() {
    return body instanceof DelugeCollection c && c.isMap() ? c : null;
  }

  /**
   * What a failed task returns: Zoho's error object as it came ({@code {"code":"INVALID_DATA",…}}, Books'
   * {@code {"code":1002,…}}, Creator's {@code {"code":3100,…}}); for a body that is not a JSON object, or no response
   * at all, a map of the same shape: {@code {"code":…,"message":…,"status":"error"}}.
   */
  DelugeCollection error() {
    if (map() != null) {
      return map();
    }
    DelugeCollection m = DelugeCollection.newMap();
    if (failure != null) {
      m.map().put("code", "REQUEST_FAILED");
      m.map().put("message", failure);
    } else {
      m.map().put("code", String.valueOf(status));
      m.map().put("message", body == null ? "HTTP " + status + " with no body" : dev.freshet.runtime.Values.toText(body));
    }
    m.map().put("status", "error");
    return m;
  }

  /** The map's value at {@code key}, or null. */
  static Object get(Object map, String key) {
    return map instanceof DelugeCollection c && c.isMap() ? c.map().get(key) : null;
  }

  /** The first element of a LIST, or null. */
  static Object first(Object list) {
    return list instanceof DelugeCollection c && c.isList() && !c.list().isEmpty() ? c.list().get(0) : null;
  }
}
