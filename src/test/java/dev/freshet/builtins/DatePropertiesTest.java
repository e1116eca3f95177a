package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the date and JSON functions over a few thousand generated values. Each test seeds its own
 * {@link Random}, so a failure repeats exactly; the message names the value that broke the property.
 */
class DatePropertiesTest {
  private static final int RUNS = 3000;

  /** A date-time between 1900 and 2100, to the second; date-only about a third of the time. */
  private static DateTime randomDate(Random r) {
    LocalDate day = LocalDate.of(1900, 1, 1).plusDays(r.nextInt(73_000));
    if (r.nextInt(3) == 0) {
      return DateTime.ofDate(day);
    }
    return DateTime.of(day.atStartOfDay().plusSeconds(r.nextInt(86_400)));
  }

  @Test
  void addDayThenSubDayGivesTheSameDate() {
    Random r = new Random(1);
    for (int i = 0; i < RUNS; i++) {
      DateTime d = randomDate(r);
      long n = r.nextInt(200_001) - 100_000;
      DateTime back = (DateTime) on(on(d, "addDay", n), "subDay", n);
      assertEquals(d, back, d + " + " + n + " days - " + n + " days");
      assertEquals(d.dateOnly(), back.dateOnly(), "kind of " + d);
    }
  }

  @Test
  void daysBetweenADateAndItsShiftIsTheShift() {
    Random r = new Random(2);
    for (int i = 0; i < RUNS; i++) {
      DateTime d = randomDate(r);
      long n = r.nextInt(200_001) - 100_000;
      assertEquals(n, call("daysBetween", d, on(d, "addDay", n)), d + " and " + n + " days later");
      assertEquals(-n, call("daysBetween", on(d, "addDay", n), d), n + " days after " + d + " back to it");
    }
  }

  @Test
  void addMonthClampsToTheTargetMonthAndNeverOverflowsIt() {
    Random r = new Random(3);
    for (int i = 0; i < RUNS; i++) {
      DateTime d = randomDate(r);
      long n = r.nextInt(2_401) - 1_200;
      LocalDateTime result = ((DateTime) on(d, "addMonth", n)).value();
      YearMonth target = YearMonth.from(d.value()).plusMonths(n);
      String what = d + " + " + n + " months = " + result;
      assertEquals(target, YearMonth.from(result), what);
      assertEquals(Math.min(d.value().getDayOfMonth(), target.lengthOfMonth()), result.getDayOfMonth(), what);
      assertEquals(d.value().toLocalTime(), result.toLocalTime(), what);
    }
  }

  @Test
  void formattingThenParsingWithTheSamePatternGivesTheDateBack() {
    List<String> patterns = List.of("yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "MMM d, yyyy h:mm:ss a",
        "yyyyMMddHHmmss", "EEEE, dd MMMM yyyy HH:mm:ss", "dd-MMM-yyyy HH:mm:ss");
    Random r = new Random(4);
    for (int i = 0; i < RUNS; i++) {
      DateTime d = DateTime.of(randomDate(r).value());
      String pattern = patterns.get(r.nextInt(patterns.size()));
      String text = (String) on(d, "toString", pattern);
      assertEquals(d, call("toTime", text, pattern), d + " as \"" + text + "\" with " + pattern);
      String dateText = (String) on(d, "toString", "dd.MM.yyyy");
      assertEquals(DateTime.ofDate(d.date()), call("toDate", dateText, "dd.MM.yyyy"), dateText);
    }
  }

  @Test
  void printedDatesReadBackAsLiterals() {
    Random r = new Random(5);
    for (int i = 0; i < RUNS; i++) {
      DateTime d = randomDate(r);
      DateTime back = DateParsing.parseLiteral(Values.toText(d));
      assertEquals(d, back, "literal '" + d + "'");
      assertEquals(d.dateOnly(), back.dateOnly(), "kind of '" + d + "'");
    }
  }

  /** Random text and patterns give a value, null or a Deluge error, never a Java exception. */
  @Test
  void randomTextAndPatternsNeverEscapeAsJavaExceptions() {
    String pieces = "0123456789--//..::  ,,'TZ+amMdyHhsSEGzXkKwWDFu";
    String[] words = {"Mar", "March", "Sept", "PM", "2019", "31", "24", "99:99", "T10:00:00+99:99", "hello"};
    Random r = new Random(7);
    for (int i = 0; i < RUNS; i++) {
      String text = randomPieces(r, pieces, words);
      String pattern = randomPieces(r, pieces, new String[] {"yyyy", "MMM", "dd", "HH:mm", "'x'", "a", "GGGGGG"});
      for (Runnable call : List.<Runnable>of(
          () -> DateParsing.parseLiteral(text),
          () -> call("isDate", text),
          () -> call("toDate", text),
          () -> call("toTime", text, pattern),
          () -> call("unixEpoch", text, "Asia/Kolkata"),
          () -> on(DateTime.of(LocalDateTime.of(2019, 3, 15, 10, 0)), "toString", pattern),
          () -> on(text, "addDay", 1L))) {
        try {
          call.run();
        } catch (dev.freshet.runtime.ScriptError e) {
          // a Deluge error is a fine answer
        } catch (RuntimeException e) {
          throw new AssertionError("\"" + text + "\" / \"" + pattern + "\" escaped as " + e, e);
        }
      }
    }
  }

  /** Random JSON-like text gives a value or a Deluge error from the JSON functions, never a Java exception. */
  @Test
  void randomJsonTextNeverEscapesAsAJavaException() {
    String pieces = "{}[]{}[],,::\"\"''\\\\ abc019-.eE+ntrufl";
    String[] words = {"true", "null", "1e9999999999", "-0.5", "\\u00e9", "\\u12", "12345678901234567890", "{a:1}"};
    Random r = new Random(8);
    for (int i = 0; i < RUNS; i++) {
      String text = randomPieces(r, pieces, words);
      for (Runnable call : List.<Runnable>of(() -> call("toMap", text), () -> call("toJSONList", text),
          () -> call("getJSON", text, "a"), () -> Json.parse(text))) {
        try {
          call.run();
        } catch (dev.freshet.runtime.ScriptError e) {
          // a Deluge error is a fine answer
        } catch (RuntimeException e) {
          throw new AssertionError("\"" + text + "\" escaped as " + e, e);
        }
      }
    }
  }

  private static String randomPieces(Random r, String chars, String[] words) {
    StringBuilder out = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      if (r.nextInt(4) == 0) {
        out.append(words[r.nextInt(words.length)]);
      } else {
        out.append(chars.charAt(r.nextInt(chars.length())));
      }
    }
    return out.toString();
  }

  @Test
  void printedJsonParsesBackToAnEqualValue() {
    Random r = new Random(6);
    for (int i = 0; i < RUNS; i++) {
      Object value = r.nextBoolean() ? randomMap(r, 0) : randomList(r, 0);
      String json = Values.toJson(value);
      Object back = Json.parse(json);
      assertTrue(Values.same(value, back), json + " read back as " + Values.toJson(back));
      assertEquals(json, Values.toJson(back), "printing is stable for " + json);
    }
  }

  private static DelugeCollection randomMap(Random r, int depth) {
    DelugeCollection m = DelugeCollection.newMap();
    for (int i = r.nextInt(5); i > 0; i--) {
      m.map().put(randomText(r), randomJsonValue(r, depth + 1));
    }
    return m;
  }

  private static DelugeCollection randomList(Random r, int depth) {
    DelugeCollection l = DelugeCollection.newList();
    for (int i = r.nextInt(5); i > 0; i--) {
      l.list().add(randomJsonValue(r, depth + 1));
    }
    return l;
  }

  private static Object randomJsonValue(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> r.nextLong();
      case 1 -> BigDecimal.valueOf(r.nextLong(), r.nextInt(12)); // whole or not, as it happens
      case 2, 3 -> randomText(r);
      case 4 -> r.nextBoolean();
      case 5 -> null;
      case 6 -> randomMap(r, depth);
      default -> randomList(r, depth);
    };
  }

  /** Text with quotes, backslashes, control characters, accents and characters outside the BMP. */
  private static String randomText(Random r) {
    String alphabet = "ab Z09\"\\/\n\t\u0001\u001féü✓{}[],:'";
    StringBuilder out = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      if (r.nextInt(10) == 0) {
        out.appendCodePoint(0x1F600 + r.nextInt(50)); // an emoji: a surrogate pair
      } else {
        out.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }
}
