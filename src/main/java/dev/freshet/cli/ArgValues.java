package dev.freshet.cli;

import dev.freshet.runtime.Json;
import dev.freshet.runtime.ScriptError;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Turns {@code --arg name=value} text into a Deluge value by its form. */
final class ArgValues {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private ArgValues() {}

  /** NUMBER, DECIMAL, BOOLEAN, a JSON map/list for {@code {…}} / {@code […]}, else TEXT. */
  static Object parse(String text) {
    String t = text.trim();
    if (NUMBER.matcher(t).matches()) {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        return new BigDecimal(t);
      }
    }
    if (DECIMAL.matcher(t).matches()) {
      return new BigDecimal(t);
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return Json.parse(t);
      } catch (ScriptError e) {
        throw new IllegalArgumentException("value is not valid JSON: " + e.getMessage());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("value is not valid JSON");
      }
    }
    return text;
  }
}
