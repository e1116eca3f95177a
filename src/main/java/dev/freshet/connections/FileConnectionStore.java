package dev.freshet.connections;

import dev.freshet.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The embedded default store (CONNECTIONS.md "Storage"): a private folder with one JSON file per connection, its
 * secrets encrypted with the {@link Vault}.
 *
 * <pre>
 *   home/connections/NAME.json           shared connections
 *   home/owners/HEX(owner)/NAME.json     a user's or tenant's own
 *   home/locks/...                       one lock file per connection, same layout
 *   home/defaults.json                   the default connection of each product (crm, books, …)
 *   home/vault.key                       the key, unless FRESHET_MASTER_KEY is set (then home/vault.salt for a passphrase)
 * </pre>
 *
 * <p>Writes are temp file, fsync, atomic rename; {@link #save} is compare-and-set on the version; {@link #withLock}
 * excludes other threads and other processes.
 */
public final class FileConnectionStore implements ConnectionStore {
  /** One in-process lock per lock file, shared by every store of this JVM: a file lock is held per JVM. */
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final String JSON = ".json";

  private final Path home;
  private final boolean plaintext;
  private final RecordJson json;

  private FileConnectionStore(Path home, Supplier<Vault> vault, boolean plaintext,
      Function<String, Optional<Service>> services) {
    this.home = home;
    this.plaintext = plaintext;
    this.json = new RecordJson(services, memo(vault), plaintext);
  }

  /** The store in {@code home} for the built-in services, encrypted with {@code FRESHET_MASTER_KEY} or its key file. */
  public static FileConnectionStore open(Path home) {
    return open(home, FileConnectionStore::builtIn);
  }

  /** The store in {@code $FRESHET_HOME}, or else {@code ~/.freshet}, for the built-in services. */
  public static FileConnectionStore openDefault() {
    return openDefault(FileConnectionStore::builtIn);
  }

  /** The store in {@code home}, encrypted with {@code FRESHET_MASTER_KEY} or {@code home/vault.key}. */
  public static FileConnectionStore open(Path home, Function<String, Optional<Service>> services) {
    return builder(home).services(services).build();
  }

  /** The store in {@code $FRESHET_HOME}, or else {@code ~/.freshet}. */
  public static FileConnectionStore openDefault(Function<String, Optional<Service>> services) {
    return openDefault(services, System::getenv);
  }

  static FileConnectionStore openDefault(Function<String, Optional<Service>> services, Function<String, String> env) {
    return builder(defaultHome(env)).services(services).env(env).build();
  }

  private static Optional<Service> builtIn(String id) {
    return ServiceCatalog.builtIn().find(id); // read from the jar on first use, not when the store opens
  }

  static Path defaultHome(Function<String, String> env) {
    String h = env.apply("FRESHET_HOME");
    return h != null && !h.isBlank() ? Path.of(h) : Path.of(System.getProperty("user.home"), ".freshet");
  }

  public static Builder builder(Path home) {
    return new Builder(home);
  }

  /** Options of a store: the built-in services (default: the catalogue in the jar), the key, plaintext mode. */
  public static final class Builder {
    private final Path home;
    private Function<String, Optional<Service>> services = FileConnectionStore::builtIn;
    private byte[] key;
    private boolean plaintext;
    private Function<String, String> env = System::getenv;

    private Builder(Path home) {
      this.home = Objects.requireNonNull(home);
    }

    /** Finds a built-in service by id, e.g. the service catalogue's {@code find}. */
    public Builder services(Function<String, Optional<Service>> services) {
      this.services = Objects.requireNonNull(services);
      return this;
    }

    /** Encrypts with this 32-byte key instead of {@code FRESHET_MASTER_KEY} or the key file. */
    public Builder key(byte[] key) {
      this.key = key.clone();
      return this;
    }

    /** Writes secrets unencrypted: only for a host that protects the folder itself. */
    public Builder plaintext(boolean plaintext) {
      this.plaintext = plaintext;
      return this;
    }

    /** Where FRESHET_MASTER_KEY is looked up (default: the process environment; the CLI passes its own). */
    public Builder env(Function<String, String> env) {
      this.env = Objects.requireNonNull(env);
      return this;
    }

    public FileConnectionStore build() {
      // the real path: two stores reaching one folder by different paths must share the in-process locks
      Path h = io(home, () -> {
        OwnerOnly.createDirectories(home);
        return home.toRealPath();
      });
      Function<String, String> e = env;
      Vault given = key == null ? null : Vault.withKey(key);
      return new FileConnectionStore(h, given != null ? () -> given : () -> Vault.open(h, e), plaintext, services);
    }
  }

  @Override
  public List<ConnectionRecord> list(String owner) {
    Path dir = dir(owner);
    List<Path> files = io(dir, () -> {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(p -> !p.getFileName().toString().startsWith(".")) // temp files of writers, dead or alive
            .filter(p -> p.getFileName().toString().endsWith(JSON)).sorted().toList();
      }
    });
    List<ConnectionRecord> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      name = name.substring(0, name.length() - JSON.length());
      String n = name;
      ConnectionRecord r = read(owner, n, f).orElse(null); // removed since the listing: skip it
      if (r != null) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(ConnectionRecord::name));
    return out;
  }

  @Override
  public Optional<ConnectionRecord> load(String owner, String name) {
    return read(owner, name, file(owner, name));
  }

  @Override
  public boolean save(ConnectionRecord record) {
    String owner = record.owner();
    String name = record.name();
    Path file = file(owner, name);
    return withLock(owner, name, () -> io(file, () -> {
      cleanTemps(file); // under the lock nobody else is writing this file: any temp of it is a crashed writer's
      long stored = Files.exists(file) ? RecordJson.version(Files.readAllBytes(file), file.toString()) : 0;
      if (stored != record.version() - 1) {
        return false;
      }
      byte[] bytes = json.write(record);
      OwnerOnly.createDirectories(file.getParent());
      SafeFiles.writeAtomically(file, bytes);
      return true;
    }));
  }

  @Override
  public boolean remove(String owner, String name) {
    Path file = file(owner, name);
    return withLock(owner, name, () -> io(file, () -> {
      cleanTemps(file);
      return Files.deleteIfExists(file);
    }));
  }

  @Override
  public <T> T withLock(String owner, String name, Supplier<T> action) {
    Path lockFile = lockFile(owner, name);
    ReentrantLock lock = LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return action.get(); // this thread already holds the file lock too
      }
      try (FileChannel ch = io(lockFile, () -> {
        OwnerOnly.createDirectories(lockFile.getParent());
        return SafeFiles.openPrivate(lockFile);
      })) {
        io(lockFile, ch::lock); // closing the channel releases it
        return action.get();
      } catch (IOException e) {
        throw failure(lockFile, e); // releasing or closing failed
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public java.util.Map<String, String> defaults(String owner) {
    return new DefaultsFile(home).read(owner);
  }

  @Override
  public void setDefault(String owner, String product, String name) {
    new DefaultsFile(home).write(owner, product, name);
  }

  /** The folder this store keeps its files in. */
  public Path home() {
    return home;
  }

  @Override
  public String toString() {
    return "FileConnectionStore[" + home + (plaintext ? ", plaintext" : "") + "]";
  }

  private Optional<ConnectionRecord> read(String owner, String name, Path file) {
    byte[] bytes = io(file, () -> {
      try {
        return Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        return null;
      }
    });
    if (bytes == null) {
      return Optional.empty();
    }
    ConnectionRecord r = json.read(bytes, file.toString());
    if (!name.equals(r.name()) || !Objects.equals(owner, r.owner())) {
      throw new ConnectionException(ConnectionException.Kind.STORE,
          file + " holds connection \"" + r.name() + "\"" + (r.owner() == null ? "" : " of " + r.owner())
              + ", not the one its path names; move it back or remove it");
    }
    return Optional.of(r);
  }

  private void cleanTemps(Path file) throws IOException {
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    try (Stream<Path> s = Files.list(file.getParent())) {
      for (Path p : s.filter(p -> SafeFiles.isTempOf(p, file)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  Path file(String owner, String name) {
    return dir(owner).resolve(checked(name) + JSON);
  }

  private Path dir(String owner) {
    return owner == null ? home.resolve("connections") : home.resolve("owners").resolve(encode(owner));
  }

  private Path lockFile(String owner, String name) {
    Path locks = home.resolve("locks");
    Path dir = owner == null ? locks.resolve("connections") : locks.resolve("owners").resolve(encode(owner));
    return dir.resolve(checked(name) + ".lock");
  }

  /**
   * A file name for any owner string: {@code x} + lower-case hex of its UTF-8 (case-insensitive file systems keep
   * owners apart), or {@code h} + its SHA-256 when that would be too long for a file name.
   */
  static String encode(String owner) {
    byte[] utf8 = owner.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= 100) {
      return "x" + HexFormat.of().formatHex(utf8);
    }
    try {
      return "h" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String checked(String name) {
    try {
      Connection.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, e.getMessage());
    }
    return name;
  }

  /** An I/O step whose failure becomes a ConnectionException naming {@code path}. */
  interface IoStep<T> {
    T run() throws IOException;
  }

  static <T> T io(Path path, IoStep<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw failure(path, e);
    } catch (UncheckedIOException e) {
      throw failure(path, e.getCause());
    }
  }

  private static ConnectionException failure(Path path, IOException e) {
    return new ConnectionException(ConnectionException.Kind.STORE,
        "connection store: cannot use " + path + ": " + reason(e), e);
  }

  /** A short reason for an I/O failure, without a stack trace. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static <T> Supplier<T> memo(Supplier<T> s) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = s.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }
}
