package dev.freshet.connections;

import static dev.freshet.connections.FileStoreFixtures.BUILT_INS;
import static dev.freshet.connections.FileStoreFixtures.KEY;
import static dev.freshet.connections.FileStoreFixtures.everyKind;
import static dev.freshet.connections.FileStoreFixtures.zoho;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.connections.pg.PgServer;
import dev.freshet.connections.pg.PostgresConnectionStore;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store against a real server ({@link PgServer}, one per JVM, a database per test): the file store's
 * contract (round trip, compare-and-set, owners, defaults, the lock), the migrations, the key, and that no column of
 * any table holds a secret.
 */
class PostgresConnectionStoreTest {
  PgServer pg;
  String db;
  DataSource ds;

  @BeforeEach
  void database() {
    pg = PgServer.get();
    db = pg.createDatabase();
    ds = pg.dataSource(db);
  }

  PostgresConnectionStore store() {
    return PostgresConnectionStore.builder(ds).services(BUILT_INS).key(KEY).build();
  }

  @Test
  void everyFieldOfEveryAuthTypeRoundTrips() {
    PostgresConnectionStore store = store();
    for (String owner : new String[] {null, "alice"}) {
      for (ConnectionRecord r : everyKind(owner)) {
        assertTrue(store.save(r), r.toString());
      }
    }
    PostgresConnectionStore other = store(); // another process: nothing cached
    for (String owner : new String[] {null, "alice"}) {
      List<ConnectionRecord> expected = new ArrayList<>(everyKind(owner));
      expected.sort(java.util.Comparator.comparing(ConnectionRecord::name));
      assertEquals(expected, other.list(owner));
      for (ConnectionRecord r : expected) {
        assertEquals(Optional.of(r), other.load(owner, r.name()));
      }
    }
  }

  @Test
  void theZohoFieldsOfAConnectionRoundTrip() {
    ConnectionRecord z = zoho("alice", "books", 1);
    Connection c = z.connection();
    ConnectionRecord r = new ConnectionRecord(new Connection(c.name(), c.owner(), c.service(), c.grant(),
        c.clientId(), c.scopes(), null, "https://www.zohoapis.eu", "eu", true), z.status(), z.secrets(),
        z.expiresAt(), z.obtainedAt(), z.updatedAt(), z.info(), z.problem(), 1);
    assertTrue(store().save(r));
    ConnectionRecord back = store().load("alice", "books").orElseThrow();
    assertEquals(r, back);
    assertEquals("https://www.zohoapis.eu", back.connection().apiDomain());
    assertEquals("eu", back.connection().dc());
    assertTrue(back.connection().rewriteZohoHosts());
  }

  @Test
  void selectStarOnEveryTableShowsNoSecret() throws Exception {
    PostgresConnectionStore store = store();
    List<String> secrets = new ArrayList<>();
    for (String owner : new String[] {null, "alice"}) {
      for (ConnectionRecord r : everyKind(owner)) {
        store.save(r);
        secrets.addAll(r.secrets().values());
      }
    }
    store.setDefault(null, "crm", "crm");
    assertTrue(secrets.size() > 10);
    StringBuilder all = new StringBuilder();
    List<String> tables = new ArrayList<>();
    try (java.sql.Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = 'freshet' ORDER BY table_name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM freshet." + t)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
              all.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('\n');
            }
          }
        }
      }
    }
    assertEquals(List.of("connections", "defaults", "migrations", "settings"), tables);
    String text = all.toString();
    assertTrue(text.contains("record={") && text.contains("\"vault\""), "the rows were read: " + text.length());
    for (String secret : secrets) {
      assertFalse(text.contains(secret), "a secret is readable in the database: " + secret.substring(0, 4) + "…");
    }
    assertFalse(text.contains("SECRET"), "no part of a secret either");
  }

  @Test
  void saveIsCompareAndSetOnTheVersion() {
    PostgresConnectionStore store = store();
    ConnectionRecord v1 = zoho(null, "crm", 1);
    assertFalse(store.save(zoho(null, "crm", 2)), "nothing stored: only version 1 may be written");
    assertTrue(store.save(v1));
    assertFalse(store.save(v1), "version 1 again: someone (this caller) wrote first");
    ConnectionRecord v2 = v1.withStatus(ConnectionStatus.NEEDS_REAUTH, "invalid_grant", Instant.EPOCH);
    assertTrue(store.save(v2));
    ConnectionRecord staleV2 = v1.next(ConnectionStatus.CONNECTED, v1.secrets().withTokens("older", "older"), null,
        null, Map.of(), null, Instant.EPOCH);
    assertFalse(store.save(staleV2), "a loser's version 2 never replaces the winner's");
    assertEquals(Optional.of(v2), store.load(null, "crm"));
  }

  @Test
  void ownersAndTheirDefaultsAreKeptApart() {
    PostgresConnectionStore store = store();
    List<String> owners = new ArrayList<>(List.of("alice", "Alice", "tenant/../../x ü", ""));
    for (String owner : owners) {
      assertTrue(store.save(zoho(owner, "crm", 1)));
    }
    assertTrue(store.save(zoho(null, "crm", 1)));
    owners.add(null);
    for (String owner : owners) {
      assertEquals(List.of(zoho(owner, "crm", 1)), store.list(owner), "owner " + owner);
    }
    assertTrue(store.remove("alice", "crm"));
    assertFalse(store.remove("alice", "crm"));
    assertEquals(Optional.empty(), store.load("alice", "crm"));
    assertEquals(List.of(), store.list("nobody"));
    assertEquals(Optional.of(zoho("Alice", "crm", 1)), store.load("Alice", "crm"));

    store.setDefault(null, "crm", "crm");
    store.setDefault("alice", "crm", "mycrm");
    store.setDefault("alice", "books", "mybooks");
    store.setDefault("alice", "books", "otherbooks");
    assertEquals(Map.of("crm", "crm"), store.defaults(null));
    assertEquals(Map.of("crm", "mycrm", "books", "otherbooks"), store.defaults("alice"));
    store.setDefault("alice", "crm", null);
    assertEquals(Map.of("books", "otherbooks"), store.defaults("alice"));
    assertEquals(Map.of(), store.defaults("bob"));
  }

  @Test
  void theSchemaIsMigratedOnceEvenByManyProcessesOpeningAtOnce() throws Exception {
    int n = 6;
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<ConnectionRecord>>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        done.add(threads.submit(() -> {
          go.await();
          return store().list(null); // each its own store: each runs the migrations
        }));
      }
      go.countDown();
      for (Future<List<ConnectionRecord>> f : done) {
        assertEquals(List.of(), f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of("1 V1__connections.sql"), rows("SELECT version || ' ' || description FROM"
        + " freshet.migrations"));
  }

  @Test
  void aSchemaNewerThanThisFreshetIsAClearError() throws Exception {
    store().list(null);
    sql("INSERT INTO freshet.migrations (version, description) VALUES (99, 'from the future')");
    ConnectionException e = assertThrows(ConnectionException.class, () -> store().list(null));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains("version 99, newer than this Freshet knows (1)"), e.getMessage());
  }

  @Test
  void aPassphraseKeyIsStretchedWithASaltKeptInTheDatabaseSoEveryHostDerivesTheSameKey() {
    Map<String, String> env = Map.of("FRESHET_MASTER_KEY", "correct horse battery staple");
    PostgresConnectionStore hostA = PostgresConnectionStore.builder(ds).services(BUILT_INS).env(env::get).build();
    PostgresConnectionStore hostB = PostgresConnectionStore.builder(ds).services(BUILT_INS).env(env::get).build();
    ConnectionRecord r = zoho(null, "crm", 1);
    assertTrue(hostA.save(r));
    assertEquals(Optional.of(r), hostB.load(null, "crm"));
    String salt = Base64Salt.of(rows("SELECT value FROM freshet.settings WHERE name = 'vault_salt'"));
    assertEquals(16, java.util.Base64.getDecoder().decode(salt).length);
  }

  @Test
  void aWrongOrMissingKeyFailsClearlyBeforeAnyRecordIsRead() {
    PostgresConnectionStore store = store();
    ConnectionRecord r = zoho(null, "crm", 1);
    store.save(r);
    byte[] other = KEY.clone();
    other[0] ^= 1;
    PostgresConnectionStore wrong = PostgresConnectionStore.builder(ds).services(BUILT_INS).key(other).build();
    ConnectionException e = assertThrows(ConnectionException.class, () -> wrong.save(zoho(null, "books", 1)));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains("is not the one the connections in a DataSource are sealed with; every host"
        + " must use the same key"), e.getMessage());
    assertEquals(List.of("crm"), rows("SELECT name FROM freshet.connections"), "the wrong key wrote nothing");

    PostgresConnectionStore none = PostgresConnectionStore.builder(ds).services(BUILT_INS).env(k -> null).build();
    ConnectionException missing = assertThrows(ConnectionException.class, () -> none.list(null));
    assertEquals(ConnectionException.Kind.INVALID, missing.kind());
    assertTrue(missing.getMessage().contains("needs FRESHET_MASTER_KEY, the same on every host"),
        missing.getMessage());
    for (String secret : r.secrets().values()) {
      assertFalse(e.getMessage().contains(secret) || missing.getMessage().contains(secret));
    }
  }

  @Test
  void withLockExcludesEveryOtherSessionAndIsReentrant() throws Exception {
    store().save(zoho(null, "crm", 1));
    AtomicInteger counter = new AtomicInteger();
    int threads = 6;
    int rounds = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        PostgresConnectionStore s = store(); // a store each: as far apart as two hosts
        done.add(pool.submit(() -> {
          for (int i = 0; i < rounds; i++) {
            s.withLock(null, "crm", () -> {
              int seen = counter.get();
              Thread.yield();
              counter.set(seen + 1);
              ConnectionRecord r = s.load(null, "crm").orElseThrow();
              assertTrue(s.save(r.withStatus(ConnectionStatus.CONNECTED, null, Instant.EPOCH)));
              return s.withLock(null, "crm", () -> null); // re-entrant
            });
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * rounds, counter.get());
    assertEquals(1 + threads * rounds, store().load(null, "crm").orElseThrow().version());
  }

  @Test
  void aLockDiesWithItsSessionAndWritesMadeUnderItAreCommittedWhenItIsLetGo() throws Exception {
    PostgresConnectionStore holderStore = store();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean holderFailed = new AtomicBoolean();
    Thread holder = new Thread(() -> {
      try {
        holderStore.withLock(null, "crm", () -> {
          assertTrue(holderStore.save(zoho(null, "crm", 1)));
          held.countDown();
          await(never); // a process that hangs mid-refresh ...
          return null;
        });
      } catch (ConnectionException e) {
        holderFailed.set(true); // ... its session killed under it
      }
    });
    holder.start();
    assertTrue(held.await(30, TimeUnit.SECONDS));
    PostgresConnectionStore other = store();
    assertEquals(Optional.empty(), other.load(null, "crm"), "not committed while the lock is held");
    // the session ends as it does when its process is killed: the server rolls back and lets the lock go
    sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND state = 'idle in transaction' AND pid <> pg_backend_pid()");
    assertEquals("free", other.withLock(null, "crm", () -> "free"));
    assertEquals(Optional.empty(), other.load(null, "crm"), "the dead holder's write went with it");
    never.countDown();
    holder.join(30_000);
    assertTrue(holderFailed.get(), "the holder learned that its commit failed");

    assertEquals(zoho(null, "crm", 1), other.withLock(null, "crm", () -> {
      other.save(zoho(null, "crm", 1));
      return other.load(null, "crm").orElseThrow();
    }));
    assertEquals(Optional.of(zoho(null, "crm", 1)), store().load(null, "crm"), "committed when let go");
    assertThrows(IllegalStateException.class, () -> other.withLock(null, "crm", () -> {
      assertTrue(other.save(zoho(null, "crm", 1).withStatus(ConnectionStatus.NEEDS_REAUTH, "invalid_grant",
          Instant.EPOCH)));
      throw new IllegalStateException("boom");
    }));
    assertEquals(ConnectionStatus.NEEDS_REAUTH, store().load(null, "crm").orElseThrow().status(),
        "a write made before the action failed is kept (as a NEEDS_REAUTH mark must be)");
  }

  @Test
  void namesAreCheckedAndToStringShowsNoSecret() {
    PostgresConnectionStore store = store();
    for (String bad : List.of("../x", "Crm", "", "a';drop table x;--")) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> store.load(null, bad));
      assertEquals(ConnectionException.Kind.INVALID, e.kind());
    }
    assertEquals("PostgresConnectionStore[a DataSource]", store.toString());
    try (PostgresConnectionStore byUrl = PostgresConnectionStore.open(pg.url(db), k -> null)) {
      assertEquals("PostgresConnectionStore[postgresql://freshet@127.0.0.1:" + pg.port() + "/" + db + "]",
          byUrl.toString());
    }
  }

  private List<String> rows(String query) {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private void sql(String statement) throws Exception {
    try (java.sql.Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Base64Salt {
    static String of(List<String> rows) {
      assertEquals(1, rows.size());
      return rows.get(0);
    }
  }
}
