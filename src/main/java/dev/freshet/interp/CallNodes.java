package dev.freshet.interp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.OverloadChoice;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ErrorValue;
import dev.freshet.runtime.ScriptError;
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
    private final OverloadChoice choice;

    BuiltinCall(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      super(span);
      this.overloads = overloads;
      this.args = args;
      this.method = method;
      this.choice = new OverloadChoice(overloads, method);
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
        return b.impl().call(f.run, values);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    /** A script error placed at this call; anything else is a bug in the built-in, reported as one. */
    final RuntimeException failed(RuntimeException e) {
      return choice.failed(e, span);
    }

    /** The overload for these arguments, its arguments checked (the choice is kept per receiver kind). */
    final Builtin choose(Object[] values) {
      return choice.choose(values);
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
      return ErrorValue.property(target.eval(f), name, span);
    }
  }
}
