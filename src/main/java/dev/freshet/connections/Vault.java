package dev.freshet.connections;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets of a connection with AES-256-GCM: a fresh 12-byte IV per write, a 128-bit tag, and associated
 * data naming the connection, so a blob copied into another connection's file does not decrypt. A blob is base64 of
 * IV || ciphertext+tag.
 *
 * <p>The key comes from {@code FRESHET_MASTER_KEY} (base64 of 32 bytes, or else a passphrase stretched with PBKDF2
 * and the salt in {@code vault.salt}), or from {@code vault.key} in the store's folder, created on first use, or
 * directly from the host.
 */
final class Vault {
  static final String ENV = "FRESHET_MASTER_KEY";
  static final String KEY_FILE = "vault.key";
  static final String SALT_FILE = "vault.salt";
  static final int KEY_BYTES = 32;
  static final int PBKDF2_ITERATIONS = 200_000;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int SALT_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String source;

  private Vault(byte[] key, String source) {
    if (key == null || key.length != KEY_BYTES) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, "a vault key is " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.source = source;
  }

  /** A vault with a key the host supplies. */
  static Vault withKey(byte[] key) {
    return new Vault(key, "the key the host application supplied");
  }

  /** The vault of the store in {@code home}: the key from {@code FRESHET_MASTER_KEY}, else {@code home/vault.key}. */
  static Vault open(Path home, Function<String, String> env) {
    String source = ENV + " or " + home.resolve(KEY_FILE);
    String master = env.apply(ENV);
    try {
      if (master != null && !master.isBlank()) {
        byte[] raw = base64Key(master.trim());
        return new Vault(raw != null ? raw : derive(master, salt(home)), source);
      }
      return new Vault(keyFile(home), source);
    } catch (IOException e) {
      throw new ConnectionException(ConnectionException.Kind.STORE,
          "cannot read or create the vault key in " + home + ": " + FileConnectionStore.reason(e));
    }
  }

  /** Where the key came from, for error messages. */
  String source() {
    return source;
  }

  String seal(byte[] plaintext, String aad) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, aad);
      byte[] sealed = c.doFinal(plaintext);
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage());
    }
  }

  /**
   * The plaintext of {@code blob}.
   *
   * @throws AEADBadTagException when the key is wrong, the blob was altered or it belongs to another connection
   * @throws IllegalArgumentException when the blob is not base64 or too short
   */
  byte[] open(String blob, String aad) throws AEADBadTagException {
    byte[] all = Base64.getDecoder().decode(blob);
    if (all.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("the vault field is too short");
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, IV_BYTES), aad);
      return c.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Vault[" + source + "]";
  }

  private Cipher cipher(int mode, byte[] iv, String aad) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
    return c;
  }

  /** The bytes of a base64 (standard or URL-safe) value of exactly 32 bytes, or null: then it is a passphrase. */
  static byte[] base64Key(String value) {
    for (Base64.Decoder d : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
      try {
        byte[] raw = d.decode(value);
        if (raw.length == KEY_BYTES) {
          return raw;
        }
      } catch (IllegalArgumentException notBase64) {
        // try the other alphabet, then treat it as a passphrase
      }
    }
    return null;
  }

  static byte[] derive(String passphrase, byte[] salt) {
    try {
      PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, PBKDF2_ITERATIONS, KEY_BYTES * 8);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e.getMessage());
    }
  }

  private static byte[] salt(Path home) throws IOException {
    byte[] fresh = new byte[SALT_BYTES];
    RANDOM.nextBytes(fresh);
    Path file = home.resolve(SALT_FILE);
    byte[] salt = SafeFiles.createOnce(file, fresh);
    if (salt.length != SALT_BYTES) {
      throw new ConnectionException(ConnectionException.Kind.STORE,
          file + " is damaged: it should hold " + SALT_BYTES + " bytes; restore it from a backup");
    }
    return salt;
  }

  private static byte[] keyFile(Path home) throws IOException {
    byte[] fresh = new byte[KEY_BYTES];
    RANDOM.nextBytes(fresh);
    Path file = home.resolve(KEY_FILE);
    byte[] text = SafeFiles.createOnce(file,
        (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
    byte[] key = base64Key(new String(text, StandardCharsets.US_ASCII).trim());
    if (key == null) {
      throw new ConnectionException(ConnectionException.Kind.STORE,
          file + " is damaged: it should hold the base64 of " + KEY_BYTES + " bytes; restore it from a backup");
    }
    return key;
  }
}
