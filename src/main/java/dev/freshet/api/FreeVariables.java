package dev.freshet.api;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.source.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the checker's diagnostics into free variables (a top-level name read before it is assigned, which a host
 * binding will supply) and real errors. Each free variable keeps its first diagnostic, so a run without the binding
 * points at the first use and keeps the checker's "did you mean" hint.
 */
final class FreeVariables {
  /** The checker's wording (check.Resolver); the test of free variables fails if it changes. */
  private static final Pattern UNDEFINED = Pattern.compile("variable '([^']+)' is not defined.*", Pattern.DOTALL);

  /** Free variables in order of first use, with the diagnostic of that use; and every other problem. */
  record Split(Map<String, Diagnostic> free, List<Diagnostic> errors) {}

  private FreeVariables() {}

  static Split split(Script script, List<Diagnostic> diagnostics) {
    Map<String, Diagnostic> free = new LinkedHashMap<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Matcher m = UNDEFINED.matcher(d.message());
      if (m.matches() && d.span() != null && !insideFunction(script, d)) {
        free.putIfAbsent(m.group(1), d);
      } else {
        errors.add(d);
      }
    }
    return new Split(free, errors);
  }

  /** Functions have their own scope: a name undefined there is an error, never a binding. */
  private static boolean insideFunction(Script script, Diagnostic d) {
    int at = d.span().start();
    for (FunctionDecl f : script.functions()) {
      if (at >= f.span().start() && at <= f.span().end()) {
        return true;
      }
    }
    return false;
  }
}
