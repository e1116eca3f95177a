package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One call of a task: its arguments, read as the REST call needs them, and the session that sends the request. */
final class Call {
  final Task task;
  final Object[] args;
  final Env env;
  private final ZohoSession session;
  /** Where the script called the task: {@code functions/a.dg:9:12 zoho.crm.createRecord}; null when unknown. */
  final String from;

  Call(Task task, Object[] args, Env env, ZohoSession session, String from) {
    this.task = task;
    this.args = args;
    this.env = env;
    this.session = session;
    this.from = from;
  }

  boolean has(int i) {
    return i < args.length && args[i] != null;
  }

  /** A required TEXT argument (a NUMBER is written in digits). */
  String text(int i) {
    if (!has(i)) {
      throw new ScriptError(task.name() + ": " + param(i) + " is missing (null)");
    }
    Object v = args[i];
    if (v instanceof DelugeCollection) {
      throw new ScriptError(task.name() + ": " + param(i) + " must be TEXT or a NUMBER, got " + Ops.describe(v));
    }
    return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : Values.toText(v);
  }

  /** A record ID: NUMBER or TEXT, sent as text (IDs stay TEXT, §0.7). */
  String id(int i) {
    return text(i);
  }

  /** An optional NUMBER argument (page, per_page, from, limit), or null when not given. */
  String number(int i) {
    return has(i) ? text(i) : null;
  }

  /** An optional MAP argument, or an empty map when not given; an empty key ({@code {"":""}}) means nothing. */
  Map<String, Object> map(int i) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!has(i)) {
      return out;
    }
    if (!(args[i] instanceof DelugeCollection c) || c.isList()) {
      throw new ScriptError(task.name() + ": " + param(i) + " must be a MAP, got " + Ops.describe(args[i]));
    }
    if (c.isMap()) {
      c.map().forEach((k, v) -> {
        String key = Values.toText(k);
        if (!key.isEmpty()) {
          out.put(key, v);
        }
      });
    }
    return out;
  }

  /** A required MAP or LIST argument, as the script gave it. */
  DelugeCollection collection(int i) {
    if (!has(i) || !(args[i] instanceof DelugeCollection c)) {
      throw new ScriptError(task.name() + ": " + param(i) + " must be a MAP, got " + Ops.describe(has(i) ? args[i]
          : null));
    }
    return c;
  }

  FileValue file(int i) {
    if (!has(i) || !(args[i] instanceof FileValue f)) {
      throw new ScriptError(task.name() + ": " + param(i) + " must be a FILE, got " + Ops.describe(has(i) ? args[i]
          : null));
    }
    return f;
  }

  /** The connection the script named: the last argument, when the call gives every parameter. */
  String connection() {
    int last = task.params().size() - 1;
    return task.params().get(last).equals("[connection]") && args.length == task.params().size() && has(last)
        ? text(last) : null;
  }

  /** Sends one request to this task's product; {@code path} is under the product's base URL. */
  Reply send(String method, String path, Map<String, Object> query, Object body, Map<String, String> headers) {
    return session.send(this, method, path, query, body, headers);
  }

  Reply get(String path, Map<String, Object> query) {
    return send("GET", path, query, null, Map.of());
  }

  private String param(int i) {
    String p = task.params().get(Math.min(i, task.params().size() - 1));
    return p.startsWith("[") ? p.substring(1, p.length() - 1) : p;
  }
}
