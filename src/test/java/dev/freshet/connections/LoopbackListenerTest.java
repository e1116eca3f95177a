package dev.freshet.connections;

import static dev.freshet.connections.OAuthFixtures.expectOAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackListenerTest {
  static HttpResponse<String> get(String url) throws Exception {
    return OAuthFixtures.http().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listensOnTheIpv4LoopbackOnAFreePort() throws Exception {
    try (LoopbackListener a = LoopbackListener.start(); LoopbackListener b = LoopbackListener.start()) {
      assertTrue(a.redirectUri().matches("http://127\\.0\\.0\\.1:\\d+/callback"), a.redirectUri());
      assertTrue(!a.redirectUri().equals(b.redirectUri()));
    }
  }

  @Test
  void otherPathsGet404AndTheFirstCallbackWins() throws Exception {
    try (LoopbackListener l = LoopbackListener.start()) {
      String base = l.redirectUri().replace("/callback", "");
      assertEquals(404, get(base + "/favicon.ico").statusCode());
      assertEquals(404, get(base + "/callbackx?code=no").statusCode());
      HttpResponse<String> page = get(l.redirectUri() + "?code=a%2Bb&state=s%20t&accounts-server="
          + "https%3A%2F%2Faccounts.zoho.eu");
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertEquals(200, get(l.redirectUri() + "?code=second").statusCode());
      assertEquals(Map.of("code", "a+b", "state", "s t", "accounts-server", "https://accounts.zoho.eu"),
          l.await(Duration.ofSeconds(5)));
    }
  }

  @Test
  void anErrorCallbackIsHandedOverAndThePageSaysSo() throws Exception {
    try (LoopbackListener l = LoopbackListener.start()) {
      HttpResponse<String> page = get(l.redirectUri() + "?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E");
      assertTrue(page.body().contains("authorization failed (access_denied)"), page.body());
      assertEquals("access_denied", l.await(Duration.ofSeconds(5)).get("error"));
    }
  }

  @Test
  void awaitTimesOut() throws Exception {
    try (LoopbackListener l = LoopbackListener.start()) {
      OAuthException e = expectOAuth(() -> l.await(Duration.ofMillis(100)));
      assertEquals("timeout", e.error());
    }
  }

  @Test
  void closeStopsTheServerAtOnce() throws Exception {
    LoopbackListener l = LoopbackListener.start();
    String uri = l.redirectUri();
    long t0 = System.nanoTime();
    l.close();
    assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "close() does not linger");
    HttpClient c = OAuthFixtures.http();
    assertThrows(IOException.class, () -> c.send(HttpRequest.newBuilder(URI.create(uri))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
  }
}
