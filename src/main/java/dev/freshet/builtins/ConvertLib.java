package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Conversions between types and the null / type checks (DELUGE-FACTS 5.7). */
final class ConvertLib implements Library {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("toString", "The value as text; a date (or epoch-ms NUMBER, or date text) is formatted with an optional "
        + "Java date pattern and time zone").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("TEXT").alias("toText")
        .impl((env, a) -> toText(env, a[0], has(a, 1) ? (String) a[1] : null, has(a, 2) ? (String) a[2] : null));
    r.fn("toLong", "The value as a NUMBER: decimals are truncated, a date gives epoch milliseconds, text must "
        + "hold a number").param("value", ANY).returns("NUMBER").alias("toNumber")
        .impl((env, a) -> toLong(env, a[0]));
    r.fn("toDecimal", "The value (a number, or text holding one) as a DECIMAL").param("value", ANY)
        .returns("DECIMAL").impl((env, a) -> toDecimal(a[0]));
    r.fn("toDate", "The value as a date without time: date text (optionally read with a Java pattern and the "
        + "text's time zone), epoch milliseconds, or a date-time").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("DATE-TIME").impl((env, a) -> {
          DateTime d = toDateTime(env, "toDate", a);
          return DateTime.ofDate(d.date());
        });
    r.fn("toTime", "The value as a date-time: date text (optionally read with a Java pattern and the text's "
        + "time zone), epoch milliseconds, or a date").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("DATE-TIME")
        .impl((env, a) -> DateTime.of(toDateTime(env, "toTime", a).value()));
    registerChecks(r);
  }

  private void registerChecks(BuiltinRegistry r) {
    r.fn("isNull", "Whether the value is null or the empty text").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] == null || "".equals(a[0]));
    r.fn("isEmpty", "Whether the value is null, the empty text, or a list / map without elements")
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> isEmpty(a[0]));
    r.fn("isBlank", "Whether the value is null, text of only whitespace, or an empty list / map")
        .param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof String s ? s.isBlank() : isEmpty(a[0]));
    r.fn("isNumber", "Whether the value is a NUMBER or DECIMAL, or text holding a number").param("value", ANY)
        .returns("BOOLEAN")
        .impl((env, a) -> Values.isNumeric(a[0]) || (a[0] instanceof String s && Args.parseNumber(s) != null));
    r.fn("isDate", "Whether the value is a date-time, or text in one of the date shapes").param("value", ANY)
        .returns("BOOLEAN").impl((env, a) -> isDate(env, a[0]));
    r.fn("isText", "Whether the value is TEXT").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof String);
    r.fn("isFile", "Whether the value is a FILE").param("value", ANY).returns("BOOLEAN")
        .impl((env, a) -> a[0] instanceof FileValue);
    r.fn("ifnull", "The value, or the fallback when the value is null").param("value", ANY).param("fallback", ANY)
        .returns("any").globalOnly().impl((env, a) -> a[0] != null ? a[0] : a[1]);
  }

  static String toText(Env env, Object v, String pattern, String zone) {
    if (pattern == null || v == null || v instanceof Boolean || v instanceof BigDecimal
        || v instanceof DelugeCollection) {
      return Values.toText(v);
    }
    DateTime d;
    if (v instanceof DateTime dt) {
      d = dt;
    } else if (v instanceof Long ms) {
      d = fromEpoch(ms, env.zone());
    } else if (v instanceof String s) {
      d = DateParsing.parseText(s, env.zone());
      if (d == null) {
        throw error("toString", "cannot format " + Args.describe(v) + " as a date: it is not a date");
      }
    } else {
      return Values.toText(v);
    }
    return DateParsing.format(d, pattern, env.zone(), zone == null ? env.zone() : zone("toString", zone));
  }

  static long toLong(Env env, Object v) {
    if (v instanceof Long n) {
      return n;
    }
    if (v instanceof BigDecimal d) {
      if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
        throw error("toLong", Values.toText(d) + " is too large for a NUMBER");
      }
      return d.longValue();
    }
    if (v instanceof DateTime d) {
      return epochMillis(d, env.zone());
    }
    if (v instanceof String s && Args.parseNumber(s) != null) {
      return toLong(env, Args.parseNumber(s));
    }
    throw error("toLong", "cannot convert " + Args.describe(v) + " to NUMBER");
  }

  static BigDecimal toDecimal(Object v) {
    if (Values.isNumeric(v)) {
      return Values.toBigDecimal(v);
    }
    if (v instanceof String s && Args.parseNumber(s) != null) {
      return Values.toBigDecimal(Args.parseNumber(s));
    }
    throw error("toDecimal", "cannot convert " + Args.describe(v) + " to DECIMAL");
  }

  /** toDate / toTime's common part: the value as a date-time, keeping any time it has. */
  private static DateTime toDateTime(Env env, String fn, Object[] a) {
    Object v = a[0];
    if (v instanceof DateTime d) {
      return d;
    }
    if (v instanceof Long ms) {
      return fromEpoch(ms, env.zone());
    }
    if (v instanceof String s) {
      String pattern = has(a, 1) ? (String) a[1] : null;
      ZoneId textZone = has(a, 2) && a[2] != null ? zone(fn, (String) a[2]) : env.zone();
      try {
        DateTime d = pattern != null ? DateParsing.parse(s, pattern, textZone, env.zone())
            : DateParsing.parseText(s, env.zone());
        if (d != null) {
          return d;
        }
      } catch (ScriptError e) {
        throw error(fn, e.getMessage());
      }
    }
    throw error(fn, "cannot convert " + Args.describe(v) + " to DATE-TIME");
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

  static DateTime fromEpoch(long ms, ZoneId zone) {
    return DateTime.of(LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone));
  }

  static long epochMillis(DateTime d, ZoneId zone) {
    return d.value().atZone(zone).toInstant().toEpochMilli();
  }

  /** A time zone by id ({@code "Asia/Kolkata"}, {@code "GMT+05:30"}, {@code "PST"}). */
  static ZoneId zone(String fn, String id) {
    try {
      return ZoneId.of(id.trim(), ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw error(fn, "\"" + id + "\" is not a time zone");
    }
  }
}
