package dev.freshet.fmt;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The formatter's own safety check: the formatted text must have the same tokens and the same comments, in the same
 * order, as the source. A failure is a bug in the formatter, reported instead of handing back a changed script.
 */
final class Verify {
  private Verify() {}

  static void sameScript(String source, List<Token> before, String formatted, List<Token> after) {
    if (before.size() != after.size()) {
      throw new IllegalStateException("the formatter changed the script's tokens (" + before.size() + " became "
          + after.size() + "); the file is left as it was");
    }
    for (int i = 0; i < before.size(); i++) {
      Token a = before.get(i);
      Token b = after.get(i);
      if (a.getType() != b.getType() || !a.getText().equals(b.getText())) {
        throw new IllegalStateException("the formatter changed the script at line " + a.getLine() + " ('"
            + a.getText() + "' became '" + b.getText() + "'); the file is left as it was");
      }
    }
    if (!comments(source, before).equals(comments(formatted, after))) {
      throw new IllegalStateException("the formatter lost or changed a comment; the file is left as it was");
    }
  }

  private static List<String> comments(String text, List<Token> tokens) {
    Trivia trivia = new Trivia(text, tokens);
    List<String> all = new ArrayList<>();
    for (Token t : tokens) {
      trivia.before(t).forEach(c -> all.add(c.text()));
    }
    return all;
  }
}
