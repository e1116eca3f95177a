package dev.freshet.interp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ErrorValue;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import dev.freshet.source.Span;
import java.util.List;

/** Calls of user functions and built-ins, and property reads. */
final class CallNodes {
  private CallNodes() {}

  static Object[] evalAll(Node[] nodes, Frame f) {
    int n = nodes.length;
    Object[] values = new Object[n];
    if (n > 0) { // unrolled for the usual one to three arguments: a loop cost more than the check of each
      values[0] = nodes[0].eval(f);
      if (n > 1) {
        values[1] = nodes[1].eval(f);
        for (int i = 2; i < n; i++) {
          values[i] = nodes[i].eval(f);
        }
      }
    }
    return values;
  }

  static final class UserCall extends Node {
    private final UserFunction function;
    private final Node[] args;

    UserCall(UserFunction function, Node[] args, Span span) {
      super(span);
      this.function = function;
      this.args = args;
    }

    @Override
    Object eval(Frame f) {
      try {
        return function.call(f, args, span);
      } catch (ScriptError e) {
        throw e.at(span);
      }
    }

    /** As {@link Node#evalNumber}, without its call of {@link #eval}: one Java call level fewer per script call. */
    @Override
    long evalNumber(Frame f) {
      Object v;
      try {
        v = function.call(f, args, span);
      } catch (ScriptError e) {
        throw e.at(span);
      }
      if (v instanceof Long x) {
        return x;
      }
      f.escape(v);
      return 0;
    }
  }

  /**
   * {@code fn(a, b)} or {@code x.fn(a)} of a built-in. The name was resolved when compiling; the overload is picked by
   * the receiver, and the last choice is kept while the receiver's class stays the same.
   */
  static class BuiltinCall extends Node {
    final List<Builtin> overloads;
    final Node[] args;
    final boolean method;
    /** The last choice and the receiver kind it was made for, in one object: scripts run on many threads. */
    private Choice cached;

    private record Choice(Object kind, Builtin builtin) {}

    BuiltinCall(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      super(span);
      this.overloads = overloads;
      this.args = args;
      this.method = method;
    }

    /** A call of one to three arguments is a {@link BuiltinCalls} node of its own class. */
    static BuiltinCall of(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      return switch (args.length) {
        case 1 -> new BuiltinCalls.One(overloads, args, method, span);
        case 2 -> new BuiltinCalls.Two(overloads, args, method, span);
        case 3 -> new BuiltinCalls.Three(overloads, args, method, span);
        default -> new BuiltinCall(overloads, args, method, span);
      };
    }

    @Override
    Object eval(Frame f) {
      Object[] values = evalAll(args, f);
      try {
        Builtin b = choose(values);
        b.check(values, method);
        return b.impl().call(f.run, values);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    /** A script error placed at this call; anything else is a bug in the built-in, reported as one. */
    final RuntimeException failed(RuntimeException e) {
      if (e instanceof ScriptError error) {
        return error.at(span);
      }
      return new IllegalStateException("built-in " + overloads.get(0).name() + " failed: " + e, e);
    }

    /**
     * The overload for these arguments. The choice depends only on the receiver (the argument count is fixed here),
     * and is kept for the next call when it depends only on the receiver's kind: a collection's LIST, MAP or
     * undecided, or a scalar's class when no overload's fit depends on the value (a TEXT holding a date does).
     */
    final Builtin choose(Object[] values) {
      Object receiver = values.length > 0 ? values[0] : null;
      Object kind = receiver instanceof DelugeCollection c ? c.type() : receiver == null ? null : receiver.getClass();
      Choice last = cached;
      if (last != null && kind != null && kind == last.kind()) {
        return last.builtin();
      }
      Builtin b = BuiltinRegistry.choose(overloads, values, method);
      // one overload is the only choice there is (invoke checks every argument); of several, the value may decide
      if (kind instanceof Class<?> c && overloads.size() > 1 && !BuiltinRegistry.choiceDecidedByClass(overloads, c)) {
        kind = null;
      }
      if (kind != null) {
        cached = new Choice(kind, b);
      }
      return b;
    }
  }

  /** {@code e.message}, {@code e.lineNo} on a caught error. */
  static final class Property extends Node {
    private final Node target;
    private final String name;

    Property(Node target, String name, Span span) {
      super(span);
      this.target = target;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = target.eval(f);
      if (v instanceof ErrorValue e) {
        if (name.equalsIgnoreCase("message")) {
          return e.message();
        }
        if (name.equalsIgnoreCase("lineNo") || name.equalsIgnoreCase("lineNumber")) {
          return e.lineNo();
        }
      }
      throw new ScriptError("." + name + " is not a property of " + Values.typeOf(v)
          + (v instanceof ErrorValue ? " (use .message or .lineNo)" : "; use .get(\"" + name + "\") to read a map key"),
          span);
    }
  }
}
