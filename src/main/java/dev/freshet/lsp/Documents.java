package dev.freshet.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** The open documents: each one's text as the editor has it, its version, and what was worked out from that text. */
final class Documents {
  /** One version of a document; tokens and outline are made on first use and kept with it. */
  static final class Doc {
    final String uri;
    final int version;
    final String text;
    private Lines lines;
    private Tokens tokens;
    private Outline outline;

    Doc(String uri, int version, String text) {
      this.uri = uri;
      this.version = version;
      this.text = text;
    }

    synchronized Lines lines() {
      if (lines == null) {
        lines = new Lines(text);
      }
      return lines;
    }

    synchronized Tokens tokens() {
      if (tokens == null) {
        tokens = new Tokens(text);
      }
      return tokens;
    }

    synchronized Outline outline() {
      if (outline == null) {
        outline = new Outline(tokens());
      }
      return outline;
    }

    /** The file's name for messages: the last part of its URI. */
    String name() {
      String path = uri.replaceAll("[?#].*$", "");
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private final Map<String, Doc> open = new ConcurrentHashMap<>();

  void open(String uri, int version, String text) {
    open.put(uri, new Doc(uri, version, text));
  }

  /** Applies the changes in order: each is the whole text, or an edit of a range of the text before it. */
  Doc change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
    Doc doc = get(uri);
    String text = doc.text;
    for (TextDocumentContentChangeEvent c : changes) {
      if (c.getRange() == null) {
        text = c.getText();
      } else {
        Lines lines = new Lines(text);
        int start = lines.offset(c.getRange().getStart());
        int end = Math.max(start, lines.offset(c.getRange().getEnd()));
        text = text.substring(0, start) + c.getText() + text.substring(end);
      }
    }
    Doc changed = new Doc(uri, version, text);
    open.put(uri, changed);
    return changed;
  }

  void close(String uri) {
    open.remove(uri);
  }

  /** The open document, or null. */
  Doc find(String uri) {
    return uri == null ? null : open.get(uri);
  }

  /** The open document; a request about any other is answered with an error. */
  Doc get(String uri) {
    Doc doc = find(uri);
    if (doc == null) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
          "no open document " + uri + " (send textDocument/didOpen first)", null));
    }
    return doc;
  }
}
