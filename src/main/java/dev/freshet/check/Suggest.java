package dev.freshet.check;

import java.util.Collection;

/** "Did you mean …?" for misspelt names: the closest known name within a small edit distance. */
final class Suggest {
  private Suggest() {}

  /** The best candidate, or null; a difference only in case always wins (variables are case-sensitive). */
  static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Math.max(1, Math.min(2, name.length() / 3));
    for (String c : candidates) {
      if (c.equalsIgnoreCase(name)) {
        return c;
      }
      int d = distance(name, c);
      if (d <= bestDistance && (best == null || d < distance(name, best))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  static String hint(String name, Collection<String> candidates) {
    String c = closest(name, candidates);
    if (c == null) {
      return "";
    }
    return "; did you mean '" + c + "'?" + (c.equalsIgnoreCase(name) ? " (variable names are case-sensitive)" : "");
  }

  private static int distance(String a, String b) {
    return dev.freshet.source.EditDistance.between(a, b);
  }
}
