package dev.freshet.interp;

import dev.freshet.runtime.Coercions;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Type;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A parameter or return type as written in a function header ({@code string}, {@code Int}, {@code map}, {@code void}…),
 * checked when a function is called and when it returns (DECISIONS §20). NULL fits every type.
 */
enum DeclaredType {
  TEXT(Type.TEXT), NUMBER(Type.NUMBER), DECIMAL(Type.DECIMAL), BOOLEAN(Type.BOOLEAN), DATE_TIME(Type.DATE_TIME),
  MAP(Type.MAP), LIST(Type.LIST), COLLECTION(Type.COLLECTION), FILE(Type.FILE), VOID(null), ANY(null);

  final Type type;

  DeclaredType(Type type) {
    this.type = type;
  }

  static DeclaredType of(String written) {
    String t = written.toLowerCase(Locale.ROOT);
    int colon = t.indexOf(':');
    if (colon >= 0) {
      t = t.substring(0, colon);
    }
    return switch (t) {
      case "string", "text" -> TEXT;
      case "int", "integer", "long", "number", "bigint" -> NUMBER;
      case "decimal", "float", "double", "currency", "percent" -> DECIMAL;
      case "bool", "boolean" -> BOOLEAN;
      case "date", "datetime", "date-time", "time", "timestamp" -> DATE_TIME;
      case "map", "keyvalue", "key-value" -> MAP;
      case "list" -> LIST;
      case "collection" -> COLLECTION;
      case "file" -> FILE;
      case "void" -> VOID;
      default -> ANY;
    };
  }

  /** True when {@link #accept} would return the value itself: the check on every call, without a message. */
  boolean fits(Object v) {
    if (v == null || this == ANY) {
      return true;
    }
    if (this == NUMBER) { // the common types by identity first: the switch below reads a lookup table
      return v instanceof Long;
    } else if (this == TEXT) {
      return v instanceof String;
    }
    return switch (this) {
      case BOOLEAN -> v instanceof Boolean;
      case DECIMAL -> v instanceof BigDecimal;
      case MAP -> v instanceof DelugeCollection c && !c.isList();
      case LIST -> v instanceof DelugeCollection c && !c.isMap();
      case COLLECTION -> v instanceof DelugeCollection;
      default -> false;
    };
  }

  /**
   * The value as this type, converted as Deluge converts ({@link Coercions}: a NUMBER widens to DECIMAL, a number is
   * taken as its text, numeric text as its number), or an error naming what was expected.
   */
  Object accept(Object v, String what) {
    if (v == null || this == ANY) {
      return v;
    }
    Object converted = switch (this) {
      case MAP -> v instanceof DelugeCollection c && !c.isList() ? v : null;
      case LIST -> v instanceof DelugeCollection c && !c.isMap() ? v : null;
      case COLLECTION -> v instanceof DelugeCollection ? v : null;
      case VOID -> throw new ScriptError(what + " is void and cannot return a value");
      default -> Coercions.to(type, v);
    };
    if (converted == null) {
      throw new ScriptError(what + " must be " + type.display() + ", got " + dev.freshet.runtime.Ops.describe(v));
    }
    return converted;
  }
}
