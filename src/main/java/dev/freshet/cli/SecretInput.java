package dev.freshet.cli;

import java.io.Console;

/**
 * Reads a secret from the environment variable an option names, or from a prompt that does not echo. Never from the
 * command line: arguments end up in shell history and in every process listing.
 */
final class SecretInput {
  private SecretInput() {}

  static String read(Terminal terminal, String variable, String option, String prompt, boolean required) {
    if (variable != null) {
      String value = terminal.env().get(variable);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("the environment variable " + variable + " (" + option + ") is not set");
      }
      return value;
    }
    Console console = terminal.in() == System.in ? System.console() : null;
    if (console == null) {
      if (required) {
        throw new IllegalArgumentException("give " + option + " VAR: the name of an environment variable holding the"
            + " secret (secrets are never taken on the command line)");
      }
      return null;
    }
    char[] typed = console.readPassword("%s: ", prompt);
    String value = typed == null ? "" : new String(typed);
    java.util.Arrays.fill(typed == null ? new char[0] : typed, ' ');
    if (value.isEmpty() && required) {
      throw new IllegalArgumentException("no secret given");
    }
    return value.isEmpty() ? null : value;
  }
}
