package dev.freshet.compile;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.OverloadChoice;
import dev.freshet.builtins.TaskImpl;
import dev.freshet.source.Span;
import java.util.List;

/**
 * One call of a built-in task ({@code zoho.crm.createRecord(…)}, {@code getUrl(…)}) in compiled code: as a
 * {@link BuiltinSite}, and the task is told its position, built once when compiling (as the tree-walker's TaskCall).
 */
final class TaskSite {
  private final OverloadChoice choice;
  private final Span span;
  private final String from;

  TaskSite(List<Builtin> overloads, Span span, String from) {
    this.choice = new OverloadChoice(overloads, false);
    this.span = span;
    this.from = from;
  }

  Object call(Host host, Object[] values) {
    try {
      return TaskImpl.run(choice.choose(values), host, values, from);
    } catch (RuntimeException e) {
      throw choice.failed(e, span);
    }
  }
}
