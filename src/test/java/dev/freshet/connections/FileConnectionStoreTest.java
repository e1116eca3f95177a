package dev.freshet.connections;

import static dev.freshet.connections.FileStoreFixtures.BUILT_INS;
import static dev.freshet.connections.FileStoreFixtures.KEY;
import static dev.freshet.connections.FileStoreFixtures.everyKind;
import static dev.freshet.connections.FileStoreFixtures.keyFileStore;
import static dev.freshet.connections.FileStoreFixtures.store;
import static dev.freshet.connections.FileStoreFixtures.zoho;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectionStoreTest {
  @TempDir
  Path home;

  @Test
  void everyFieldOfEveryAuthTypeRoundTrips() throws Exception {
    FileConnectionStore store = store(home);
    List<ConnectionRecord> all = new ArrayList<>(everyKind(null));
    for (ConnectionRecord r : all) {
      assertTrue(store.save(r), r.name());
      assertEquals(Optional.of(r), store.load(null, r.name()));
    }
    all.sort(java.util.Comparator.comparing(ConnectionRecord::name));
    assertEquals(all, store(home).list(null), "a fresh store reads the same back, sorted by name");

    assertEquals("zoho", json(home.resolve("connections/crm.json")).get("service").asText(),
        "a built-in service is stored as its id");
    assertEquals("https://login.acme.test/token",
        json(home.resolve("connections/acme.json")).get("service").get("tokenUrl").asText(),
        "a custom service is stored in full");
  }

  @Test
  void aBuiltInServiceChangedByItsHostIsStoredInFull() throws Exception {
    Service changed = FileStoreFixtures.service(ServiceJson.write(FileStoreFixtures.ZOHO)
        .put("tokenUrl", "https://accounts.zoho.eu/oauth/v2/token").toString());
    ConnectionRecord r = new ConnectionRecord(new Connection("eu", null, changed, null, "id", List.of(), null),
        ConnectionStatus.DEFINED, Secrets.NONE, null, null, Instant.EPOCH, Map.of(), null, 1);
    store(home).save(r);
    assertTrue(json(home.resolve("connections/eu.json")).get("service").isObject());
    assertEquals(Optional.of(r), store(home).load(null, "eu"));
  }

  @Test
  void noSecretIsInTheFileUnlessPlaintextWasAskedFor(@TempDir Path plainHome) throws Exception {
    FileConnectionStore encrypted = store(home);
    FileConnectionStore plain = FileConnectionStore.builder(plainHome).services(BUILT_INS).plaintext(true).build();
    for (ConnectionRecord r : everyKind("tenant-1")) {
      encrypted.save(r);
      plain.save(r);
      String sealed = Files.readString(encrypted.file(r.owner(), r.name()), StandardCharsets.UTF_8);
      String clear = Files.readString(plain.file(r.owner(), r.name()), StandardCharsets.UTF_8);
      assertFalse(sealed.contains("SECRET"), r.name() + ": " + sealed);
      assertTrue(ServiceJson.MAPPER.readTree(sealed).hasNonNull("vault"));
      for (String secret : r.secrets().values()) {
        assertFalse(sealed.contains(secret), r.name());
        String escaped = ServiceJson.MAPPER.writeValueAsString(secret);
        assertTrue(clear.contains(escaped.substring(1, escaped.length() - 1)), r.name() + " in plaintext mode");
      }
      assertEquals(Optional.of(r), plain.load(r.owner(), r.name()));
      assertEquals(Optional.of(r), store(plainHome).load(r.owner(), r.name()),
          "an encrypting store still reads a plaintext file");
    }
    assertFalse(Files.exists(plainHome.resolve(Vault.KEY_FILE)), "plaintext mode needs no key");
  }

  @Test
  void aWrongKeyFailsClearlyWithoutShowingASecret() {
    ConnectionRecord r = zoho(null, "crm", 1);
    keyFileStore(home).save(r);
    byte[] other = KEY.clone();
    other[0] ^= 1;
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> FileConnectionStore.builder(home).services(BUILT_INS).key(other).build().load(null, "crm"));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().startsWith("cannot decrypt connection \"crm\": the vault key is not the one it was"
        + " written with"), e.getMessage());
    noSecretIn(e.getMessage(), r);

    // the key file replaced: the message points at both places a key comes from
    assertTrue(home.resolve(Vault.KEY_FILE).toFile().delete());
    e = assertThrows(ConnectionException.class, () -> keyFileStore(home).load(null, "crm"));
    assertTrue(e.getMessage().contains("(FRESHET_MASTER_KEY or " + home.resolve(Vault.KEY_FILE) + ")"),
        e.getMessage());
  }

  @Test
  void aBase64MasterKeyIsTheKeyItself() {
    String b64 = Base64.getEncoder().encodeToString(KEY);
    FileConnectionStore fromEnv = FileConnectionStore.builder(home).services(BUILT_INS)
        .env(n -> n.equals("FRESHET_MASTER_KEY") ? b64 : null).build();
    ConnectionRecord r = zoho(null, "crm", 1);
    fromEnv.save(r);
    assertEquals(Optional.of(r), store(home).load(null, "crm"), "readable with the same 32 bytes given directly");
    assertFalse(Files.exists(home.resolve(Vault.KEY_FILE)));
    assertFalse(Files.exists(home.resolve(Vault.SALT_FILE)));
  }

  @Test
  void aPassphraseMasterKeyIsStretchedWithASaltKeptInTheFolder() throws Exception {
    ConnectionRecord r = zoho(null, "crm", 1);
    passphraseStore("correct horse battery staple").save(r);
    byte[] salt = Files.readAllBytes(home.resolve(Vault.SALT_FILE));
    assertEquals(16, salt.length);
    assertFalse(Files.exists(home.resolve(Vault.KEY_FILE)));

    assertEquals(Optional.of(r), passphraseStore("correct horse battery staple").load(null, "crm"));
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> passphraseStore("correct horse battery stapler").load(null, "crm"));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains("FRESHET_MASTER_KEY"), e.getMessage());
    assertTrue(java.util.Arrays.equals(salt, Files.readAllBytes(home.resolve(Vault.SALT_FILE))), "salt made once");
  }

  @Test
  void foldersAre0700AndFiles0600() throws Exception {
    assumeTrue(dev.freshet.files.OwnerOnly.posix(home));
    Path h = home.resolve("new/freshet");
    FileConnectionStore store = keyFileStore(h);
    store.save(zoho(null, "crm", 1));
    store.save(zoho("alice", "crm", 1));
    for (Path dir : List.of(h, h.resolve("connections"), h.resolve("owners"), store.file("alice", "crm").getParent(),
        h.resolve("locks"), h.resolve("locks/connections"))) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.toString());
    }
    for (Path file : List.of(store.file(null, "crm"), store.file("alice", "crm"), h.resolve(Vault.KEY_FILE),
        h.resolve("locks/connections/crm.lock"))) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
  }

  @Test
  void saveIsCompareAndSetOnTheVersion() {
    FileConnectionStore store = store(home);
    ConnectionRecord v1 = zoho(null, "crm", 1);
    assertFalse(store.save(zoho(null, "crm", 2)), "nothing stored: only version 1 may be written");
    assertTrue(store.save(v1));
    assertFalse(store.save(v1), "version 1 again: someone (this caller) wrote first");
    ConnectionRecord v2 = v1.withStatus(ConnectionStatus.NEEDS_REAUTH, "invalid_grant", Instant.EPOCH);
    assertTrue(store.save(v2));
    ConnectionRecord staleV2 = v1.next(ConnectionStatus.CONNECTED, v1.secrets().withTokens("older", "older"), null,
        null, Map.of(), null, Instant.EPOCH);
    assertFalse(store.save(staleV2), "a loser's version 2 never replaces the winner's");
    assertEquals(Optional.of(v2), store.load(null, "crm"));
  }

  @Test
  void ownersAreKeptApart() {
    FileConnectionStore store = store(home);
    List<String> owners = new ArrayList<>(List.of("alice", "Alice", "tenant/../../x ü", ""));
    for (String owner : owners) {
      assertTrue(store.save(zoho(owner, "crm", 1)));
    }
    assertTrue(store.save(zoho(null, "crm", 1)));
    owners.add(null);
    for (String owner : owners) {
      assertEquals(List.of(zoho(owner, "crm", 1)), store.list(owner), "owner " + owner);
      assertTrue(store.file(owner, "crm").startsWith(home), "stays inside the folder");
    }
    assertTrue(store.remove("alice", "crm"));
    assertFalse(store.remove("alice", "crm"));
    assertEquals(Optional.empty(), store.load("alice", "crm"));
    assertEquals(List.of(), store.list("alice"));
    assertEquals(List.of(), store.list("nobody"));
    assertEquals(Optional.of(zoho("Alice", "crm", 1)), store.load("Alice", "crm"));
    assertEquals(Optional.of(zoho(null, "crm", 1)), store.load(null, "crm"));
  }

  @Test
  void aVaultBlobCopiedIntoAnotherConnectionsFileDoesNotDecrypt() throws Exception {
    FileConnectionStore store = store(home);
    store.save(zoho(null, "crm", 1));
    store.save(zoho(null, "books", 1));
    store.save(zoho("alice", "crm", 1));
    copyVault(store.file(null, "books"), store.file(null, "crm"));
    ConnectionException e = assertThrows(ConnectionException.class, () -> store.load(null, "crm"));
    assertTrue(e.getMessage().startsWith("cannot decrypt connection \"crm\""), e.getMessage());
    copyVault(store.file(null, "books"), store.file("alice", "crm"));
    assertThrows(ConnectionException.class, () -> store.load("alice", "crm"), "another owner's blob neither");

    Files.copy(store.file(null, "books"), home.resolve("connections/copy.json"));
    e = assertThrows(ConnectionException.class, () -> store.load(null, "copy"));
    assertTrue(e.getMessage().contains("holds connection \"books\""), e.getMessage());
  }

  @Test
  void editingWhereTheSecretsGoMakesTheVaultUnreadable() throws Exception {
    FileConnectionStore store = store(home);
    store.save(FileStoreFixtures.customOauth(null));
    Path file = store.file(null, FileStoreFixtures.customOauth(null).name());
    String json = Files.readString(file);
    for (String[] edit : new String[][] {{"api.acme.test", "evil.test"}, {"https://login.acme.test/token",
        "https://evil.test/token"}}) {
      assertTrue(json.contains(edit[0]), json);
      Files.writeString(file, json.replace(edit[0], edit[1]));
      ConnectionException e = assertThrows(ConnectionException.class, () -> store.load(null,
          FileStoreFixtures.customOauth(null).name()));
      assertTrue(e.getMessage().startsWith("cannot decrypt connection"), e.getMessage());
    }
    assertTrue(json.contains("\"status\" : \"needs_reauth\""), json);
    Files.writeString(file, json.replace("\"status\" : \"needs_reauth\"", "\"status\" : \"connected\""));
    assertEquals(ConnectionStatus.CONNECTED, store.load(null, FileStoreFixtures.customOauth(null).name()).orElseThrow().status(),
        "status and expiry are not bound: only where the secrets go");
  }

  @Test
  void aDamagedFileIsAnErrorNamingItButTempFilesAreIgnoredAndCleanedUp() throws Exception {
    FileConnectionStore store = store(home);
    store.save(zoho(null, "crm", 1));
    Path stale = home.resolve("connections/.crm.json.0123456789abcdef.tmp");
    Files.writeString(stale, "{\"half\": ");
    Files.writeString(home.resolve("connections/.other.json.feedfacefeedface.tmp"), "");
    assertEquals(1, store.list(null).size(), "a crashed writer's temp file is not a connection");
    assertTrue(store.save(zoho(null, "crm", 2)));
    assertFalse(Files.exists(stale), "removed by the next save under the lock");

    Path broken = home.resolve("connections/broken.json");
    Files.writeString(broken, "{\"format\": 1, \"name\": \"broken\", \"vault\": \"at-SECRET-x");
    for (var call : List.<Runnable>of(() -> store.list(null), () -> store.load(null, "broken"))) {
      ConnectionException e = assertThrows(ConnectionException.class, call::run);
      assertEquals(ConnectionException.Kind.STORE, e.kind());
      assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
    Files.writeString(broken, "{\"format\": 9, \"name\": \"broken\", \"service\": \"zoho\", \"version\": 1}");
    assertTrue(assertThrows(ConnectionException.class, () -> store.load(null, "broken")).getMessage()
        .contains("newer Freshet"));
    assertThrows(ConnectionException.class, () -> store.save(zoho(null, "broken", 2)), "never overwritten");
  }

  @Test
  void anUnknownBuiltInServiceNamesTheConnectionAndTheId() {
    store(home).save(zoho("alice", "crm", 1));
    FileConnectionStore older = FileConnectionStore.builder(home).services(id -> Optional.empty()).key(KEY)
        .build();
    ConnectionException e = assertThrows(ConnectionException.class, () -> older.load("alice", "crm"));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains("connection \"crm\"") && e.getMessage().contains("\"zoho\""),
        e.getMessage());
  }

  @Test
  void withLockExcludesOtherThreadsOfThisProcess() throws Exception {
    FileConnectionStore store = store(home);
    store.save(zoho(null, "crm", 1));
    int[] counter = {0};
    int threads = 8;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // a second store on the same folder shares the in-process lock (a JVM cannot file-lock twice)
        FileConnectionStore s = t % 2 == 0 ? store : store(home);
        done.add(pool.submit(() -> {
          for (int i = 0; i < rounds; i++) {
            s.withLock(null, "crm", () -> {
              int seen = counter[0];
              Thread.yield();
              counter[0] = seen + 1;
              ConnectionRecord r = s.load(null, "crm").orElseThrow();
              assertTrue(s.save(r.withStatus(ConnectionStatus.CONNECTED, null, Instant.EPOCH)));
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * rounds, counter[0]);
    assertEquals(1 + threads * rounds, store.load(null, "crm").orElseThrow().version());
  }

  @Test
  void withLockIsReentrantAndSaveAndRemoveWorkInside() throws Exception {
    FileConnectionStore store = store(home);
    String result = store.withLock("alice", "crm", () -> {
      assertTrue(store.save(zoho("alice", "crm", 1)));
      return store.withLock("alice", "crm", () -> store.remove("alice", "crm") ? "inner" : "none");
    });
    assertEquals("inner", result);

    // released afterwards: another thread (through another store on the folder) gets it
    AtomicBoolean released = new AtomicBoolean();
    CountDownLatch held = new CountDownLatch(1);
    Thread holder = new Thread(() -> store.withLock("alice", "crm", () -> {
      held.countDown();
      sleep(300);
      released.set(true);
      return null;
    }));
    holder.start();
    held.await();
    assertTrue(store(home).withLock("alice", "crm", released::get), "waited for the holder");
    holder.join();
    assertThrows(IllegalStateException.class, () -> store.withLock(null, "crm", () -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals("free", store.withLock(null, "crm", () -> "free"), "released after a failing action");
  }

  @Test
  void namesAreCheckedBeforeTouchingAPath() {
    FileConnectionStore store = store(home);
    for (String bad : List.of("../x", "Crm", "", "a/b")) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> store.load(null, bad));
      assertEquals(ConnectionException.Kind.INVALID, e.kind());
    }
  }

  @Test
  void ioFailuresAreStoreErrorsNamingThePath() throws Exception {
    Path notAFolder = Files.writeString(home.resolve("file"), "x");
    ConnectionException e = assertThrows(ConnectionException.class, () -> store(notAFolder.resolve("sub")));
    assertEquals(ConnectionException.Kind.STORE, e.kind());
    assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\tat "), e.getMessage());
  }

  @Test
  void theDefaultFolderIsFreshetHomeOrElseDotFreshet() {
    assertEquals(Path.of("/srv/freshet"), FileConnectionStore.defaultHome(n -> n.equals("FRESHET_HOME")
        ? "/srv/freshet" : null));
    assertEquals(Path.of(System.getProperty("user.home"), ".freshet"), FileConnectionStore.defaultHome(n -> null));
    FileConnectionStore s = FileConnectionStore.openDefault(BUILT_INS,
        n -> n.equals("FRESHET_HOME") ? home.resolve("h").toString() : null);
    assertTrue(Files.isDirectory(home.resolve("h")));
    assertEquals("FileConnectionStore[" + s.home() + "]", s.toString());
  }

  @Test
  void toStringShowsTheFolderAndNoSecret() {
    FileConnectionStore store = store(home);
    ConnectionRecord r = zoho(null, "crm", 1);
    store.save(r);
    String text = store + " " + store.load(null, "crm").orElseThrow();
    assertTrue(text.contains(store.home().toString()));
    noSecretIn(text, r);
  }

  private FileConnectionStore passphraseStore(String passphrase) {
    return FileConnectionStore.builder(home).services(BUILT_INS)
        .env(n -> n.equals("FRESHET_MASTER_KEY") ? passphrase : null).build();
  }

  private static void copyVault(Path from, Path to) throws Exception {
    ObjectNode target = (ObjectNode) json(to);
    target.put("vault", json(from).get("vault").asText());
    Files.writeString(to, target.toString());
  }

  private static JsonNode json(Path file) throws Exception {
    return ServiceJson.MAPPER.readTree(file.toFile());
  }

  private static void noSecretIn(String text, ConnectionRecord r) {
    for (String secret : r.secrets().values()) {
      assertFalse(text.contains(secret), text);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
