package dev.freshet.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A LIST or a MAP (Deluge's KEY-VALUE), mutable and shared by reference. One class serves both because Deluge's
 * {@code {}} is an empty collection that becomes a map on its first {@code put} and a list on its first {@code add}
 * (DECISIONS §5), and every variable holding it must see that change.
 */
public final class DelugeCollection {
  private enum Kind { UNDECIDED, LIST, MAP }

  private Kind kind;
  private ArrayList<Object> items;
  private KeyMap entries;
  /** Element type of a typed list ({@code List:String()}), or null. */
  private final Type elementType;

  private DelugeCollection(Kind kind, Type elementType) {
    this.kind = kind;
    this.elementType = elementType;
    if (kind == Kind.LIST) {
      items = new ArrayList<>();
    } else if (kind == Kind.MAP) {
      entries = new KeyMap();
    }
  }

  public static DelugeCollection newList() {
    return new DelugeCollection(Kind.LIST, null);
  }

  public static DelugeCollection newList(Type elementType) {
    return new DelugeCollection(Kind.LIST, elementType);
  }

  public static DelugeCollection listOf(List<?> values) {
    DelugeCollection c = newList();
    c.items.addAll(values);
    return c;
  }

  public static DelugeCollection newMap() {
    return new DelugeCollection(Kind.MAP, null);
  }

  /** The {@code {}} literal and {@code Collection()}: decided by first use. */
  public static DelugeCollection newEmpty() {
    return new DelugeCollection(Kind.UNDECIDED, null);
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isUndecided() {
    return kind == Kind.UNDECIDED;
  }

  public Type type() {
    return switch (kind) {
      case LIST -> Type.LIST;
      case MAP -> Type.MAP;
      case UNDECIDED -> Type.COLLECTION;
    };
  }

  public Type elementType() {
    return elementType;
  }

  /** The elements, turning an undecided collection into a list; a MAP is a type error. */
  public List<Object> list() {
    if (kind == Kind.UNDECIDED) {
      kind = Kind.LIST;
      items = new ArrayList<>();
    } else if (kind != Kind.LIST) {
      throw new ScriptError("expected a LIST, got a MAP");
    }
    return items;
  }

  /** The entries, turning an undecided collection into a map; a LIST is a type error. */
  public Map<Object, Object> map() {
    if (kind == Kind.UNDECIDED) {
      kind = Kind.MAP;
      entries = new KeyMap();
    } else if (kind != Kind.MAP) {
      throw new ScriptError("expected a MAP, got a LIST");
    }
    return entries;
  }

  public int size() {
    return switch (kind) {
      case LIST -> items.size();
      case MAP -> entries.size();
      case UNDECIDED -> 0;
    };
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** Appends to a list, enforcing a typed list's element type. */
  public void add(Object value) {
    list().add(checkElement(value));
  }

  Object checkElement(Object value) {
    if (elementType == null || value == null) {
      return value;
    }
    Object converted = Values.convertElement(value, elementType);
    if (converted == null) {
      throw new ScriptError("cannot add " + Values.typeOf(value) + " to a List:" + Values.typeName(elementType));
    }
    return converted;
  }

  /** A shallow copy of the same kind. */
  public DelugeCollection copy() {
    DelugeCollection c = new DelugeCollection(kind, elementType);
    if (kind == Kind.LIST) {
      c.items.addAll(items);
    } else if (kind == Kind.MAP) {
      c.entries.putAll(entries);
    }
    return c;
  }

  /** Elements for iteration: a snapshot, so the loop body may change the list (DECISIONS §16). */
  public List<Object> snapshot() {
    return switch (kind) {
      case LIST -> new ArrayList<>(items);
      case MAP -> new ArrayList<>(entries.keySet());
      case UNDECIDED -> List.of();
    };
  }

  /** {@link #snapshot} as an array, the cheapest copy to loop over. */
  public Object[] snapshotArray() {
    return switch (kind) {
      case LIST -> items.toArray();
      case MAP -> entries.keySet().toArray();
      case UNDECIDED -> new Object[0];
    };
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DelugeCollection c)) {
      return false;
    }
    if (isEmpty() && c.isEmpty() && (kind == c.kind || kind == Kind.UNDECIDED || c.kind == Kind.UNDECIDED)) {
      return true;
    }
    if (kind != c.kind) {
      return false;
    }
    return kind == Kind.LIST ? Values.listEquals(items, c.items) : Values.mapEquals(entries, c.entries);
  }

  @Override
  public int hashCode() {
    return kind == Kind.LIST ? items.size() : kind == Kind.MAP ? entries.size() * 31 : 0;
  }

  @Override
  public String toString() {
    return Values.toText(this);
  }
}
