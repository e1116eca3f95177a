package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;
import static dev.freshet.builtins.ParamType.TEXTUAL;

import dev.freshet.runtime.FileValue;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * URL and Base64 encoding, hashes and HMACs (DELUGE-FACTS 5.8). Text is always encoded as UTF-8. The
 * {@code zoho.encryption.*} names are global-only dotted names. AES lives in {@link AesLib}.
 */
final class EncodingLib implements Library {
  static final String NS = "zoho.encryption.";

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("encodeUrl", "Percent-encodes the text for a URL query (a space becomes +)").param("text", TEXTUAL)
        .returns("TEXT").impl((env, a) -> URLEncoder.encode(text(a, 0), StandardCharsets.UTF_8));
    r.fn("decodeUrl", "Decodes percent-encoded URL text (+ becomes a space)").param("text", TEXTUAL)
        .returns("TEXT").impl((env, a) -> urlDecode("decodeUrl", text(a, 0)));
    r.fn(NS + "urlEncode", "Percent-encodes the text for a URL (a space becomes %20); null for a non-TEXT value")
        .param("text", ANY).returns("TEXT").globalOnly().impl((env, a) -> a[0] instanceof String s
            ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20") : null);
    r.fn(NS + "urlDecode", "Decodes percent-encoded URL text").param("text", TEXTUAL).returns("TEXT").globalOnly()
        .impl((env, a) -> urlDecode(NS + "urlDecode", text(a, 0)));
    r.fn(NS + "base64Encode", "Base64 of the text's UTF-8 bytes (or of a file's bytes)").param("value", ANY)
        .returns("TEXT").globalOnly().impl((env, a) -> a[0] == null ? null
            : Base64.getEncoder().encodeToString(bytes(a[0])));
    r.fn(NS + "base64Decode", "The text whose UTF-8 bytes the Base64 text encodes").param("text", TEXTUAL)
        .returns("TEXT").globalOnly().impl((env, a) -> base64Decode(text(a, 0)));
    hash(r, "md5", "MD5");
    hash(r, "sha1", "SHA-1");
    hash(r, "sha256", "SHA-256");
    hash(r, "sha512", "SHA-512");
    hmac(r, "hmacsha1", "HmacSHA1");
    hmac(r, "hmacsha256", "HmacSHA256");
    hmac(r, "hmacsha512", "HmacSHA512");
  }

  private static void hash(BuiltinRegistry r, String name, String algorithm) {
    r.fn(NS + name, "The " + algorithm + " hash of the text, as lower-case hex (or \"base64\")").param("text", ANY)
        .optional("outputType", TEXT).returns("TEXT").globalOnly().impl((env, a) -> {
          try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(bytes(a[0]));
            return output(NS + name, digest, has(a, 1) ? (String) a[1] : null, "hex");
          } catch (GeneralSecurityException e) {
            throw error(NS + name, algorithm + " is not available");
          }
        });
  }

  private static void hmac(BuiltinRegistry r, String name, String algorithm) {
    r.fn(NS + name, "The " + algorithm + " of the text with the key, as Base64 (or \"hex\")").param("key", TEXTUAL)
        .param("text", ANY).optional("outputType", TEXT).returns("TEXT").globalOnly().impl((env, a) -> {
          try {
            Mac mac = Mac.getInstance(algorithm);
            byte[] key = text(a, 0).getBytes(StandardCharsets.UTF_8);
            if (key.length == 0) {
              throw error(NS + name, "the key is empty");
            }
            mac.init(new SecretKeySpec(key, algorithm));
            return output(NS + name, mac.doFinal(bytes(a[1])), has(a, 2) ? (String) a[2] : null, "base64");
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

  /** The bytes a value stands for: a file's content, otherwise the UTF-8 of its text. */
  static byte[] bytes(Object v) {
    if (v instanceof FileValue f) {
      return f.bytes();
    }
    return dev.freshet.runtime.Values.toText(v).getBytes(StandardCharsets.UTF_8);
  }

  private static String urlDecode(String fn, String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw error(fn, "\"" + s + "\" is not valid percent-encoded text");
    }
  }

  private static String base64Decode(String s) {
    String compact = s.replaceAll("\\s+", "");
    try {
      return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      try {
        return new String(Base64.getUrlDecoder().decode(compact), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException again) {
        throw error(NS + "base64Decode", "the text is not valid Base64");
      }
    }
  }
}
