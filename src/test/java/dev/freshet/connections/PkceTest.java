package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void rfc7636AppendixBExample() {
    Pkce p = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", p.challenge());
    assertEquals("S256", p.method());
  }

  @Test
  void aCreatedVerifierIs64UnreservedCharactersAndItsChallengeIsS256() throws Exception {
    Pkce p = Pkce.create();
    assertEquals(64, p.verifier().length());
    assertTrue(p.verifier().matches("[A-Za-z0-9._~-]{64}"), p.verifier());
    assertEquals(OAuthFixtures.s256(p.verifier()), p.challenge());
    assertFalse(p.challenge().contains("="), "no padding");
  }

  @Test
  void verifiersAreFresh() {
    assertNotEquals(Pkce.create().verifier(), Pkce.create().verifier());
  }

  @Test
  void toStringHidesTheVerifier() {
    Pkce p = Pkce.create();
    assertFalse(p.toString().contains(p.verifier()));
    assertFalse(p.toString().contains(p.challenge()));
  }

  @Test
  void aBadVerifierIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Pkce.of("short"));
    assertThrows(IllegalArgumentException.class, () -> Pkce.of("x".repeat(42) + " "));
  }
}
