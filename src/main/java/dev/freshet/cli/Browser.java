package dev.freshet.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Opens a URL in the user's browser when the machine has one; silently does nothing otherwise (the URL is printed). */
final class Browser {
  private Browser() {}

  static void open(String url) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command = os.contains("mac") ? List.of("open", url)
        : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
    try {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException | RuntimeException e) {
      // no browser here: the printed URL is the way
    }
  }
}
