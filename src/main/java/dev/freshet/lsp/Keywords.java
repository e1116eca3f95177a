package dev.freshet.lsp;

import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.gen.DelugeLexer;
import java.util.Map;

/**
 * What the hover shows over a keyword: its form and a sentence or two, as docs/language.md describes it. Only
 * keywords as keywords: {@code index} after {@code each}, the task names before {@code [}.
 */
final class Keywords {
  private static final String FOR_EACH = form("for each x in <list | map | text>\n{\n\t…\n}",
      "Runs the block once per element of a LIST, key of a MAP, or comma-separated part of a TEXT. The loop walks "
          + "a snapshot taken when it starts; the variable keeps its last value afterwards. Deluge has no while "
          + "loop.");
  private static final String TRY = form("try\n{\n\t…\n}\ncatch (e)\n{\n\t…\n}",
      "A runtime error inside try jumps to catch; e.message is its text and e.lineNo its line. Going over an "
          + "execution limit cannot be caught.");
  private static final Map<Integer, String> TEXTS = Map.ofEntries(
      Map.entry(DelugeLexer.IF, form("if (<condition>)\n{\n\t…\n}\nelse if (<condition>)\n{\n\t…\n}\nelse\n{\n\t…\n}",
          "Runs the first block whose condition is true. The condition must be a BOOLEAN.")),
      Map.entry(DelugeLexer.ELSE, form("else if (<condition>) { … }\nelse { … }",
          "Follows the closing } of an if block.")),
      Map.entry(DelugeLexer.FOR, FOR_EACH),
      Map.entry(DelugeLexer.EACH, FOR_EACH),
      Map.entry(DelugeLexer.INDEX, form("for each index i in <list>\n{\n\t…\n}",
          "Gives the indexes 0, 1, …, size - 1 of the list.")),
      Map.entry(DelugeLexer.BREAK, form("break;", "Leaves the innermost for each loop.")),
      Map.entry(DelugeLexer.CONTINUE, form("continue;", "Skips to the next iteration of the innermost for each "
          + "loop.")),
      Map.entry(DelugeLexer.RETURN, form("return <value>;\nreturn;",
          "Leaves the function with the value (return; in a void function). At the top level it ends the script.")),
      Map.entry(DelugeLexer.INFO, form("info <expression>;", "Prints the value as one line.")),
      Map.entry(DelugeLexer.TRY, TRY),
      Map.entry(DelugeLexer.CATCH, TRY),
      Map.entry(DelugeLexer.THROW, form("throw <expression>;",
          "Raises an error whose message is the value as text; catch (e) receives it.")),
      Map.entry(DelugeLexer.INVOKEURL, form("response = invokeurl\n[\n\turl: \"https://…\"\n\ttype: GET\n"
          + "\tparameters: {…}\n\theaders: {…}\n\tconnection: \"name\"\n];",
          "Sends one HTTP request and returns the response as a MAP, LIST, TEXT or FILE. Keys: url (required), "
          + "type, parameters, body, headers, content-type, files, connection, detailed, response-format, "
          + "response-decoding. An error status is returned, not thrown.")),
      Map.entry(DelugeLexer.SENDMAIL, form("sendmail\n[\n\tfrom: zoho.adminuserid\n\tto: \"ada@example.com\"\n"
          + "\tsubject: \"…\"\n\tmessage: \"…\"\n];",
          "Sends an email. Keys: from, to, cc, bcc, reply to, subject, message, content type, attachments. The "
          + "CLI writes it to an outbox folder unless an SMTP server is set.")));

  private Keywords() {}

  /** The hover text for token {@code i}, or null when it is no keyword used as one. */
  static String hover(Tokens tokens, int i) {
    Tok t = tokens.get(i);
    if (t == null) {
      return null;
    }
    Tok prev = tokens.get(i - 1);
    Tok next = tokens.get(i + 1);
    if (t.is(DelugeLexer.INDEX) && (prev == null || !prev.is(DelugeLexer.EACH))) {
      return null; // a variable named index
    }
    if (t.is(DelugeLexer.SENDMAIL) && (next == null || !next.is(DelugeLexer.LBRACKET))) {
      return null;
    }
    return TEXTS.get(t.type());
  }

  private static String form(String syntax, String text) {
    return "```deluge\n" + syntax + "\n```\n" + text;
  }
}
