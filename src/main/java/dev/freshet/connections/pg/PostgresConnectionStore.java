package dev.freshet.connections.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.freshet.connections.Connection;
import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionRecord;
import dev.freshet.connections.ConnectionStore;
import dev.freshet.connections.SealedRecords;
import dev.freshet.connections.Service;
import dev.freshet.connections.ServiceCatalog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Connections in PostgreSQL, shared by every process on every host that opens the same database (docs/connections.md,
 * "Many hosts"): the schema {@code freshet}, created and migrated on first use; each record is the file store's JSON
 * with its secrets sealed by the same vault (AES-256-GCM, key from {@code FRESHET_MASTER_KEY}, shared by the hosts);
 * {@link #save} is compare-and-set on the version column; {@link #withLock} is a transaction-scoped advisory lock,
 * so a refresh is single-flight across the cluster and a process that dies mid-refresh leaves no lock behind.
 */
public final class PostgresConnectionStore implements ConnectionStore, AutoCloseable {
  private final StoreUrl url; // when this store makes its own pool
  private volatile DataSource db;
  private volatile HikariDataSource pool; // the one this store made from a URL, closed with it; null for a host's own
  private final String shown;
  private final Function<String, Optional<Service>> services;
  private final byte[] key;
  private final Function<String, String> env;
  private final Locks locks;
  private volatile SealedRecords sealed;

  private PostgresConnectionStore(Builder b) {
    this.db = b.db;
    this.url = b.url;
    this.shown = b.shown;
    this.services = b.services;
    this.key = b.key;
    this.env = b.env;
    this.locks = new Locks(() -> {
      opened(); // migrated, keyed, and for a URL the pool made
      return db;
    });
  }

  /**
   * The store at a {@code postgresql://} URL, through a small pool of its own, made on first use (so a wrong password
   * or a closed port is reported at once, by the first call); {@code env} gives PGPASSWORD and FRESHET_MASTER_KEY.
   */
  public static PostgresConnectionStore open(String url, Function<String, String> env) {
    return builder(url, env).build();
  }

  /** Options for the store at a {@code postgresql://} URL (see {@link #open}). */
  public static Builder builder(String url, Function<String, String> env) {
    StoreUrl u = StoreUrl.parse(url, env);
    Builder b = new Builder(null).env(env);
    b.url = u;
    b.shown = u.toString();
    return b;
  }

  private static HikariDataSource pool(StoreUrl u) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(u.jdbcUrl());
    c.setUsername(u.user());
    c.setPassword(u.password());
    c.setPoolName("freshet-store");
    c.setMaximumPoolSize(4);
    c.setMinimumIdle(0);
    c.setConnectionTimeout(15_000);
    c.addDataSourceProperty("ApplicationName", "freshet");
    c.addDataSourceProperty("tcpKeepAlive", "true");
    try {
      return new HikariDataSource(c); // connects once: fails at once with the driver's reason
    } catch (HikariPool.PoolInitializationException e) {
      throw e.getCause() instanceof SQLException q ? Sql.failure("open " + u, q) : e;
    }
  }

  /** A store over a host's own {@code DataSource} (pooled by the host); the host closes it. */
  public static Builder builder(DataSource db) {
    return new Builder(Objects.requireNonNull(db));
  }

  /** Options: the built-in services, the key (default: {@code FRESHET_MASTER_KEY} from the environment). */
  public static final class Builder {
    private final DataSource db;
    private StoreUrl url;
    private String shown = "a DataSource";
    private Function<String, Optional<Service>> services = id -> ServiceCatalog.builtIn().find(id);
    private byte[] key;
    private Function<String, String> env = System::getenv;

    private Builder(DataSource db) {
      this.db = db;
    }

    public Builder services(Function<String, Optional<Service>> services) {
      this.services = Objects.requireNonNull(services);
      return this;
    }

    /** Seals with this 32-byte key instead of {@code FRESHET_MASTER_KEY}; every host must use the same one. */
    public Builder key(byte[] key) {
      if (key == null || key.length != 32) {
        throw new ConnectionException(ConnectionException.Kind.INVALID, "a vault key is 32 bytes");
      }
      this.key = key.clone();
      return this;
    }

    /** Where FRESHET_MASTER_KEY is looked up (default: the process environment). */
    public Builder env(Function<String, String> env) {
      this.env = Objects.requireNonNull(env);
      return this;
    }

    public PostgresConnectionStore build() {
      return new PostgresConnectionStore(this);
    }
  }

  @Override
  public List<ConnectionRecord> list(String owner) {
    SealedRecords s = opened();
    return locks.use("list the connections", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT name, record FROM freshet.connections WHERE scope = ? ORDER BY name")) {
        p.setString(1, scope(owner));
        List<ConnectionRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(checked(s.read(rs.getString(2), where(owner, rs.getString(1))), owner, rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Optional<ConnectionRecord> load(String owner, String name) {
    SealedRecords s = opened();
    checkName(name);
    String text = locks.use("read connection \"" + name + "\"", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT record FROM freshet.connections WHERE scope = ? AND name = ?")) {
        p.setString(1, scope(owner));
        p.setString(2, name);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    return text == null ? Optional.empty() : Optional.of(checked(s.read(text, where(owner, name)), owner, name));
  }

  @Override
  public boolean save(ConnectionRecord r) {
    if (r.version() < 1) {
      return false;
    }
    String text = opened().write(r);
    boolean first = r.version() == 1;
    String sql = first
        ? "INSERT INTO freshet.connections (service, auth, status, expires_at, updated_at, version, record, owner,"
            + " scope, name) VALUES (?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?) ON CONFLICT (scope, name) DO NOTHING"
        : "UPDATE freshet.connections SET service = ?, auth = ?, status = ?, expires_at = ?, updated_at = ?,"
            + " version = ?, record = ?::json, owner = ? WHERE scope = ? AND name = ? AND version = ?";
    return locks.use("write connection \"" + r.name() + "\"", c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, r.connection().service().id());
        p.setString(2, r.connection().auth().word());
        p.setString(3, r.status().word());
        p.setTimestamp(4, r.expiresAt() == null ? null : Timestamp.from(r.expiresAt()));
        p.setTimestamp(5, r.updatedAt() == null ? null : Timestamp.from(r.updatedAt()));
        p.setLong(6, r.version());
        p.setString(7, text);
        p.setString(8, r.owner());
        p.setString(9, scope(r.owner()));
        p.setString(10, r.name());
        if (!first) {
          p.setLong(11, r.version() - 1);
        }
        return p.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean remove(String owner, String name) {
    checkName(name);
    return locks.use("remove connection \"" + name + "\"", c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM freshet.connections WHERE scope = ? AND name = ?")) {
        p.setString(1, scope(owner));
        p.setString(2, name);
        return p.executeUpdate() == 1;
      }
    });
  }

  @Override
  public <T> T withLock(String owner, String name, Supplier<T> action) {
    checkName(name);
    return locks.withLock(scope(owner) + "/" + name, name, action);
  }

  @Override
  public Map<String, String> defaults(String owner) {
    opened();
    return locks.use("read the default connections", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT product, connection FROM freshet.defaults WHERE scope = ?")) {
        p.setString(1, scope(owner));
        Map<String, String> out = new TreeMap<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void setDefault(String owner, String product, String name) {
    opened();
    locks.use("set the default connection of " + product, c -> {
      try (PreparedStatement p = c.prepareStatement(name == null
          ? "DELETE FROM freshet.defaults WHERE scope = ? AND product = ?"
          : "INSERT INTO freshet.defaults (scope, product, connection, owner) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (scope, product) DO UPDATE SET connection = excluded.connection")) {
        p.setString(1, scope(owner));
        p.setString(2, product);
        if (name != null) {
          p.setString(3, name);
          p.setString(4, owner);
        }
        return p.executeUpdate();
      }
    });
  }

  /** Closes the pool this store made from a URL; a host's DataSource stays open. */
  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
    }
  }

  @Override
  public String toString() {
    return "PostgresConnectionStore[" + shown + "]";
  }

  /** The sealer, after the schema is migrated and the key checked against the database (once per store). */
  private SealedRecords opened() {
    SealedRecords s = sealed;
    if (s == null) {
      synchronized (this) {
        s = sealed;
        if (s == null) {
          if (db == null) {
            pool = pool(url);
            db = pool;
          }
          s = Sql.run("open " + shown, this::open);
          sealed = s;
        }
      }
    }
    return s;
  }

  private SealedRecords open() throws SQLException {
    try (java.sql.Connection c = db.getConnection()) {
      Migrations.migrate(c);
      Settings settings = new Settings(c);
      byte[] k = key;
      if (k == null) {
        String master = env.apply("FRESHET_MASTER_KEY");
        if (master == null || master.isBlank()) {
          throw new ConnectionException(ConnectionException.Kind.INVALID, "a PostgreSQL connection store needs"
              + " FRESHET_MASTER_KEY, the same on every host (the base64 of 32 random bytes, or a passphrase)");
        }
        k = SealedRecords.masterKey(master, () -> settings.salt());
      }
      SealedRecords s = SealedRecords.withKey(k, services);
      if (!s.opens(settings.once("key_check", s.keyCheck()))) {
        throw new ConnectionException(ConnectionException.Kind.STORE, "the vault key (" + (key != null
            ? "the key the host application supplied" : "FRESHET_MASTER_KEY") + ") is not the one the connections in "
            + shown + " are sealed with; every host must use the same key");
      }
      return s;
    }
  }

  private static void checkName(String name) {
    try {
      Connection.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, e.getMessage());
    }
  }

  static String scope(String owner) {
    return owner == null ? "shared" : "owner:" + owner;
  }

  private String where(String owner, String name) {
    return shown + " (freshet.connections " + scope(owner) + "/" + name + ")";
  }

  private ConnectionRecord checked(ConnectionRecord r, String owner, String name) {
    if (!name.equals(r.name()) || !Objects.equals(owner, r.owner())) {
      throw new ConnectionException(ConnectionException.Kind.STORE, where(owner, name) + " holds connection \""
          + r.name() + "\"" + (r.owner() == null ? "" : " of " + r.owner()) + ", not the one its row names");
    }
    return r;
  }
}
