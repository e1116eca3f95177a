package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.Env;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * zoho.encryption.aesEncode / aesDecode. Zoho documents only "AES with 256 bits" and an optional 16-character IV,
 * not its key derivation, so these are NOT byte-compatible with Zoho's: they round-trip with each other only.
 * Freshet's choice: AES-256/CBC/PKCS5Padding, key = SHA-256 of the key text's UTF-8 bytes; with an IV the output
 * is Base64(ciphertext); without one a random IV is drawn from the engine's random source and the output is
 * Base64(iv + ciphertext) — the same shape as Zoho's (48 bytes for a 20-character text).
 */
final class AesLib implements Library {
  private static final String NS = EncodingLib.NS;

  @Override
  public void register(BuiltinRegistry r) {
    r.fn(NS + "aesEncode", "Encrypts text with AES-256/CBC (key hashed with SHA-256; optional 16-character IV) "
        + "to Base64; round-trips with aesDecode, not byte-compatible with Zoho").param("key", TEXT)
        .param("text", TEXT).optional("iv", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> encode(env, text(a, 0), text(a, 1), has(a, 2) ? (String) a[2] : null));
    r.fn(NS + "aesDecode", "Decrypts aesEncode's Base64 output with the same key (and IV, if one was used)")
        .param("key", TEXT).param("text", TEXT).optional("iv", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> decode(text(a, 0), text(a, 1), has(a, 2) ? (String) a[2] : null));
  }

  static String encode(Env env, String key, String plain, String iv) {
    byte[] ivBytes = iv != null ? ivBytes("aesEncode", iv) : randomIv(env);
    byte[] cipher = run("aesEncode", Cipher.ENCRYPT_MODE, key, ivBytes, plain.getBytes(StandardCharsets.UTF_8));
    if (iv != null) {
      return Base64.getEncoder().encodeToString(cipher);
    }
    byte[] out = Arrays.copyOf(ivBytes, 16 + cipher.length);
    System.arraycopy(cipher, 0, out, 16, cipher.length);
    return Base64.getEncoder().encodeToString(out);
  }

  static String decode(String key, String encoded, String iv) {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw error(NS + "aesDecode", "the text is not Base64");
    }
    byte[] ivBytes;
    if (iv != null) {
      ivBytes = ivBytes("aesDecode", iv);
    } else {
      if (data.length < 32) {
        throw error(NS + "aesDecode", "the text is too short to hold an IV and data");
      }
      ivBytes = Arrays.copyOf(data, 16);
      data = Arrays.copyOfRange(data, 16, data.length);
    }
    return new String(run("aesDecode", Cipher.DECRYPT_MODE, key, ivBytes, data), StandardCharsets.UTF_8);
  }

  private static byte[] run(String fn, int mode, String key, byte[] iv, byte[] input) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
      c.init(mode, new SecretKeySpec(k, "AES"), new IvParameterSpec(iv));
      return c.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw error(NS + fn, mode == Cipher.DECRYPT_MODE ? "cannot decrypt: wrong key or IV, or damaged text"
          : "encryption failed");
    }
  }

  private static byte[] ivBytes(String fn, String iv) {
    byte[] b = iv.getBytes(StandardCharsets.UTF_8);
    if (b.length != 16) {
      throw error(NS + fn, "the IV must be 16 characters, got " + iv.length());
    }
    return b;
  }

  private static byte[] randomIv(Env env) {
    byte[] iv = new byte[16];
    for (int i = 0; i < 16; i++) {
      iv[i] = (byte) env.random().nextInt(256);
    }
    return iv;
  }
}
