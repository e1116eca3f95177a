package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import java.util.Locale;
import java.util.Map;

/**
 * The name of the source each function was written in, for the positions tasks are given (an HTTP request's
 * {@code from}). A session compiles the functions of its earlier entries again with each new entry, so a function may
 * come from another file than the script being compiled.
 *
 * @param functions source name by lower-case function name; a function not in it is the script's own
 */
record Sources(String script, Map<String, String> functions) {
  static Sources of(Script script, Map<String, String> functions) {
    return new Sources(script.source() == null ? "" : script.source().name(), functions);
  }

  /** The source of {@code f}'s body; of the top level when {@code f} is null. */
  String of(FunctionDecl f) {
    return f == null ? script : functions.getOrDefault(f.name().toLowerCase(Locale.ROOT), script);
  }
}
