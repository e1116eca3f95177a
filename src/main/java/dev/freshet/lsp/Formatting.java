package dev.freshet.lsp;

import dev.freshet.fmt.FormatException;
import dev.freshet.fmt.Formatter;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * {@code textDocument/formatting} through {@code freshet fmt}'s formatter: one edit replacing the whole text, none
 * when it is already formatted. A document that does not parse is left alone, as {@code freshet fmt} leaves the file,
 * and the answer is an error naming the first problem (the diagnostics already show them all).
 */
final class Formatting {
  private Formatting() {}

  static List<TextEdit> format(Documents.Doc doc) {
    String formatted;
    try {
      formatted = Formatter.format(doc.name(), doc.text);
    } catch (FormatException e) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
          "not formatted: " + e.diagnostics().get(0).header(), null));
    }
    if (formatted.equals(doc.text)) {
      return List.of();
    }
    Lines lines = doc.lines();
    return List.of(new TextEdit(lines.range(0, doc.text.length()), formatted));
  }
}
