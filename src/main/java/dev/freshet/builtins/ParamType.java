package dev.freshet.builtins;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;

/** What a built-in's parameter accepts; checked before the implementation runs. */
public enum ParamType {
  ANY("any value"),
  TEXT("TEXT"),
  /** TEXT, or a NUMBER, DECIMAL, BOOLEAN or DATE-TIME that the implementation turns into its text. */
  TEXTUAL("TEXT"),
  NUMBER("NUMBER"),
  /** NUMBER or DECIMAL, or TEXT holding a number (DECISIONS §12): the implementation converts. */
  NUMERIC("NUMBER or DECIMAL"),
  BOOLEAN("BOOLEAN"),
  /** A DATE-TIME, or TEXT in one of the date literal shapes (Zoho accepts both outside Creator): use Args.date. */
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

  /** Small enough to be inlined into every call's argument check: the common types by identity, the rest apart. */
  boolean accepts(Object v) {
    if (v instanceof String) {
      if (this == TEXT || this == TEXTUAL) {
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
      case TEXTUAL -> v instanceof String || v instanceof Long || v instanceof BigDecimal || v instanceof Boolean
          || v instanceof DateTime;
      case NUMBER -> v instanceof Long || (v instanceof BigDecimal d && isWhole(d));
      case NUMERIC -> Values.isNumeric(v) || (v instanceof String s && isNumberText(s));
      case BOOLEAN -> v instanceof Boolean;
      case DATE_TIME -> v instanceof DateTime || (v instanceof String s && DateParsing.parseLiteral(s) != null);
      case LIST -> v instanceof DelugeCollection c && !c.isMap();
      case MAP -> v instanceof DelugeCollection c && !c.isList();
      case COLLECTION -> v instanceof DelugeCollection;
      case FILE -> v instanceof dev.freshet.runtime.FileValue;
    };
  }

  /**
   * Whether {@link #accepts} gives the same answer for every value of this class (a collection's kind aside): a
   * whole DECIMAL passes for a NUMBER and a TEXT holding a number or a date for NUMERIC or DATE_TIME; nothing else
   * depends on the value.
   */
  boolean decidedByClass(Class<?> c) {
    return switch (this) {
      case NUMBER -> c != BigDecimal.class;
      case NUMERIC, DATE_TIME -> c != String.class;
      default -> true;
    };
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static final java.util.regex.Pattern NUMBER_TEXT =
      java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

  static boolean isNumberText(String s) {
    return NUMBER_TEXT.matcher(s.trim()).matches();
  }
}
