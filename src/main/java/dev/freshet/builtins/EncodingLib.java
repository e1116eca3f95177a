package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Values;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * URL, Base64 and Base32 encoding (DELUGE-FACTS 5.8). Text is encoded as UTF-8 unless a character set is given
 * (UTF-8, UTF-16LE or UTF-16BE, as Zoho documents). The {@code zoho.encryption.*} names are global-only dotted names.
 * Hashes and HMACs live in {@link EncodingHashLib}, AES in {@link AesLib}.
 */
final class EncodingLib implements Library {
  static final String NS = "zoho.encryption.";

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("encodeUrl", "Percent-encodes the text for a URL query (a space becomes +)").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> URLEncoder.encode(text(a, 0), StandardCharsets.UTF_8));
    r.fn("decodeUrl", "Decodes percent-encoded URL text (+ becomes a space)").param("text", TEXT)
        .returns("TEXT").impl((env, a) -> urlDecode("decodeUrl", text(a, 0)));
    r.fn(NS + "urlEncode", "Percent-encodes the text for a URL (a space becomes %20); null for a non-TEXT value")
        .param("text", ANY).returns("TEXT").globalOnly().impl((env, a) -> a[0] instanceof String s
            ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20") : null);
    r.fn(NS + "urlDecode", "Decodes percent-encoded URL text (+ becomes a space); null for a non-TEXT value")
        .param("text", ANY).returns("TEXT").globalOnly()
        .impl((env, a) -> a[0] instanceof String s ? urlDecode(NS + "urlDecode", s) : null);
    r.fn(NS + "base64Encode", "Base64 of the text's bytes in the character set (default UTF-8), or of a file's "
        + "bytes; null for null").param("data", ANY).optional("characterSet", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> a[0] == null ? null
            : Base64.getEncoder().encodeToString(bytes(a[0], charset(NS + "base64Encode", a))));
    r.fn(NS + "base64Decode", "The text whose bytes (in the character set, default UTF-8) the Base64 text encodes")
        .param("text", TEXT).optional("characterSet", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> a[0] == null ? null
            : new String(base64Decode(text(a, 0)), charset(NS + "base64Decode", a)));
    r.fn(NS + "base32Encode", "Base32 (RFC 4648) of the text's bytes in the character set (default UTF-8), or of "
        + "a file's bytes; null for null").param("data", ANY).optional("characterSet", TEXT).returns("TEXT")
        .globalOnly().impl((env, a) -> a[0] == null ? null
            : Base32.encode(bytes(a[0], charset(NS + "base32Encode", a))));
    r.fn(NS + "base32Decode", "The text whose bytes (in the character set, default UTF-8) the Base32 text encodes")
        .param("text", TEXT).optional("characterSet", TEXT).returns("TEXT").globalOnly()
        .impl((env, a) -> a[0] == null ? null
            : new String(Base32.decode(NS + "base32Decode", text(a, 0)), charset(NS + "base32Decode", a)));
    new EncodingHashLib().register(r);
  }

  /** The optional character-set argument (index 1): UTF-8 when absent. */
  private static Charset charset(String fn, Object[] a) {
    if (!has(a, 1) || a[1] == null) {
      return StandardCharsets.UTF_8;
    }
    return switch (((String) a[1]).trim().toUpperCase(Locale.ROOT)) {
      case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
      case "UTF-16LE" -> StandardCharsets.UTF_16LE;
      case "UTF-16BE" -> StandardCharsets.UTF_16BE;
      default -> throw error(fn, "character set \"" + a[1] + "\" is not supported; use UTF-8, UTF-16LE or UTF-16BE");
    };
  }

  /** The bytes a value stands for: a file's content, otherwise its text (a map as JSON) in the character set. */
  static byte[] bytes(Object v, Charset charset) {
    if (v instanceof FileValue f) {
      return f.bytes();
    }
    return Values.toText(v).getBytes(charset);
  }

  static byte[] bytes(Object v) {
    return bytes(v, StandardCharsets.UTF_8);
  }

  private static String urlDecode(String fn, String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw error(fn, "\"" + s + "\" is not valid percent-encoded text (a % must be followed by two hex digits)");
    }
  }

  /** Standard or URL-safe Base64; whitespace is ignored and padding is optional. */
  private static byte[] base64Decode(String s) {
    String compact = s.replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(compact);
      } catch (IllegalArgumentException again) {
        throw error(NS + "base64Decode", "the text is not valid Base64");
      }
    }
  }

  /** RFC 4648 Base32 with = padding; decoding ignores case, whitespace and padding. */
  static final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    static String encode(byte[] data) {
      StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
      int buffer = 0;
      int bits = 0;
      for (byte b : data) {
        buffer = (buffer << 8) | (b & 0xff);
        bits += 8;
        while (bits >= 5) {
          out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
          bits -= 5;
        }
      }
      if (bits > 0) {
        out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
      }
      while (out.length() % 8 != 0) {
        out.append('=');
      }
      return out.toString();
    }

    static byte[] decode(String fn, String text) {
      String s = text.replaceAll("[\\s=]+$", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 5 / 8);
      int buffer = 0;
      int bits = 0;
      for (int i = 0; i < s.length(); i++) {
        int v = ALPHABET.indexOf(s.charAt(i));
        if (v < 0) {
          throw error(fn, "the text is not valid Base32 (\"" + s.charAt(i) + "\" is not a Base32 digit)");
        }
        buffer = (buffer << 5) | v;
        bits += 5;
        if (bits >= 8) {
          out.write((buffer >> (bits - 8)) & 0xff);
          bits -= 8;
        }
      }
      return out.toByteArray();
    }
  }
}
