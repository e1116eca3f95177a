package dev.freshet.compile;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;
import java.util.List;

/**
 * One call of a built-in in compiled code, chosen by the receiver as the tree-walker's {@code BuiltinCall} chooses
 * (same registry calls, same cached choice per receiver kind), with errors placed at the call.
 */
final class BuiltinSite {
  private final List<Builtin> overloads;
  private final boolean method;
  private final Span span;
  /** The last choice and the receiver kind it was made for, in one object: scripts run on many threads. */
  private Choice cached;

  private record Choice(Object kind, Builtin builtin) {}

  BuiltinSite(List<Builtin> overloads, boolean method, Span span) {
    this.overloads = overloads;
    this.method = method;
    this.span = span;
  }

  Object call(Host host, Object[] values) {
    try {
      Builtin b = choose(values);
      b.check(values, method);
      return b.impl().call(host, values);
    } catch (ScriptError e) {
      throw e.at(span);
    } catch (RuntimeException e) {
      throw new IllegalStateException("built-in " + overloads.get(0).name() + " failed: " + e, e);
    }
  }

  private Builtin choose(Object[] values) {
    Object receiver = values.length > 0 ? values[0] : null;
    Object kind = receiver instanceof DelugeCollection c ? c.type() : receiver == null ? null : receiver.getClass();
    Choice last = cached;
    if (last != null && kind != null && kind == last.kind()) {
      return last.builtin();
    }
    Builtin b = BuiltinRegistry.choose(overloads, values, method);
    if (kind instanceof Class<?> c && overloads.size() > 1 && !BuiltinRegistry.choiceDecidedByClass(overloads, c)) {
      kind = null;
    }
    if (kind != null) {
      cached = new Choice(kind, b);
    }
    return b;
  }
}
