package dev.freshet.builtins;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;
import java.util.List;

/**
 * The overload one call site of a built-in runs, in either tier. The choice depends only on the receiver (the
 * argument count is fixed at a site), and is kept for the next call when it depends only on the receiver's kind: a
 * collection's LIST, MAP or undecided, or a scalar's class when no overload's fit depends on the value (a TEXT
 * holding a date does).
 */
public final class OverloadChoice {
  private final List<Builtin> overloads;
  private final boolean method;
  /** The last choice and the receiver kind it was made for, in one object: scripts run on many threads. */
  private Choice cached;

  private record Choice(Object kind, Builtin builtin) {}

  public OverloadChoice(List<Builtin> overloads, boolean method) {
    this.overloads = overloads;
    this.method = method;
  }

  /** The overload for these arguments, its arguments checked. */
  public Builtin choose(Object[] values) {
    Object receiver = values.length > 0 ? values[0] : null;
    Object kind = receiver instanceof DelugeCollection c ? c.type() : receiver == null ? null : receiver.getClass();
    Choice last = cached;
    Builtin b;
    if (last != null && kind != null && kind == last.kind()) {
      b = last.builtin();
    } else {
      b = BuiltinRegistry.choose(overloads, values, method);
      // one overload is the only choice there is (check tests every argument); of several, the value may decide
      if (kind instanceof Class<?> c && overloads.size() > 1 && !BuiltinRegistry.choiceDecidedByClass(overloads, c)) {
        kind = null;
      }
      if (kind != null) {
        cached = new Choice(kind, b);
      }
    }
    b.check(values, method);
    return b;
  }

  /** A script error placed at the call; anything else is a bug in the built-in, reported as one. */
  public RuntimeException failed(RuntimeException e, Span at) {
    if (e instanceof ScriptError error) {
      return error.at(at);
    }
    return new IllegalStateException("built-in " + overloads.get(0).name() + " failed: " + e, e);
  }
}
