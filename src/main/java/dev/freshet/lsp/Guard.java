package dev.freshet.lsp;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs one request or notification so that whatever goes wrong in it stays in it: a failure is logged (standard
 * error and the client's log) and answered with an error response, and the server reads the next message.
 */
final class Guard {
  private final PrintStream log;
  private volatile Consumer<String> clientLog = m -> { };

  Guard(PrintStream log) {
    this.log = log;
  }

  void clientLog(Consumer<String> sink) {
    this.clientLog = sink;
  }

  <T> CompletableFuture<T> request(String method, Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (ResponseErrorException e) {
      return CompletableFuture.failedFuture(e);
    } catch (Throwable e) { // StackOverflowError and other errors too: one request must never end the server
      String message = failed(method, e);
      return CompletableFuture.failedFuture(new ResponseErrorException(
          new ResponseError(ResponseErrorCode.InternalError, message, null)));
    }
  }

  void notification(String method, Runnable work) {
    try {
      work.run();
    } catch (ResponseErrorException e) {
      log("freshet lsp: " + method + ": " + e.getMessage());
    } catch (Throwable e) {
      failed(method, e);
    }
  }

  /** Logs a failure with its stack trace on standard error and its message in the client; returns the message. */
  String failed(String what, Throwable e) {
    String message = "freshet lsp: " + what + " failed: " + e;
    log.println(message);
    e.printStackTrace(log);
    log.flush();
    clientLog.accept(message);
    return message;
  }

  void log(String message) {
    log.println(message);
    log.flush();
    clientLog.accept(message);
  }
}
