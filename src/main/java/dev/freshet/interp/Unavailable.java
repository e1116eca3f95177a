package dev.freshet.interp;

import java.util.Locale;
import java.util.Set;

/** Messages for constructs that parse but cannot run in this engine. */
final class Unavailable {
  private Unavailable() {}


  /** Creator-only functions: known to the checker, an error when run. */
  static final Set<String> CREATOR_FUNCTIONS = Set.of("openurl", "invokeurl");

  static String creatorOnly(String construct) {
    return construct + " is Creator-only: it needs a Zoho Creator application and cannot run here";
  }

  static String integration(String name) {
    return name + " is not available: no library or host provides this Zoho integration";
  }

  static String forCall(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CREATOR_FUNCTIONS.contains(lower)) {
      return creatorOnly(name + "()");
    }
    if (lower.equals("invokeapi")) {
      return "invokeapi is not available: it calls a Zoho service by name; write the request with invokeurl and a"
          + " connection, or use a zoho.* task";
    }
    return integration(name);
  }

  /**
   * Functions on Zoho's index pages that Freshet leaves out on purpose, with why (docs/builtins-notes.md, "Zoho
   * functions Freshet leaves out"); calling one is an error that says so rather than "unknown function".
   */
  private static final java.util.Map<String, String> ABSENT = java.util.Map.of(
      "converttopdf", "it needs Zoho's document conversion service");

  /** Why Freshet leaves out the Zoho function {@code name}, or null when it is no such function. */
  static String absent(String name) {
    String why = ABSENT.get(name.toLowerCase(Locale.ROOT));
    return why == null ? null : name + " is a Zoho function Freshet leaves out: " + why;
  }

  static boolean isKnownFunction(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return CREATOR_FUNCTIONS.contains(lower) || lower.equals("invokeapi");
  }
}
