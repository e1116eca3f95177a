package dev.freshet.interp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.TaskImpl;
import dev.freshet.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task blocks: their keys are evaluated here and the work is done by the host (HTTP transport, mail sender). Errors
 * carry no span of their own, so they are reported at the start of the task's statement (DECISIONS §23). Also the
 * calls of built-in tasks, which pass their position on as invokeurl does.
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

  /** {@code invokeurl [ … ]}; {@code from} is its position as its requests carry it, built once. */
  static final class InvokeUrl extends Node {
    private final String[] keys;
    private final Node[] values;
    private final String from;

    InvokeUrl(String[] keys, Node[] values, Span span, String from) {
      super(span);
      this.keys = keys;
      this.values = values;
      this.from = from;
    }

    @Override
    Object eval(Frame f) {
      return f.run.invokeUrl(evaluate(keys, values, f), from);
    }
  }

  /**
   * A call of a built-in that is a task ({@code zoho.crm.createRecord(…)}, {@code getUrl(…)}): as any built-in call,
   * and the task is told its position, built once ({@link TaskImpl#from}).
   */
  static final class TaskCall extends CallNodes.BuiltinCall {
    private final String from;

    TaskCall(List<Builtin> overloads, Node[] args, Span span, String from) {
      super(overloads, args, false, span);
      this.from = from;
    }

    @Override
    Object eval(Frame f) {
      Object[] values = CallNodes.evalAll(args, f);
      try {
        return TaskImpl.run(choose(values), f.run, values, from);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }
  }
}
