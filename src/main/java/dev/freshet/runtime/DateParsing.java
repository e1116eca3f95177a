package dev.freshet.runtime;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading dates from text: the single-quoted literal shapes Zoho documents (DELUGE-FACTS §1), and Java-style
 * patterns for {@code toDate} / {@code toTime} / {@code toString}. Zoho runs on Java's SimpleDateFormat, so patterns
 * use its letters; they are translated to java.time here.
 */
public final class DateParsing {
  private DateParsing() {}

  /** Two-digit years 00–49 are 20xx, 50–99 are 19xx (a fixed pivot, so results never depend on the clock). */
  static final int TWO_DIGIT_PIVOT = 50;

  /** No date shape is longer; longer text is never read as a date (and never scanned by the shape patterns). */
  static final int MAX_LENGTH = 64;

  private static final Pattern TIME = Pattern.compile(
      "(.*?)( +|T)(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d{1,9}))?)?(?: *([AaPp][Mm]))?");
  private static final Pattern ISO_ZONE = Pattern.compile("(.*\\d)(Z|[+-]\\d{2}:?\\d{2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d+)([-/.])(\\d+)\\2(\\d+)");
  private static final Pattern NUMERIC_SPACED = Pattern.compile("(\\d{1,2}) (\\d{1,2}) (\\d+)");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d+)(?:-| +)([A-Za-z]+)(?:-| *, *| +)(\\d+)");
  private static final Pattern MONTH_FIRST =
      Pattern.compile("(?:[A-Za-z]+ *, *)?([A-Za-z]+) +(\\d+)(?: *, *| +)(\\d+)");

  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  /** Why a shape matched but could not be a date: an error for toDate, plain TEXT for a literal. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The DATE-TIME a single-quoted literal denotes, or null when the text is not one of the documented shapes (the
   * literal is then TEXT). Date-only when there is no time part. Ambiguous numeric shapes read dd-MM first.
   */
  public static DateTime parseLiteral(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH || !Character.isLetterOrDigit(text.charAt(0))) {
      return null;
    }
    try {
      return parseShapes(text.trim(), false, null);
    } catch (Invalid e) {
      return null;
    }
  }

  /**
   * Date text given to {@code toDate}, {@code toTime}, {@code isDate}: the literal shapes, plus ISO-8601 forms
   * ({@code 2019-01-15T10:00:00+05:30}; an offset converts to {@code zone}). Returns null when the text has no date
   * shape; throws when a shape matched but a part is invalid (31-Feb, a bad month name, a 3-digit hour).
   */
  public static DateTime parseText(String text, ZoneId zone) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return null;
    }
    try {
      return parseShapes(s, true, zone);
    } catch (Invalid e) {
      throw new ScriptError(e.getMessage());
    }
  }

  /**
   * Whether the text is laid out like one of the date shapes, valid or not ({@code 15-Ma-2019}, {@code 150-Mar-2019}
   * and {@code 15-Mar-20190} are; {@code hello} is not). Date functions return null for such text when
   * {@link #parseText} does not read it, as Zoho documents.
   */
  public static boolean hasDateShape(String text) {
    String s = text.trim();
    if (s.length() > MAX_LENGTH) {
      return false;
    }
    Matcher t = s.indexOf(':') < 0 ? null : TIME.matcher(s);
    if (t != null && t.matches()) {
      s = t.group(1);
    }
    return NUMERIC.matcher(s).matches() || NUMERIC_SPACED.matcher(s).matches() || DAY_FIRST.matcher(s).matches()
        || MONTH_FIRST.matcher(s).matches();
  }

  private static DateTime parseShapes(String s, boolean iso, ZoneId zone) {
    ZoneOffset offset = null;
    if (iso) {
      Matcher z = ISO_ZONE.matcher(s);
      if (z.matches() && s.indexOf(':') > 0) {
        offset = offset(z.group(2));
        s = z.group(1);
      }
    }
    Matcher t = s.indexOf(':') < 0 ? null : TIME.matcher(s);
    if (t != null && t.matches() && (iso || !t.group(2).equals("T"))) {
      LocalDate date = parseDate(t.group(1));
      if (date == null) {
        return null;
      }
      LocalDateTime value = date.atTime(0, 0).plusSeconds(timeSeconds(t));
      if (offset != null && zone != null) {
        value = value.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
      }
      return DateTime.of(value);
    }
    LocalDate date = parseDate(s);
    return date == null ? null : DateTime.ofDate(date);
  }

  /** An ISO offset such as {@code Z}, {@code +0530} or {@code -08:00}; an impossible one is an invalid part. */
  private static ZoneOffset offset(String text) {
    try {
      return ZoneOffset.of(text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
    } catch (DateTimeException e) {
      throw new Invalid("\"" + text + "\" is not a valid time zone offset");
    }
  }

  /** Seconds after midnight, applying Zoho's rules for out-of-range parts (hour 24+ resets the whole time). */
  private static int timeSeconds(Matcher t) {
    int h = timePart(t.group(3));
    int m = timePart(t.group(4));
    int s = t.group(5) == null ? 0 : timePart(t.group(5));
    String ampm = t.group(7);
    if (ampm != null) {
      if (h > 12 || h == 0) {
        throw new Invalid("hour " + h + " is not valid with " + ampm.toUpperCase(Locale.ROOT));
      }
      h = h % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
    }
    if (h >= 24) {
      return 0;
    }
    if (m >= 60) {
      return h * 3600;
    }
    return h * 3600 + m * 60 + (s >= 60 ? 0 : s);
  }

  private static int timePart(String digits) {
    if (digits.length() > 2) {
      throw new Invalid("time part \"" + digits + "\" has more than 2 digits");
    }
    return Integer.parseInt(digits);
  }

  /** The date of one of the documented shapes, or null when the text has none of them. */
  static LocalDate parseDate(String s) {
    if (s.isEmpty()) {
      return null;
    }
    Matcher m;
    if (Character.isDigit(s.charAt(0))) {
      if ((m = NUMERIC.matcher(s)).matches()) {
        return numericDate(m.group(1), m.group(3), m.group(4));
      }
      if ((m = NUMERIC_SPACED.matcher(s)).matches()) {
        return m.group(3).length() == 4 ? validDate(year(m.group(3)), num(m.group(2)), num(m.group(1))) : null;
      }
      if ((m = DAY_FIRST.matcher(s)).matches()) {
        return namedDate(m.group(1), m.group(2), m.group(3));
      }
      return null;
    }
    if ((m = MONTH_FIRST.matcher(s)).matches()) {
      return namedDate(m.group(2), m.group(1), m.group(3));
    }
    return null;
  }

  /** Three numbers: yyyy-MM-dd, or dd-MM-yyyy / MM-dd-yyyy, or (two digits each) dd-MM-yy, MM-dd-yy, yy-MM-dd. */
  private static LocalDate numericDate(String a, String b, String c) {
    if (a.length() == 4) {
      return c.length() <= 2 && b.length() <= 2 ? validDate(year(a), num(b), num(c)) : null;
    }
    if (a.length() > 2 || b.length() > 2 || (c.length() != 2 && c.length() != 4)) {
      return null;
    }
    LocalDate d = firstValid(year(c), num(b), num(a), year(c), num(a), num(b));
    if (d == null && c.length() == 2 && a.length() == 2) {
      d = tryDate(year(a), num(b), num(c));
    }
    if (d == null) {
      throw new Invalid("\"" + a + "-" + b + "-" + c + "\" is not a valid date");
    }
    return d;
  }

  private static LocalDate firstValid(int y1, int m1, int d1, int y2, int m2, int d2) {
    LocalDate d = tryDate(y1, m1, d1);
    return d != null ? d : tryDate(y2, m2, d2);
  }

  private static LocalDate namedDate(String day, String month, String year) {
    if (day.length() > 2 || (year.length() != 2 && year.length() != 4) || month.length() < 3) {
      return null;
    }
    return validDate(year(year), monthNumber(month), num(day));
  }

  /** 1–12 for an English month name or its 3-letter abbreviation (any case); a wrong name is an error. */
  static int monthNumber(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      if (MONTHS[i].equals(lower) || MONTHS[i].substring(0, 3).equals(lower)) {
        return i + 1;
      }
    }
    if (lower.equals("sept")) {
      return 9;
    }
    throw new Invalid("\"" + name + "\" is not a month name");
  }

  private static LocalDate validDate(int y, int m, int d) {
    LocalDate date = tryDate(y, m, d);
    if (date == null) {
      throw new Invalid(m < 1 || m > 12 ? "month " + m + " is not valid"
          : "day " + d + " is not valid for " + MONTHS[m - 1].substring(0, 1).toUpperCase(Locale.ROOT)
              + MONTHS[m - 1].substring(1) + " " + y);
    }
    return date;
  }

  private static LocalDate tryDate(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y < TWO_DIGIT_PIVOT ? 2000 + y : 1900 + y;
    }
    return y;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Java-style patterns

  /** SimpleDateFormat's pattern letters; any other unquoted letter makes a pattern invalid. */
  private static final String PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

  /**
   * A formatter for a SimpleDateFormat-style pattern ({@code "yyyy-MM-dd'T'HH:mm:ss"}), or null when the pattern
   * holds a letter SimpleDateFormat does not know (Zoho's toString then returns null).
   */
  public static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatter f = FORMATTERS.get(pattern);
    if (f == null) {
      try {
        f = build(pattern);
      } catch (IllegalArgumentException e) {
        return null; // a run java.time cannot express, such as 20 digits of year or 6 era letters
      }
      if (f == null) {
        return null;
      }
      if (FORMATTERS.size() < 500) {
        FORMATTERS.put(pattern, f);
      }
    }
    return f;
  }

  private static DateTimeFormatter build(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        i = quoted(b, pattern, i);
        if (i < 0) {
          return null;
        }
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == c) {
          end++;
        }
        if (PATTERN_LETTERS.indexOf(c) < 0) {
          return null;
        }
        appendField(b, c, end - i);
        i = end;
      } else {
        b.appendLiteral(c);
        i++;
      }
    }
    return b.toFormatter(Locale.ENGLISH);
  }

  /**
   * Appends a quoted section starting at {@code start} ({@code ''} alone is a quote; inside quotes {@code ''} is a
   * quote too); returns the index after it, or -1 when it is not closed.
   */
  private static int quoted(DateTimeFormatterBuilder b, String pattern, int start) {
    if (start + 1 < pattern.length() && pattern.charAt(start + 1) == '\'') {
      b.appendLiteral('\'');
      return start + 2;
    }
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
          text.append('\'');
          i += 2;
          continue;
        }
        b.appendLiteral(text.toString());
        return i + 1;
      }
      text.append(c);
      i++;
    }
    return -1;
  }

  /** One run of a pattern letter, keeping SimpleDateFormat's meaning where java.time differs. */
  private static void appendField(DateTimeFormatterBuilder b, char c, int count) {
    switch (c) {
      case 'y' -> {
        if (count == 2) {
          b.appendValueReduced(ChronoField.YEAR_OF_ERA, 2, 2, 1900 + TWO_DIGIT_PIVOT);
        } else {
          // EXCEEDS_PAD only works up to 10 digits of padding in java.time
          b.appendValue(ChronoField.YEAR_OF_ERA, count, 19,
              count >= 4 && count <= 10 ? SignStyle.EXCEEDS_PAD : SignStyle.NORMAL);
        }
      }
      case 'u' -> b.appendValue(ChronoField.DAY_OF_WEEK, count);
      case 'S' -> b.appendValue(ChronoField.MILLI_OF_SECOND, count, Math.max(count, 3), SignStyle.NOT_NEGATIVE);
      case 'E' -> b.appendText(ChronoField.DAY_OF_WEEK, count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
      case 'M', 'L' -> {
        if (count >= 4) {
          b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
        } else if (count == 3) {
          b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
        } else {
          b.appendValue(ChronoField.MONTH_OF_YEAR, count, 2, SignStyle.NOT_NEGATIVE);
        }
      }
      case 'd', 'H', 'k', 'K', 'h', 'm', 's' -> b.appendValue(field(c), count, Math.max(count, 2),
          SignStyle.NOT_NEGATIVE);
      case 'a' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
      case 'z' -> b.appendZoneText(count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
      case 'Z' -> b.appendOffset("+HHMM", "+0000");
      case 'X' -> b.appendOffset(count == 1 ? "+HH" : count == 2 ? "+HHMM" : "+HH:MM", "Z");
      default -> b.appendPattern(String.valueOf(c).repeat(count));
    }
  }

  private static ChronoField field(char c) {
    return switch (c) {
      case 'd' -> ChronoField.DAY_OF_MONTH;
      case 'H' -> ChronoField.HOUR_OF_DAY;
      case 'k' -> ChronoField.CLOCK_HOUR_OF_DAY;
      case 'K' -> ChronoField.HOUR_OF_AMPM;
      case 'h' -> ChronoField.CLOCK_HOUR_OF_AMPM;
      case 'm' -> ChronoField.MINUTE_OF_HOUR;
      default -> ChronoField.SECOND_OF_MINUTE;
    };
  }

  /**
   * Formats a date-time (a local value in {@code from}) with a SimpleDateFormat-style pattern, shown in zone
   * {@code to}; null when the pattern is invalid.
   */
  public static String format(DateTime d, String pattern, ZoneId from, ZoneId to) {
    DateTimeFormatter f = formatter(pattern);
    if (f == null) {
      return null;
    }
    try {
      return f.format(d.value().atZone(from).withZoneSameInstant(to));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@link #parse(String, String, ZoneId, ZoneId)} for text written in the engine's own zone. */
  public static DateTime parse(String text, String javaPattern, ZoneId zone) {
    return parse(text, javaPattern, zone, zone);
  }

  /**
   * Reads {@code text} with a SimpleDateFormat-style pattern, as {@code toDate(text, pattern, tz)} does. Parts the
   * pattern lacks default to 1970-01-01 00:00:00; text after the pattern's end is ignored (as SimpleDateFormat
   * does). The text is in {@code textZone} (or its own offset, if the pattern reads one); the result is local to
   * {@code engineZone}. Throws a ScriptError when the text does not fit the pattern or a part is out of range.
   */
  public static DateTime parse(String text, String javaPattern, ZoneId textZone, ZoneId engineZone) {
    DateTimeFormatter f = formatter(javaPattern);
    if (f == null) {
      throw new ScriptError("\"" + javaPattern + "\" is not a valid date pattern");
    }
    try {
      java.text.ParsePosition pos = new java.text.ParsePosition(0);
      TemporalAccessor raw = f.parseUnresolved(text.trim(), pos);
      if (raw == null || pos.getErrorIndex() >= 0) {
        throw new ScriptError("\"" + text + "\" does not match the date pattern \"" + javaPattern + "\"");
      }
      LocalDateTime local = resolve(raw, text);
      ZoneId source = textZone;
      if (raw.isSupported(ChronoField.OFFSET_SECONDS)) {
        source = ZoneOffset.ofTotalSeconds(Math.toIntExact(raw.getLong(ChronoField.OFFSET_SECONDS)));
      } else if (raw.query(TemporalQueries.zoneId()) != null) {
        source = raw.query(TemporalQueries.zoneId());
      }
      if (!source.equals(engineZone)) {
        local = local.atZone(source).withZoneSameInstant(engineZone).toLocalDateTime();
      }
      return DateTime.of(local);
    } catch (DateTimeException | ArithmeticException e) {
      // a part java.time cannot hold: a day of the year past 366, an offset past 18 hours, a 12-digit year
      throw new ScriptError("\"" + text + "\" has a part out of range for the date pattern \"" + javaPattern + "\"");
    }
  }

  private static LocalDateTime resolve(TemporalAccessor raw, String text) {
    int year = Math.toIntExact(get(raw, ChronoField.YEAR_OF_ERA, get(raw, ChronoField.YEAR, 1970)));
    LocalDate date;
    if (raw.isSupported(ChronoField.DAY_OF_YEAR) && !raw.isSupported(ChronoField.DAY_OF_MONTH)) {
      date = LocalDate.ofYearDay(year, Math.toIntExact(raw.getLong(ChronoField.DAY_OF_YEAR)));
    } else {
      int month = Math.toIntExact(get(raw, ChronoField.MONTH_OF_YEAR, 1));
      int day = Math.toIntExact(get(raw, ChronoField.DAY_OF_MONTH, 1));
      date = tryDate(year, month, day);
      if (date == null) {
        throw new ScriptError("\"" + text + "\" has an invalid " + (month < 1 || month > 12 ? "month " + month
            : "day " + day + " for its month"));
      }
    }
    long hour = get(raw, ChronoField.HOUR_OF_DAY, -1);
    if (hour < 0) {
      hour = get(raw, ChronoField.CLOCK_HOUR_OF_DAY, -1) % 24;
    }
    if (hour < 0) {
      long h12 = get(raw, ChronoField.HOUR_OF_AMPM, get(raw, ChronoField.CLOCK_HOUR_OF_AMPM, 0) % 12);
      hour = h12 + 12 * get(raw, ChronoField.AMPM_OF_DAY, 0);
    }
    long minute = get(raw, ChronoField.MINUTE_OF_HOUR, 0);
    long second = get(raw, ChronoField.SECOND_OF_MINUTE, 0);
    long milli = get(raw, ChronoField.MILLI_OF_SECOND, 0);
    if (hour >= 24) {
      return date.atStartOfDay();
    }
    if (minute >= 60) {
      minute = 0;
      second = 0;
    }
    if (second >= 60) {
      second = 0;
    }
    return date.atTime((int) hour, (int) minute, (int) second, (int) Math.min(milli, 999) * 1_000_000);
  }

  private static long get(TemporalAccessor raw, ChronoField field, long fallback) {
    return raw.isSupported(field) ? raw.getLong(field) : fallback;
  }
}
