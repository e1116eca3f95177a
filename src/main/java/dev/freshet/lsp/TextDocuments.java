package dev.freshet.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} messages. Each runs on the message thread, in order, through the {@link Guard}; only
 * checking (parse and check) runs elsewhere, in the {@link Publisher}.
 */
final class TextDocuments implements TextDocumentService {
  private final Documents documents;
  private final Publisher publisher;
  private final Guard guard;
  private final Completions completions;
  private final Hovers hovers;
  private final Signatures signatures;

  TextDocuments(Documents documents, Publisher publisher, Guard guard, Completions completions, Builtins builtins) {
    this.documents = documents;
    this.publisher = publisher;
    this.guard = guard;
    this.completions = completions;
    this.hovers = new Hovers(builtins);
    this.signatures = new Signatures(builtins);
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    guard.notification("textDocument/didOpen", () -> {
      var doc = params.getTextDocument();
      documents.open(doc.getUri(), doc.getVersion(), doc.getText());
      publisher.opened(doc.getUri());
    });
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    guard.notification("textDocument/didChange", () -> {
      var doc = params.getTextDocument();
      documents.change(doc.getUri(), doc.getVersion(), params.getContentChanges());
      publisher.changed(doc.getUri());
    });
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    guard.notification("textDocument/didClose", () -> {
      documents.close(params.getTextDocument().getUri());
      publisher.closed(params.getTextDocument().getUri());
    });
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text is already known from didChange
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return guard.request("textDocument/completion", () -> Either.forRight(
        completions.complete(documents.get(params.getTextDocument().getUri()), params.getPosition())));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return guard.request("textDocument/hover",
        () -> hovers.hover(documents.get(params.getTextDocument().getUri()), params.getPosition()));
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    return guard.request("textDocument/signatureHelp",
        () -> signatures.help(documents.get(params.getTextDocument().getUri()), params.getPosition()));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    return guard.request("textDocument/definition", () -> Either.forLeft(
        Navigation.definition(documents.get(params.getTextDocument().getUri()), params.getPosition())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return guard.request("textDocument/references", () -> Navigation.references(
        documents.get(params.getTextDocument().getUri()), params.getPosition(),
        params.getContext() == null || params.getContext().isIncludeDeclaration()));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return guard.request("textDocument/documentSymbol", () -> Symbols.of(
        documents.get(params.getTextDocument().getUri())).stream()
        .map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(s)).toList());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return guard.request("textDocument/formatting",
        () -> Formatting.format(documents.get(params.getTextDocument().getUri())));
  }
}
