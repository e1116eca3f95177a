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
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
