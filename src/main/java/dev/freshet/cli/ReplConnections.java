package dev.freshet.cli;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionSummary;
import java.util.List;
import java.util.function.Supplier;

/** The connection names the REPL completes inside {@code connection:} and lists with {@code :connections}. */
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

  /** One line per connection for {@code :connections}. */
  default List<String> described() {
    return names();
  }

  /** The registry's connections; a store that cannot be read shows as none (the REPL must not fail on Tab). */
  static ReplConnections of(Supplier<ConnectionRegistry> registry) {
    return new ReplConnections() {
      @Override
      public boolean configured() {
        return true;
      }

      @Override
      public List<String> names() {
        return summaries().stream().map(ConnectionSummary::name).toList();
      }

      @Override
      public List<String> described() {
        return summaries().stream().map(s -> s.name() + "  (" + (s.service().isCustom() ? "custom" : s.service().id())
            + ", " + s.auth().word() + ", " + s.status().word() + ")").toList();
      }

      private List<ConnectionSummary> summaries() {
        try {
          return registry.get().list();
        } catch (ConnectionException e) {
          return List.of();
        }
      }
    };
  }
}
