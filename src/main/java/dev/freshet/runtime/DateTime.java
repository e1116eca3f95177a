package dev.freshet.runtime;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A DATE-TIME value: a local date and time in the engine's zone. A pure date (from a literal without a time part,
 * {@code toDate}, {@code today}) remembers that it has no time so that it prints as {@code dd-MMM-yyyy}.
 */
public record DateTime(LocalDateTime value, boolean dateOnly) implements Comparable<DateTime> {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

  public static DateTime ofDate(LocalDate date) {
    return new DateTime(date.atStartOfDay(), true);
  }

  public static DateTime of(LocalDateTime value) {
    return new DateTime(value, false);
  }

  /** The same kind of value (date-only or not) holding another instant. */
  public DateTime with(LocalDateTime other) {
    return new DateTime(dateOnly ? other.toLocalDate().atStartOfDay() : other, dateOnly);
  }

  public LocalDate date() {
    return value.toLocalDate();
  }

  @Override
  public int compareTo(DateTime o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateTime d && d.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return (dateOnly ? DATE : DATE_TIME).format(value);
  }
}
