package dev.freshet.compile;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.OverloadChoice;
import dev.freshet.source.Span;
import java.util.List;

/** One call of a built-in in compiled code: the overload chosen as the tree-walker chooses, errors placed at the call. */
final class BuiltinSite {
  private final OverloadChoice choice;
  private final Span span;

  BuiltinSite(List<Builtin> overloads, boolean method, Span span) {
    this.choice = new OverloadChoice(overloads, method);
    this.span = span;
  }

  Object call(Host host, Object[] values) {
    try {
      return choice.choose(values).impl().call(host, values);
    } catch (RuntimeException e) {
      throw choice.failed(e, span);
    }
  }
}
