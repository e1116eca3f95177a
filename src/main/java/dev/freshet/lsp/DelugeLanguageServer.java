package dev.freshet.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code freshet lsp}: Deluge for any editor with a Language Server Protocol client. Diagnostics come from the
 * parser and checks {@code freshet check} runs; completion, hover and signature help from the built-in registry;
 * navigation and symbols from the document's own functions and variables. See docs/editors.md.
 */
public final class DelugeLanguageServer implements LanguageServer, LanguageClientAware {
  private final Guard guard;
  private final Documents documents = new Documents();
  private final Publisher publisher;
  private final TextDocuments textDocuments;
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final WorkspaceService workspace = new WorkspaceService() {
    @Override
    public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {
    }
  };
  private volatile LanguageClient client;
  private volatile boolean shutDown;

  private DelugeLanguageServer(PrintStream log, Supplier<List<String>> connections) {
    this.guard = new Guard(log);
    Builtins builtins = new Builtins();
    this.publisher = new Publisher(documents, new Checker(builtins), guard, () -> client);
    this.textDocuments = new TextDocuments(documents, publisher, guard, new Completions(builtins, connections),
        builtins);
  }

  /**
   * Serves one client over these streams until it sends {@code exit} or closes its end; returns the exit code LSP
   * asks for (0 after {@code shutdown}, else 1). Nothing but JSON-RPC messages is written to {@code out}.
   *
   * @param log where failures and their stack traces go (standard error)
   * @param connections the connection names completed inside {@code connection:} (never their secrets)
   */
  public static int serve(InputStream in, OutputStream out, PrintStream log, Supplier<List<String>> connections) {
    DelugeLanguageServer server = new DelugeLanguageServer(log, connections);
    Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
        .setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).validateMessages(true).create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread watcher = new Thread(() -> {
      try {
        listening.get();
      } catch (Exception e) {
        // the input ended or failed: the same as a client gone without 'exit'
      }
      server.exited.complete(1);
    }, "freshet-lsp-input");
    watcher.setDaemon(true);
    watcher.start();
    int code = server.exited.join();
    listening.cancel(true);
    server.publisher.stop();
    return code;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    guard.clientLog(m -> client.logMessage(new MessageParams(MessageType.Error, m)));
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    return guard.request("initialize", () -> {
      ServerCapabilities c = new ServerCapabilities();
      c.setTextDocumentSync(TextDocumentSyncKind.Incremental);
      c.setCompletionProvider(new CompletionOptions(false, List.of(".", "\"")));
      c.setHoverProvider(true);
      c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ",")));
      c.setDefinitionProvider(true);
      c.setReferencesProvider(true);
      c.setDocumentSymbolProvider(true);
      c.setDocumentFormattingProvider(true);
      String version = DelugeLanguageServer.class.getPackage().getImplementationVersion();
      return new InitializeResult(c, new ServerInfo("freshet", version == null ? "development build" : version));
    });
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exited.complete(shutDown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
