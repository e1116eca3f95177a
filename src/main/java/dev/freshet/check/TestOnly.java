package dev.freshet.check;

import java.util.Locale;
import java.util.Set;

/** The built-ins only {@code freshet test} provides: elsewhere a call to one says so instead of "not defined". */
final class TestOnly {
  private TestOnly() {}

  static final Set<String> NAMES = Set.of("assert", "assertequals", "assertnotequals", "asserttrue", "assertfalse",
      "assertnull", "assertnotnull", "assertcontains", "assertmatches", "fail", "skip", "httpcalls", "assertcalled",
      "infolog", "sentmail", "fixture", "stub", "testarg");

  static boolean is(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  static String message(String name) {
    return "'" + name + "' is available only in tests run by 'freshet test' (files named *.test.dg)";
  }
}
