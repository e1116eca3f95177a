package dev.freshet.connections;

import static dev.freshet.connections.FileStoreFixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  private static final byte[] SECRET = "at-SECRET".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path home;

  @Test
  void everySealHasAFreshIvAndOpensAgain() throws Exception {
    Vault v = Vault.withKey(KEY);
    String a = v.seal(SECRET, "freshet:v1:shared/crm");
    String b = v.seal(SECRET, "freshet:v1:shared/crm");
    assertNotEquals(a, b);
    assertFalse(java.util.Arrays.equals(Base64.getDecoder().decode(a), 0, 12, Base64.getDecoder().decode(b), 0, 12),
        "a fresh IV");
    assertEquals(12 + SECRET.length + 16, Base64.getDecoder().decode(a).length, "IV, ciphertext, 128-bit tag");
    assertArrayEquals(SECRET, v.open(a, "freshet:v1:shared/crm"));
    assertArrayEquals(SECRET, v.open(b, "freshet:v1:shared/crm"));
  }

  @Test
  void aBlobOpensOnlyForItsConnectionAndKey() {
    Vault v = Vault.withKey(KEY);
    String blob = v.seal(SECRET, RecordJson.aad(null, "crm"));
    assertThrows(AEADBadTagException.class, () -> v.open(blob, RecordJson.aad(null, "books")));
    assertThrows(AEADBadTagException.class, () -> v.open(blob, RecordJson.aad("shared", "crm")));
    byte[] other = KEY.clone();
    other[31] ^= (byte) 0x80;
    assertThrows(AEADBadTagException.class, () -> Vault.withKey(other).open(blob, RecordJson.aad(null, "crm")));
    assertNotEquals(RecordJson.aad(null, "crm"), RecordJson.aad("", "crm"));
  }

  @Test
  void theKeyFileIsMadeOnceWithMode0600() throws Exception {
    Vault first = Vault.open(home, n -> null);
    Path file = home.resolve(Vault.KEY_FILE);
    String text = Files.readString(file).trim();
    assertEquals(32, Base64.getDecoder().decode(text).length);
    if (dev.freshet.files.OwnerOnly.posix(home)) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    String blob = first.seal(SECRET, "a");
    assertArrayEquals(SECRET, Vault.open(home, n -> null).open(blob, "a"), "the second open reads the same key");
    assertEquals(text, Files.readString(file).trim());
    assertTrue(first.toString().contains(file.toString()));
    assertFalse(first.toString().contains(text));
  }

  @RepeatedTest(5)
  void threadsRacingToMakeTheKeyFileAllEndWithOneKey() throws Exception {
    int n = 8;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<Vault>> vaults = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        vaults.add(pool.submit(() -> {
          start.await();
          return Vault.open(home, name -> null);
        }));
      }
      String blob = vaults.get(0).get(30, TimeUnit.SECONDS).seal(SECRET, "a");
      for (Future<Vault> f : vaults) {
        assertArrayEquals(SECRET, f.get(30, TimeUnit.SECONDS).open(blob, "a"), "every racer has the same key");
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> files = Files.list(home)) {
      assertEquals(List.of(home.resolve(Vault.KEY_FILE)), files.toList(), "no temp file left behind");
    }
  }

  @Test
  void aDamagedKeyFileIsAnErrorAndIsNotReplaced() throws Exception {
    Path file = Files.writeString(home.resolve(Vault.KEY_FILE), "too short\n");
    ConnectionException e = assertThrows(ConnectionException.class, () -> Vault.open(home, n -> null));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals("too short\n", Files.readString(file));
  }

  @Test
  void aMasterKeyIsBase64Of32BytesOrElseAPassphrase() throws Exception {
    assertArrayEquals(KEY, Vault.base64Key(Base64.getEncoder().encodeToString(KEY)));
    assertArrayEquals(KEY, Vault.base64Key(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY)));
    assertNull(Vault.base64Key(Base64.getEncoder().encodeToString(new byte[31])), "31 bytes: a passphrase");
    assertNull(Vault.base64Key("correct horse battery staple"));

    String b64 = Base64.getEncoder().encodeToString(KEY);
    String blob = Vault.open(home, n -> n.equals(Vault.ENV) ? " " + b64 + "\n" : null).seal(SECRET, "a");
    assertArrayEquals(SECRET, Vault.withKey(KEY).open(blob, "a"));

    blob = Vault.open(home, n -> n.equals(Vault.ENV) ? "hunter2" : null).seal(SECRET, "a");
    byte[] salt = Files.readAllBytes(home.resolve(Vault.SALT_FILE));
    assertArrayEquals(SECRET, Vault.withKey(Vault.derive("hunter2", salt)).open(blob, "a"));
    assertFalse(Files.exists(home.resolve(Vault.KEY_FILE)));
    if (dev.freshet.files.OwnerOnly.posix(home)) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(home.resolve(Vault.SALT_FILE))));
    }
  }

  @Test
  void aKeyOfTheWrongSizeIsRefused() {
    assertThrows(ConnectionException.class, () -> Vault.withKey(new byte[16]));
    assertThrows(ConnectionException.class,
        () -> FileConnectionStore.builder(home).key(new byte[31]).build());
  }
}
