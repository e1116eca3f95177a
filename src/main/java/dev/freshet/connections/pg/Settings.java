package dev.freshet.connections.pg;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.SealedRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

/** The store's own facts in {@code freshet.settings}, each written once by whichever process comes first. */
final class Settings {
  private final Connection c;

  Settings(Connection c) {
    this.c = c;
  }

  /** The value of {@code name}, storing {@code first} when there is none yet. */
  String once(String name, String first) {
    return Sql.run("read the store's settings", () -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO freshet.settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        p.setString(1, name);
        p.setString(2, first);
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT value FROM freshet.settings WHERE name = ?")) {
        p.setString(1, name);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }

  /** The salt a passphrase key is stretched with: one per database, so every host derives the same key. */
  byte[] salt() {
    String s = once("vault_salt", Base64.getEncoder().encodeToString(SealedRecords.newSalt()));
    try {
      byte[] salt = Base64.getDecoder().decode(s);
      if (salt.length == SealedRecords.SALT_BYTES) {
        return salt;
      }
    } catch (IllegalArgumentException e) {
      // damaged: said below
    }
    throw new ConnectionException(ConnectionException.Kind.STORE, "freshet.settings vault_salt is damaged; restore"
        + " it from a backup");
  }
}
