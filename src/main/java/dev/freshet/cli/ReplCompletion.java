package dev.freshet.cli;

import dev.freshet.api.Session;
import dev.freshet.builtins.BuiltinDocs;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.SystemValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What Tab offers for the word before the cursor: keywords, variables and functions of the session and global
 * built-ins; built-in methods after a {@code .}; connection names inside {@code connection:}; commands after
 * {@code :}. Independent of JLine so it can be tested directly.
 */
final class ReplCompletion {
  /** One way to complete the word: the text that replaces it, what the list shows, and whether a space follows. */
  record Suggestion(String value, String display, boolean complete) {}

  static final List<String> KEYWORDS = List.of("if", "else", "for each", "in", "index", "break", "continue",
      "return", "info", "try", "catch", "throw", "true", "false", "null", "invokeurl", "sendmail", "void", "string",
      "int", "decimal", "bool", "map", "list", "date", "datetime");

  private static final Pattern IN_CONNECTION = Pattern.compile("(?i)connection\\s*:\\s*\"?$");
  private static final Pattern BUILTINS_ARG = Pattern.compile("(?i)^\\s*:builtins\\s+$");

  private final Session session;
  private final ReplConnections connections;
  private final List<String> globals = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final List<String> allBuiltins;

  ReplCompletion(Session session, ReplConnections connections, BuiltinRegistry registry) {
    this.session = session;
    this.connections = connections;
    for (BuiltinRegistry.Entry e : registry.entries()) {
      if (e.builtin().global()) {
        globals.add(e.builtin().name());
      }
      if (e.builtin().method()) {
        methods.add(e.builtin().name());
      }
    }
    for (SystemValue v : registry.allValues()) {
      globals.add(v.name());
    }
    allBuiltins = BuiltinDocs.names(registry);
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /** Start of the word that ends at {@code cursor}. */
  static int wordStart(String buffer, int cursor) {
    int start = cursor;
    while (start > 0 && isWordChar(buffer.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** The suggestions for the word ending at {@code cursor}, sorted, without duplicates. */
  List<Suggestion> complete(String buffer, int cursor) {
    int start = wordStart(buffer, cursor);
    String word = buffer.substring(start, cursor);
    String before = buffer.substring(0, start);
    Matches m = new Matches(word);
    if (before.equals(":")) {
      ReplCommands.NAMES.forEach(n -> m.add(n, n, true));
    } else if (BUILTINS_ARG.matcher(before).find()) {
      allBuiltins.forEach(n -> m.add(n, n, true));
    } else if (IN_CONNECTION.matcher(before).find()) {
      connections.names().forEach(n -> m.add(n, n, false));
    } else if (word.contains(".")) {
      globals.stream().filter(n -> n.contains(".")).forEach(n -> m.add(n, n, false));
      if (m.isEmpty()) { // a method called on a value: text.len → text.length
        String head = word.substring(0, word.lastIndexOf('.') + 1);
        methods.forEach(n -> m.add(head + n, n, false));
      }
    } else {
      KEYWORDS.forEach(k -> m.add(k, k, true));
      session.variables().keySet().forEach(v -> m.add(v, v, false));
      session.functionNames().forEach(f -> m.add(f, f, false));
      globals.forEach(g -> m.add(g, g, false));
    }
    return m.sorted();
  }

  /** Collects the suggestions that start with the word, ignoring case as Deluge does for names. */
  private static final class Matches {
    private final String prefix;
    private final TreeMap<String, Suggestion> found = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Matches(String word) {
      this.prefix = word.toLowerCase(Locale.ROOT);
    }

    void add(String value, String display, boolean complete) {
      if (value.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        found.putIfAbsent(value, new Suggestion(value, display, complete));
      }
    }

    boolean isEmpty() {
      return found.isEmpty();
    }

    List<Suggestion> sorted() {
      return new ArrayList<>(found.values());
    }
  }
}
