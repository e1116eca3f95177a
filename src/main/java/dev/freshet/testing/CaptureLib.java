package dev.freshet.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.api.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The test built-ins that read what the test captured ({@code infoLog}, {@code sentMail}, …) and its fixtures. */
final class CaptureLib {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CaptureLib() {}

  static void register(Engine.Builder b, TestContext context, Path fixtures) {
    b.function("infoLog", List.of(), "The info lines this test has printed, as a LIST of TEXT",
        a -> context.infoLines());
    b.function("sentMail", List.of(), "The sendmail messages this test sent (captured, never delivered), as MAPs",
        a -> context.sentMail());
    b.function("httpCalls", List.of(), "The HTTP calls this test made: MAPs of method, url, status, connection",
        a -> context.httpCalls());
    TestLib.def(b, context, "assertCalled", List.of("method", "url", "[times]"),
        "Fails the test unless a call with this method and URL was made (exactly times times, when given)", a -> {
          String method = String.valueOf(a.get(0)).toUpperCase(Locale.ROOT);
          String url = String.valueOf(a.get(1));
          long n = context.httpCalls().stream()
              .filter(c -> c.get("method").equals(method) && sameUrl(String.valueOf(c.get("url")), url)).count();
          boolean ok = a.size() > 2 && a.get(2) != null ? n == ((Number) a.get(2)).longValue() : n > 0;
          if (!ok) {
            throw TestLib.failed("assertCalled: expected " + method + " " + url
                + (a.size() > 2 && a.get(2) != null ? " " + a.get(2) + " time(s)" : "") + ", it was called " + n
                + " time(s); calls made: " + summary(context.httpCalls()));
          }
        });
    b.function("fixture", List.of("path"), "Reads tests/fixtures/PATH: JSON becomes a MAP or LIST, anything else TEXT",
        a -> fixture(fixtures, String.valueOf(a.get(0))));
  }

  /** The URL without its query matches too, so a test need not repeat the parameters. */
  private static boolean sameUrl(String made, String wanted) {
    int q = made.indexOf('?');
    return made.equals(wanted) || (!wanted.contains("?") && q >= 0 && made.substring(0, q).equals(wanted));
  }

  private static String summary(List<Map<String, Object>> calls) {
    if (calls.isEmpty()) {
      return "none";
    }
    return String.join(", ", calls.stream().map(c -> c.get("method") + " " + c.get("url")).toList());
  }

  static Object fixture(Path fixtures, String name) throws IOException {
    Path file = fixtures.resolve(name).normalize();
    if (!file.startsWith(fixtures.normalize())) {
      throw new IllegalArgumentException("fixture \"" + name + "\" is outside tests/fixtures");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no fixture tests/fixtures/" + name);
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      try {
        return JSON.readValue(text, Object.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("fixture " + name + " is not valid JSON: " + e.getOriginalMessage());
      }
    }
    return text;
  }
}
