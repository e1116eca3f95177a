package dev.freshet.interp;

import dev.freshet.builtins.Builtin;
import dev.freshet.source.Span;
import java.util.List;

/**
 * Built-in calls of one, two and three arguments, each a class of its own with its own copy of {@code eval}. The JIT
 * keeps one profile per call instruction, so in a shared {@code eval} the arguments' nodes and the built-ins'
 * implementations of every call in the script meet at the same few instructions, and none is inlined. Here a call in
 * a hot loop (such as {@code s.subString(k, k + 20).toUpperCase().indexOf("O")}) is often the only one of its class,
 * and its argument evaluation and implementation can be inlined. The three bodies differ only in their arity.
 */
final class BuiltinCalls {
  private BuiltinCalls() {}

  static final class One extends CallNodes.BuiltinCall {
    private final Node a0;

    One(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      super(overloads, args, method, span);
      a0 = args[0];
    }

    @Override
    Object eval(Frame f) {
      Object[] values = {a0.eval(f)};
      try {
        Builtin b = choose(values);
        return b.impl().call(f.run, values);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }
  }

  static final class Two extends CallNodes.BuiltinCall {
    private final Node a0;
    private final Node a1;

    Two(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      super(overloads, args, method, span);
      a0 = args[0];
      a1 = args[1];
    }

    @Override
    Object eval(Frame f) {
      Object[] values = {a0.eval(f), a1.eval(f)};
      try {
        Builtin b = choose(values);
        return b.impl().call(f.run, values);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }
  }

  static final class Three extends CallNodes.BuiltinCall {
    private final Node a0;
    private final Node a1;
    private final Node a2;

    Three(List<Builtin> overloads, Node[] args, boolean method, Span span) {
      super(overloads, args, method, span);
      a0 = args[0];
      a1 = args[1];
      a2 = args[2];
    }

    @Override
    Object eval(Frame f) {
      Object[] values = {a0.eval(f), a1.eval(f), a2.eval(f)};
      try {
        Builtin b = choose(values);
        return b.impl().call(f.run, values);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }
  }
}
