package dev.freshet.testing;

import dev.freshet.runtime.ScriptError;

/**
 * Ends a test from inside the script: an assertion that failed, a {@code skip}, or a cassette miss. It is uncatchable,
 * so a script's own {@code try/catch} cannot swallow it, and the runner reads its kind.
 */
final class Outcome extends ScriptError {
  enum Kind { FAILED, SKIPPED, ERROR }

  final Kind kind;

  Outcome(Kind kind, String message) {
    super(message, null, true);
    this.kind = kind;
  }
}
