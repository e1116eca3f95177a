package dev.freshet.connections.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.connections.ConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FRESHET_STORE / --store URLs: libpq's form to the driver's, the password never shown. */
class StoreUrlTest {
  @Test
  void userPasswordHostPortDatabaseAndTheQueryPassedThrough() {
    StoreUrl u = StoreUrl.parse("postgresql://app:s%40cr%2Bet@db.example.test:6432/freshet?sslmode=verify-full",
        k -> null);
    assertEquals("jdbc:postgresql://db.example.test:6432/freshet?sslmode=verify-full", u.jdbcUrl());
    assertEquals("app", u.user());
    assertEquals("s@cr+et", u.password());
    assertEquals("postgresql://app@db.example.test:6432/freshet?sslmode=verify-full", u.toString());
    assertFalse(u.toString().contains("cr"), "no part of the password shown");
  }

  @Test
  void thePasswordComesFromPgpasswordWhenTheUrlHasNone() {
    StoreUrl u = StoreUrl.parse("postgres://app@127.0.0.1/freshet", Map.of("PGPASSWORD", "pw-from-env")::get);
    assertEquals("jdbc:postgresql://127.0.0.1/freshet", u.jdbcUrl());
    assertEquals("pw-from-env", u.password());
    assertNull(StoreUrl.parse("postgresql://app@[::1]:5432/x", k -> null).password());
    assertEquals("jdbc:postgresql://[::1]:5432/x", StoreUrl.parse("postgresql://app@[::1]:5432/x", k -> null)
        .jdbcUrl());
  }

  @Test
  void aBadUrlSaysWhatIsMissingWithoutEchoingThePassword() {
    Map<String, String> bad = Map.of(
        "mysql://u:pw-SECRET@h/db", "starts with postgresql://",
        "postgresql://h:5432/db", "names no user",
        "postgresql://:pw-SECRET@h/db", "names no user",
        "postgresql://u:pw-SECRET@h:5432", "names no database",
        "postgresql://u:pw-SECRET@h:5432/a/b", "names no database",
        "postgresql://u:pw-SECRET@h:5432/db with space", "not a URL");
    bad.forEach((url, why) -> {
      ConnectionException e = assertThrows(ConnectionException.class, () -> StoreUrl.parse(url, k -> null), url);
      assertEquals(ConnectionException.Kind.INVALID, e.kind());
      assertTrue(e.getMessage().contains(why), url + ": " + e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    });
  }

  @Test
  void aWrongPasswordOrAClosedPortIsAStoreErrorThatShowsNoPassword() {
    PgServer pg = PgServer.get();
    String db = pg.createDatabase();
    String wrong = "postgresql://freshet:pw-SECRET-wrong@127.0.0.1:" + pg.port() + "/" + db;
    try (PostgresConnectionStore s = PostgresConnectionStore.open(wrong, k -> null)) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> s.list(null));
      assertEquals(ConnectionException.Kind.STORE, e.kind());
      assertTrue(e.getMessage().startsWith("connection store (PostgreSQL): cannot open postgresql://freshet@127.0.0.1:"
          + pg.port() + "/" + db + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
  }
}
