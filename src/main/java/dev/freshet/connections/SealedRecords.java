package dev.freshet.connections;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;

/**
 * Connection records as the JSON the file store writes, with the secrets sealed by the {@link Vault} (AES-256-GCM,
 * bound to the connection's owner, name and where its secrets may go): what a store other than the folder one, such
 * as the PostgreSQL store, keeps. Never plaintext.
 */
public final class SealedRecords {
  private static final String KEY_CHECK = "freshet key check";
  private static final String KEY_CHECK_AAD = "freshet:v1:key-check";
  /** Bytes of a fresh salt for a passphrase given as {@code FRESHET_MASTER_KEY}. */
  public static final int SALT_BYTES = 16;

  private final Vault vault;
  private final RecordJson json;

  private SealedRecords(Vault vault, Function<String, Optional<Service>> services) {
    this.vault = vault;
    this.json = new RecordJson(services, () -> vault, false);
  }

  /** Seals with a 32-byte key. */
  public static SealedRecords withKey(byte[] key, Function<String, Optional<Service>> services) {
    return new SealedRecords(Vault.withKey(key), services);
  }

  /**
   * The key {@code FRESHET_MASTER_KEY} names: the base64 of 32 bytes as it is, anything else a passphrase stretched
   * with PBKDF2 and the salt from {@code salt} (asked for only then).
   */
  public static byte[] masterKey(String value, Supplier<byte[]> salt) {
    byte[] raw = Vault.base64Key(value.trim());
    return raw != null ? raw : Vault.derive(value, salt.get());
  }

  /** A fresh random salt for {@link #masterKey}. */
  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  /** The record as JSON text, its secrets in one encrypted {@code vault} field. */
  public String write(ConnectionRecord r) {
    return new String(json.write(r), StandardCharsets.UTF_8);
  }

  /**
   * The record in {@code text}.
   *
   * @param where named in messages (a file, a table row)
   * @throws ConnectionException (STORE) when it is damaged, names an unknown service, or does not decrypt
   */
  public ConnectionRecord read(String text, String where) {
    return json.read(text.getBytes(StandardCharsets.UTF_8), where);
  }

  /** A known text sealed with this key: stored once beside the records, it tells a wrong key before any record. */
  public String keyCheck() {
    return vault.seal(KEY_CHECK.getBytes(StandardCharsets.UTF_8), KEY_CHECK_AAD);
  }

  /** Whether {@code check} (from {@link #keyCheck}) was sealed with this key. */
  public boolean opens(String check) {
    try {
      return KEY_CHECK.equals(new String(vault.open(check, KEY_CHECK_AAD), StandardCharsets.UTF_8));
    } catch (AEADBadTagException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SealedRecords[" + vault + "]";
  }
}
