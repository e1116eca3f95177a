package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.MAP;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.Env;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legacy web tasks {@code getUrl}, {@code postUrl}, {@code putUrl}, {@code patchUrl} and {@code deleteUrl}, run as
 * the equivalent invokeurl (so limits, logging and masking apply): a MAP body is sent form-urlencoded, a TEXT body as
 * is; {@code simple} (default true) returns the body text, {@code false} the responseCode / responseHeader /
 * responseText map. The methods without a body (GET, DELETE) take {@code (url, [headers], [simple])}, the others
 * {@code (url, body, [headers], [simple])}; either may be given the simple flag in place of the headers. They are
 * tasks: each request carries the position of its call.
 */
final class WebLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    withoutBody(r, "getUrl", "GET", "Fetches a URL with GET");
    withBody(r, "postUrl", "POST", "Sends a POST");
    withBody(r, "putUrl", "PUT", "Sends a PUT");
    withBody(r, "patchUrl", "PATCH", "Sends a PATCH");
    withoutBody(r, "deleteUrl", "DELETE", "Sends a DELETE to a URL");
  }

  private static void withoutBody(BuiltinRegistry r, String name, String method, String what) {
    r.fn(name, what + " (legacy; prefer invokeurl); returns the body text, or a response map when simple is false")
        .param("url", TEXT).optional("headers", ANY).optional("simple", BOOLEAN).returns("TEXT or MAP").globalOnly()
        .impl((TaskImpl) (env, a, from) -> fetch(env, from, name, method, a[0], null, a.length > 1 ? a[1] : null,
            a.length > 2 ? a[2] : null));
  }

  private static void withBody(BuiltinRegistry r, String name, String method, String what) {
    r.fn(name, what + " (legacy; prefer invokeurl): a MAP body form-urlencoded, a TEXT body as is; returns the body"
            + " text, or a response map when simple is false")
        .param("url", TEXT).param("body", ANY).optional("headers", ANY).optional("simple", BOOLEAN)
        .returns("TEXT or MAP").globalOnly()
        .impl((TaskImpl) (env, a, from) -> fetch(env, from, name, method, a[0], a[1], a.length > 2 ? a[2] : null,
            a.length > 3 ? a[3] : null));
  }

  /** {@code getUrl(url, simple)} is allowed too: a BOOLEAN in the headers position is the simple flag. */
  private static Object fetch(Env env, String from, String fn, String method, Object url, Object body, Object headers,
      Object simple) {
    if (headers instanceof Boolean b && simple == null) {
      simple = b;
      headers = null;
    }
    if (headers != null && !MAP.accepts(headers)) {
      throw Args.error(fn, "headers must be a MAP (or the simple flag, true or false), got " + Args.describe(headers));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("url", url);
    params.put("type", method);
    if (body != null) {
      params.put("parameters", body);
    }
    if (headers != null) {
      params.put("headers", headers);
    }
    params.put("response-format", "TEXT");
    params.put("detailed", Boolean.FALSE.equals(simple));
    return env.invokeUrl(params, from);
  }
}
