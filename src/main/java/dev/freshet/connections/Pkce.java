package dev.freshet.connections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE verifier and its S256 challenge (RFC 7636). The verifier is secret: {@link #toString()} hides it. */
final class Pkce {
  static final String METHOD = "S256";
  /** RFC 7636 §4.1: the unreserved characters. */
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final int LENGTH = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String verifier;
  private final String challenge;

  private Pkce(String verifier) {
    this.verifier = verifier;
    this.challenge = challenge(verifier);
  }

  /** A fresh verifier of 64 random unreserved characters. */
  static Pkce create() {
    StringBuilder v = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      v.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new Pkce(v.toString());
  }

  /** A given verifier (43 to 128 unreserved characters), for tests against RFC 7636's example. */
  static Pkce of(String verifier) {
    if (verifier == null || verifier.length() < 43 || verifier.length() > 128
        || !verifier.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
      throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters");
    }
    return new Pkce(verifier);
  }

  /** BASE64URL-no-padding(SHA-256(ASCII(verifier))). */
  static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  String verifier() {
    return verifier;
  }

  String challenge() {
    return challenge;
  }

  String method() {
    return METHOD;
  }

  @Override
  public String toString() {
    return "Pkce[S256, verifier=***]";
  }
}
