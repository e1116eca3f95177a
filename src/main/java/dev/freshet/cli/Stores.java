package dev.freshet.cli;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionStore;
import dev.freshet.connections.FileConnectionStore;
import dev.freshet.connections.ServiceCatalog;
import dev.freshet.connections.pg.PostgresConnectionStore;
import dev.freshet.connections.pg.StoreUrl;

/**
 * Which store a command's connections live in: {@code --store URL}, else {@code $FRESHET_STORE}, else the folder
 * {@code $FRESHET_HOME} (default {@code ~/.freshet}). A URL is a PostgreSQL database
 * ({@code postgresql://USER[:PASSWORD]@HOST:PORT/DB}); anything else given to {@code --from}/{@code --to} is a folder.
 */
final class Stores {
  static final String STORE_HELP = "Keep connections in this PostgreSQL database (postgresql://USER[:PASSWORD]@HOST:PORT"
      + "/DB[?sslmode=…], password also from PGPASSWORD) instead of $FRESHET_HOME; default: $FRESHET_STORE.";

  private Stores() {}

  /** The store a command uses: {@code option}, else FRESHET_STORE, else the home folder. */
  static ConnectionStore current(Terminal terminal, String option, ServiceCatalog services) {
    String url = option != null ? option : terminal.env().get(StoreUrl.ENV);
    if (url == null || url.isBlank()) {
      return FileConnectionStore.builder(terminal.home()).services(services::find).env(terminal.env()::get).build();
    }
    if (!StoreUrl.isPostgres(url)) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, (option != null ? "--store" : StoreUrl.ENV)
          + " is a postgresql://USER@HOST:PORT/DB URL; the folder store is chosen with FRESHET_HOME");
    }
    return PostgresConnectionStore.builder(url, terminal.env()::get).services(services::find).build();
  }

  /** A store named on the command line: a postgresql:// URL, or a folder (relative to the working directory). */
  static ConnectionStore named(Terminal terminal, String where, ServiceCatalog services) {
    if (StoreUrl.isPostgres(where)) {
      return PostgresConnectionStore.builder(where, terminal.env()::get).services(services::find).build();
    }
    return FileConnectionStore.builder(terminal.resolve(where)).services(services::find).env(terminal.env()::get)
        .build();
  }
}
