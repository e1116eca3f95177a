package dev.freshet.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A server on a thread of this JVM, its input and output joined by pipes to an {@link LspClient}. */
final class ServerPipe implements AutoCloseable {
  final LspClient client;
  final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  ServerPipe(Supplier<List<String>> connections) throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    Thread server = new Thread(() -> {
      try {
        exitCode.complete(DelugeLanguageServer.serve(serverIn, serverOut, logStream, connections));
      } catch (Throwable e) {
        exitCode.completeExceptionally(e);
      }
    }, "lsp-test-server");
    server.setDaemon(true);
    server.start();
    client = new LspClient(clientIn, clientOut);
  }

  /** What the server logged (its standard error). */
  String log() {
    synchronized (log) {
      return log.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
