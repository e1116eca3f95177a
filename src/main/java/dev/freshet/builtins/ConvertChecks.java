package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;

/**
 * The null and type checks of DELUGE-FACTS 5.7: isNull (null or ""), isEmpty, isBlank (whitespace counts as
 * blank), isNumber, isDate, isText, isFile, and ifnull as a function (only NULL is missing, DECISIONS §15).
 */
final class ConvertChecks {
  private ConvertChecks() {}

  /** Called by {@link ConvertLib#register}, so the standard library list needs no entry for this class. */
  static void register(BuiltinRegistry r) {
    r.fn("isNull", "Whether the value is null or the empty text").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] == null || "".equals(a[0]));
    r.fn("isEmpty", "Whether the value is null, the empty text, or a list / map without elements")
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> isEmpty(a[0]));
    r.fn("isBlank", "Whether the value is null, text of only whitespace, or an empty list / map")
        .param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof String s ? s.isBlank() : isEmpty(a[0]));
    r.fn("isNumber", "Whether the value is a NUMBER or DECIMAL, or text holding a plain number")
        .param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> Values.isNumeric(a[0]) || (a[0] instanceof String s && Args.parseNumber(s) != null));
    r.fn("isDate", "Whether the value is a date-time, or text holding a valid date in one of the date shapes")
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> isDate(env, a[0]));
    r.fn("isText", "Whether the value is TEXT").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof String);
    r.fn("isFile", "Whether the value is a FILE").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof FileValue);
    r.fn("ifnull", "The value, or the fallback when the value is null").param("value", ANY).param("fallback", ANY)
        .returns("any").globalOnly().impl((env, a) -> a[0] != null ? a[0] : a[1]);
  }

  static boolean isEmpty(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    return v instanceof DelugeCollection c && c.isEmpty();
  }

  private static boolean isDate(Env env, Object v) {
    if (v instanceof DateTime) {
      return true;
    }
    if (v instanceof String s) {
      try {
        return DateParsing.parseText(s, env.zone()) != null;
      } catch (ScriptError e) {
        return false;
      }
    }
    return false;
  }
}
