package dev.freshet.cli;

import java.util.List;

/**
 * The connection names the REPL completes inside {@code connection:} and lists with {@code :connections}. Freshet has
 * no connection registry yet, so {@link #NONE} is used; the connections work supplies a real one here.
 */
interface ReplConnections {
  /** No registry configured: no names to complete or list. */
  ReplConnections NONE = new ReplConnections() {
    @Override
    public boolean configured() {
      return false;
    }

    @Override
    public List<String> names() {
      return List.of();
    }
  };

  boolean configured();

  List<String> names();
}
