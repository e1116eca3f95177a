package dev.freshet.compile;

import dev.freshet.api.DelugeException;
import dev.freshet.api.Engine;
import dev.freshet.api.Result;
import dev.freshet.api.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs one script in the tree-walker alone and with every function compiled from its first call. */
final class Tiers {
  private Tiers() {}

  /** What a run shows a user: its info lines, then its value and statement count, or the error as reported. */
  static String outcome(boolean compiled, String text, UnaryOperator<Engine.Builder> options) {
    return outcome(engine(compiled, options), text);
  }

  /** An engine for one tier: every function compiled at its first call, or none. */
  static Engine engine(boolean compiled, UnaryOperator<Engine.Builder> options) {
    Engine.Builder b = Engine.builder().zone(java.time.ZoneOffset.UTC).seed(1);
    return options.apply(compiled ? b.compileAfter(0) : b.compile(false)).build();
  }

  /**
   * An engine in the loops test mode ({@code freshet.compile=loops}): no function or top level compiled, every loop
   * at the start of its second iteration. The mode is read when the builder is made.
   */
  static Engine loopsEngine(UnaryOperator<Engine.Builder> options) {
    String before = System.getProperty("freshet.compile");
    System.setProperty("freshet.compile", "loops");
    try {
      return options.apply(Engine.builder().zone(java.time.ZoneOffset.UTC).seed(1)).build();
    } finally {
      if (before == null) {
        System.clearProperty("freshet.compile");
      } else {
        System.setProperty("freshet.compile", before);
      }
    }
  }

  static String outcome(Engine engine, String text) {
    List<String> lines = new ArrayList<>();
    try {
      Script script = engine.compile("t.dg", text);
      Result r = script.run(Map.of(), lines::add);
      lines.add("=> " + r.asText() + " in " + r.statementsExecuted() + " statements");
    } catch (DelugeException e) {
      lines.add("!! " + e.getClass().getSimpleName() + ": " + e.render());
    }
    return String.join("\n", lines);
  }

  static String outcome(boolean compiled, String text) {
    return outcome(compiled, text, b -> b);
  }
}
