package dev.freshet.api;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.zoho.ZohoLibrary;

/**
 * An engine's built-in registry, made on a thread of its own so that parsing the first script (and starting the CLI)
 * overlaps it. A plain thread and its join rather than a CompletableFuture: that class and the half-dozen it brings
 * are not in the JDK's class-data archive, and loading them was a measurable part of an embedding host's cold start.
 */
final class RegistryBuild implements Runnable { // not a lambda: see cli.Main
  private final HostLibrary host;
  private final Thread thread;
  /** Set by the thread before it ends; read after joining it (Thread.join orders the two). */
  private BuiltinRegistry result;
  private Throwable failure;

  private RegistryBuild(HostLibrary host) {
    this.host = host;
    this.thread = new Thread(this, "freshet-builtins");
    thread.setDaemon(true);
  }

  /** Starts making the registry. */
  static RegistryBuild start(HostLibrary host) {
    RegistryBuild build = new RegistryBuild(host);
    build.thread.start();
    return build;
  }

  /** The standard library (each library registered when first needed), the host's functions and zoho.* tasks. */
  static BuiltinRegistry make(HostLibrary host) {
    BuiltinRegistry r = BuiltinRegistry.standard();
    r.include(host);
    r.includeWhenUsed("zoho.", new ZohoLibrary()); // its lambdas cost a cold start that uses no zoho.* task
    return r;
  }

  @Override
  public void run() {
    try {
      result = make(host);
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** Waits for the registry (uninterruptibly, keeping the interrupt for the caller) and returns it. */
  BuiltinRegistry await() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("the built-in registry could not be made", failure);
    }
    return result;
  }
}
