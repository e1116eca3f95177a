package dev.freshet.lsp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.SystemValue;
import dev.freshet.zoho.ZohoLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in functions, methods and system values an engine has (the standard library and the {@code zoho.*}
 * tasks), as the server needs them: built once on first use and shared; the registry is thread-safe.
 */
final class Builtins {
  /** Words that start statements or are values, and the type names of function headers. */
  static final List<String> KEYWORDS = List.of("if", "else", "for each", "in", "index", "break", "continue",
      "return", "info", "try", "catch", "throw", "true", "false", "null", "invokeurl", "sendmail", "void", "string",
      "int", "decimal", "bool", "map", "list", "date", "datetime");

  final BuiltinRegistry registry;
  /** One overload per name (the first declared), in registration order, split by call form. */
  final Map<String, Builtin> globals = new LinkedHashMap<>();
  final Map<String, Builtin> methods = new LinkedHashMap<>();
  final List<SystemValue> values;

  Builtins() {
    registry = BuiltinRegistry.standard();
    registry.include(new ZohoLibrary()); // the tasks every engine has (it adds them when a script first names one)
    for (BuiltinRegistry.Entry e : registry.entries()) {
      Builtin b = e.builtin();
      String key = b.name().toLowerCase(Locale.ROOT);
      if (b.global()) {
        globals.putIfAbsent(key, b);
      }
      if (b.method() && !b.params().isEmpty()) {
        methods.putIfAbsent(key, b);
      }
    }
    values = new ArrayList<>(registry.allValues());
  }

  List<Builtin> overloads(String name) {
    return registry.lookup(name);
  }
}
