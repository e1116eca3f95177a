package dev.freshet.builtins;

import dev.freshet.runtime.Coercions;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;

/**
 * What a built-in's parameter accepts; checked before the implementation runs. A value of another type that Deluge
 * converts ({@link Coercions}) is converted first, so an implementation reads exactly the type it declared.
 */
public enum ParamType {
  ANY("any value"),
  /** TEXT; a NUMBER, DECIMAL, BOOLEAN or DATE-TIME is taken as its text. */
  TEXT("TEXT"),
  /** A whole NUMBER; a whole DECIMAL or text holding a whole number is taken as that NUMBER. */
  NUMBER("NUMBER"),
  /** NUMBER or DECIMAL; text holding a number is taken as that number (DECISIONS §12). */
  NUMERIC("NUMBER or DECIMAL"),
  BOOLEAN("BOOLEAN"),
  /** A DATE-TIME; text in one of the date literal shapes is taken as that date (Zoho accepts both outside Creator). */
  DATE_TIME("DATE-TIME"),
  LIST("LIST"),
  MAP("MAP"),
  /** A LIST, a MAP or an undecided {@code {}}. */
  COLLECTION("LIST or MAP"),
  FILE("FILE");

  final String display;

  ParamType(String display) {
    this.display = display;
  }

  /**
   * Whether the value is already of this type, so it reaches the implementation as it is. Small enough to be inlined
   * into every call's argument check: the common types by identity, the rest apart.
   */
  boolean accepts(Object v) {
    if (v instanceof String) {
      if (this == TEXT) {
        return true;
      }
    } else if (v instanceof Long && this == NUMBER) {
      return true;
    }
    return this == ANY || acceptsOther(v);
  }

  private boolean acceptsOther(Object v) {
    return switch (this) {
      case ANY -> true;
      case TEXT -> v instanceof String;
      case NUMBER -> v instanceof Long;
      case NUMERIC -> Values.isNumeric(v);
      case BOOLEAN -> v instanceof Boolean;
      case DATE_TIME -> v instanceof DateTime;
      case LIST -> v instanceof DelugeCollection c && !c.isMap();
      case MAP -> v instanceof DelugeCollection c && !c.isList();
      case COLLECTION -> v instanceof DelugeCollection;
      case FILE -> v instanceof dev.freshet.runtime.FileValue;
    };
  }

  /** The value Deluge converts to this type, or null when it does not convert: called only when accepts fails. */
  Object convert(Object v) {
    return switch (this) {
      case TEXT -> Coercions.toText(v);
      case NUMBER -> Coercions.toNumber(v);
      case NUMERIC -> Coercions.toNumeric(v);
      case DATE_TIME -> Coercions.toDateTime(v);
      default -> null;
    };
  }

  /**
   * Whether {@link #accepts} and {@link #convert} succeed or fail alike for every value of this class (a collection's
   * kind aside): a DECIMAL converts to a NUMBER only when whole, and text to a number or a date only when it holds
   * one; nothing else depends on the value.
   */
  boolean decidedByClass(Class<?> c) {
    return switch (this) {
      case NUMBER -> c != BigDecimal.class && c != String.class;
      case NUMERIC, DATE_TIME -> c != String.class;
      default -> true;
    };
  }
}
