package dev.freshet.api;

import dev.freshet.runtime.Values;

/**
 * What a run produced: the value of a top-level {@code return} (or of the called function; null when there was
 * none), and how many statements ran.
 *
 * @param value the value as the script holds it (String, Long, BigDecimal, Boolean, the runtime's DateTime and
 *     DelugeCollection, or null); pass it to another run as a binding as it is, or read it with {@link #asJava()}
 * @param statementsExecuted the statements counted against the engine's statement limit
 */
public record Result(Object value, long statementsExecuted) {

  /**
   * The value as plain Java: TEXT → String, NUMBER → Long, DECIMAL → BigDecimal, BOOLEAN → Boolean, a date →
   * LocalDate, a date-time → LocalDateTime (in the engine's zone), LIST → List, MAP → Map (insertion order), NULL →
   * null. Collections are fresh copies the host may change.
   */
  public Object asJava() {
    return Conversions.toJava(value);
  }

  /** The value as {@code info} would print it (a LIST as {@code a,b,c}, a MAP as JSON, NULL as empty text). */
  public String asText() {
    return Values.toText(value);
  }
}
