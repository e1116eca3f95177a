package dev.freshet.interp;

import dev.freshet.source.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task blocks: their keys are evaluated here and the work is done by the host (HTTP transport, mail sender). Errors
 * carry no span of their own, so they are reported at the start of the task's statement (DECISIONS §23).
 */
final class TaskNodes {
  private TaskNodes() {}

  /** The block's keys with their evaluated values, in the order written. */
  static Map<String, Object> evaluate(String[] keys, Node[] values, Frame f) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      params.put(keys[i], values[i].eval(f));
    }
    return params;
  }

  /** {@code sendmail [ … ]}: counts as one statement. */
  static final class SendMail extends Exec {
    private final String[] keys;
    private final Node[] values;

    SendMail(String[] keys, Node[] values, Span span) {
      super(span);
      this.keys = keys;
      this.values = values;
    }

    @Override
    int run(Frame f) {
      f.run.sendMail(evaluate(keys, values, f));
      return NORMAL;
    }
  }

  /** {@code invokeurl [ … ]}. */
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
      return f.run.invokeUrl(evaluate(keys, values, f));
    }
  }
}
