package dev.freshet.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A family of built-ins (text, list, map, …) that declares its functions into a registry. */
public interface Library {
  void register(BuiltinRegistry registry);

  /**
   * The family's name in docs and {@code freshet builtins}: by default the class name without {@code Lib}, split into
   * words ({@code TextSearchLib} → "Text search", {@code JsonLib} → "JSON"). A library may override it.
   */
  default String family() {
    return familyName(getClass());
  }

  /** {@link #family()}'s default for a class. */
  static String familyName(Class<?> cls) {
    String simple = cls.getSimpleName();
    if (simple.isEmpty() || simple.contains("$")) {
      return "Other";
    }
    if (simple.endsWith("Lib") && simple.length() > 3) {
      simple = simple.substring(0, simple.length() - 3);
    } else if (simple.endsWith("Library") && simple.length() > 7) {
      simple = simple.substring(0, simple.length() - 7);
    }
    Set<String> acronyms = Set.of("aes", "json", "xml", "url", "csv", "html", "crm", "api");
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= simple.length(); i++) { // a word ends before an upper-case letter that follows a lower one
      if (i == simple.length() || (Character.isUpperCase(simple.charAt(i))
          && (Character.isLowerCase(simple.charAt(i - 1)) || Character.isDigit(simple.charAt(i - 1))))) {
        String w = simple.substring(start, i);
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        words.add(acronyms.contains(lower) ? lower.toUpperCase(java.util.Locale.ROOT) : words.isEmpty() ? w : lower);
        start = i;
      }
    }
    return String.join(" ", words);
  }
}
