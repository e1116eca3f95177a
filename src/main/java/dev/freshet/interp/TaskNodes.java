package dev.freshet.interp;

import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/** Task blocks: their keys are evaluated here and the work is done by the host (HTTP transport, mail sender). */
final class TaskNodes {
  private TaskNodes() {}

  /** {@code sendmail [ … ]}: counts as one statement; errors are reported at the statement. */
  static final class SendMail extends Exec {
    private final String[] keys;
    private final Node[] values;

    SendMail(String[] keys, Node[] values, Span span) {
      super(span);
      this.keys = keys;
      this.values = values;
    }

    @Override
    void run(Frame f) {
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        params.put(keys[i], values[i].eval(f));
      }
      f.run.sendMail(params);
    }
  }

  /** {@code invokeurl [ … ]}: errors are reported at the start of its statement (DECISIONS §23). */
  static final class InvokeUrl extends Node {
    private final String[] keys;
    private final Node[] values;

    InvokeUrl(String[] keys, Node[] values, Span span) {
      super(span);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Frame f) {
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        params.put(keys[i], values[i].eval(f));
      }
      try {
        return f.run.invokeUrl(params);
      } catch (ScriptError e) {
        throw e; // no span: the statement adds its own
      }
    }
  }
}
