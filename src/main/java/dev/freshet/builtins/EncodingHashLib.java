package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.EncodingLib.NS;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * zoho.encryption hashes (md5, sha1, sha256, sha512: lower-case hex by default) and HMACs (hmacsha1/256/512: Base64
 * by default), registered from {@link EncodingLib}. Text is hashed as UTF-8, a file as its bytes, NULL gives null.
 * The optional last argument picks the output: "hex", "base64" or "binary" (one character per byte).
 */
final class EncodingHashLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    hash(r, "md5", "MD5");
    hash(r, "sha1", "SHA-1");
    hash(r, "sha256", "SHA-256");
    hash(r, "sha512", "SHA-512");
    hmac(r, "hmacsha1", "HmacSHA1");
    hmac(r, "hmacsha256", "HmacSHA256");
    hmac(r, "hmacsha512", "HmacSHA512");
  }

  private static void hash(BuiltinRegistry r, String name, String algorithm) {
    r.fn(NS + name, "The " + algorithm + " hash of the text, as lower-case hex (or \"base64\", \"binary\")")
        .param("data", ANY).optional("outputType", TEXT).returns("TEXT").globalOnly().impl((env, a) -> {
          if (a[0] == null) {
            return null;
          }
          try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(EncodingLib.bytes(a[0]));
            return output(NS + name, digest, has(a, 1) ? (String) a[1] : null, "hex");
          } catch (GeneralSecurityException e) {
            throw error(NS + name, algorithm + " is not available");
          }
        });
  }

  private static void hmac(BuiltinRegistry r, String name, String algorithm) {
    r.fn(NS + name, "The " + algorithm + " of the text with the key, as Base64 (or \"hex\", \"binary\")")
        .param("key", TEXT).param("data", ANY).optional("outputType", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> {
          if (a[1] == null) {
            return null;
          }
          byte[] key = text(a, 0).getBytes(StandardCharsets.UTF_8);
          if (key.length == 0) {
            throw error(NS + name, "the key is empty");
          }
          try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return output(NS + name, mac.doFinal(EncodingLib.bytes(a[1])), has(a, 2) ? (String) a[2] : null,
                "base64");
          } catch (GeneralSecurityException e) {
            throw error(NS + name, algorithm + " is not available");
          }
        });
  }

  /** Digest bytes as the requested text form: hex, base64, or "binary" (one character per byte). */
  private static String output(String fn, byte[] digest, String type, String fallback) {
    String t = type == null ? fallback : type.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "hex" -> HexFormat.of().formatHex(digest);
      case "base64" -> Base64.getEncoder().encodeToString(digest);
      case "binary" -> new String(digest, StandardCharsets.ISO_8859_1);
      default -> throw error(fn, "output type must be \"hex\", \"base64\" or \"binary\", got \"" + type + "\"");
    };
  }
}
