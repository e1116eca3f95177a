package dev.freshet.interp;

import dev.freshet.builtins.SystemValue;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import dev.freshet.runtime.Type;
import dev.freshet.source.Span;

/** Nodes that produce values without operators: constants, variables, collection literals. */
final class ValueNodes {
  private ValueNodes() {}

  /** An immutable constant (never a collection: those are created anew each time). */
  static final class Const extends Node {
    private final Object value;

    Const(Object value, Span span) {
      super(span);
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      return value;
    }

    @Override
    long evalNumber(Frame f) {
      if (value instanceof Long x) {
        return x;
      }
      f.escape(value);
      return 0;
    }

    Object value() {
      return value;
    }
  }

  static final class Local extends Node {
    private final int slot;

    Local(int slot, Span span) {
      super(span);
      this.slot = slot;
    }

    @Override
    Object eval(Frame f) {
      return Unboxed.read(f.get(slot));
    }

    @Override
    long evalNumber(Frame f) {
      return Arith.number(f, slot);
    }

    int slot() {
      return slot;
    }
  }

  static final class System extends Node {
    private final SystemValue value;

    System(SystemValue value, Span span) {
      super(span);
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      return value.supplier().apply(f.run);
    }
  }

  static final class ListLit extends Node {
    private final Node[] items;

    ListLit(Node[] items, Span span) {
      super(span);
      this.items = items;
    }

    @Override
    Object eval(Frame f) {
      DelugeCollection list = DelugeCollection.newList();
      var target = list.list();
      for (Node item : items) {
        target.add(item.eval(f));
      }
      return list;
    }
  }

  static final class MapLit extends Node {
    private final Node[] keys;
    private final Node[] values;

    MapLit(Node[] keys, Node[] values, Span span) {
      super(span);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Frame f) {
      DelugeCollection map = DelugeCollection.newMap();
      var target = map.map();
      for (int i = 0; i < keys.length; i++) {
        target.put(keys[i].eval(f), values[i].eval(f));
      }
      return map;
    }
  }

  static final class EmptyColl extends Node {
    EmptyColl(Span span) {
      super(span);
    }

    @Override
    Object eval(Frame f) {
      return DelugeCollection.newEmpty();
    }
  }

  static final class TypedList extends Node {
    private final Type elementType;

    TypedList(Type elementType, Span span) {
      super(span);
      this.elementType = elementType;
    }

    @Override
    Object eval(Frame f) {
      return DelugeCollection.newList(elementType);
    }
  }

  /** A construct that parses but cannot run here (Creator forms, integration tasks, not-yet-available tasks). */
  static final class Unavailable extends Node {
    private final String message;
    private final Node[] operands;

    Unavailable(String message, Node[] operands, Span span) {
      super(span);
      this.message = message;
      this.operands = operands;
    }

    @Override
    Object eval(Frame f) {
      throw new ScriptError(message, span);
    }
  }
}
