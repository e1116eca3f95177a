package dev.freshet.connections.pg;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for the tests, started once per JVM and stopped when it ends: initdb into a temporary
 * folder and pg_ctl start on a free loopback port, as a non-root user (initdb refuses root: as root, the user
 * {@code freshet-pg} is created and the commands run through runuser). The server binaries are looked for in
 * {@code $FRESHET_PG_BIN}, on the PATH and in /usr/lib/postgresql/N/bin. When no server can be started, {@link #get}
 * skips the calling test and says why.
 */
public final class PgServer {
  static final String USER = "freshet";
  private static final String OS_USER = "freshet-pg";
  private static final long STEP_SECONDS = 120;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Object started; // the server, or the reason none could be started

  private final int port;
  final String password;
  private final Path dir;
  private final List<String> asUser;
  private final Path bin;

  private PgServer(int port, String password, Path dir, List<String> asUser, Path bin) {
    this.port = port;
    this.password = password;
    this.dir = dir;
    this.asUser = asUser;
    this.bin = bin;
  }

  /** The server; skips the test (a JUnit assumption) when none can be started on this machine. */
  public static synchronized PgServer get() {
    if (started == null) {
      try {
        started = start();
      } catch (Exception e) {
        started = e.getMessage();
      }
    }
    Assumptions.assumeTrue(started instanceof PgServer, () -> "SKIPPED: no PostgreSQL server could be started for"
        + " the tests (" + started + "); install the Debian package postgresql or set FRESHET_PG_BIN");
    return (PgServer) started;
  }

  /** A new, empty database of its own; returns its name. */
  public String createDatabase() {
    String name = "t" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
        password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return name;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** The store URL of {@code database}, password included. */
  public String url(String database) {
    return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  public DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser(USER);
    ds.setPassword(password);
    return ds;
  }

  private static PgServer start() throws Exception {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> asUser = root ? List.of("runuser", "-u", OS_USER, "--") : List.of();
    if (root) {
      if (exec(List.of("id", "-u", OS_USER), null) != 0
          && exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/bin/sh", OS_USER), null) != 0) {
        throw new IllegalStateException("running as root and the user " + OS_USER + " could not be created");
      }
    }
    Path dir = Files.createTempDirectory("freshet-pg-");
    String password = UUID.randomUUID().toString();
    Files.writeString(dir.resolve("pw"), password + "\n", StandardCharsets.UTF_8);
    if (root) {
      check("chown", exec(List.of("chown", "-R", OS_USER, dir.toString()), null), dir);
    }
    int port = freePort();
    PgServer s = new PgServer(port, password, dir, asUser, bin);
    s.run("initdb", List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
        "--pwfile=" + dir.resolve("pw"), "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"));
    Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "freshet-pg-stop"));
    s.run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + dir
            + " -c fsync=off -c synchronous_commit=off -c max_connections=200", "start"));
    return s;
  }

  /** Stops the server (at JVM exit) and deletes its folder. */
  private void stop() {
    try {
      exec(cmd(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
          "stop")), dir.resolve("stop.log"));
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (Exception e) {
      System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
    }
  }

  private void run(String what, List<String> command) throws Exception {
    Path log = dir.resolve(what.replace(' ', '-') + ".log");
    int code = exec(cmd(command), log);
    if (code != 0) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      throw new IllegalStateException(what + " exited with " + code + ": " + out.strip().lines()
          .reduce((a, b) -> b).orElse(""));
    }
  }

  private List<String> cmd(List<String> command) {
    List<String> all = new ArrayList<>(asUser);
    all.addAll(command);
    return all;
  }

  private static int exec(List<String> command, Path log) throws IOException, InterruptedException {
    // from a folder the server's user can enter: the binaries refuse to run where they cannot read their directory
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(new java.io.File(System.getProperty("java.io.tmpdir")));
    pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return 127; // no such command
    }
    if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
          + " did not finish within " + STEP_SECONDS + " s");
    }
    return p.exitValue();
  }

  private static void check(String what, int code, Path dir) {
    if (code != 0) {
      throw new IllegalStateException(what + " " + dir + " failed (" + code + ")");
    }
  }

  /** The folder holding initdb and pg_ctl. */
  private static Path binaries() throws IOException {
    List<Path> candidates = new ArrayList<>();
    String given = System.getenv("FRESHET_PG_BIN");
    if (given != null && !given.isBlank()) {
      candidates.add(Path.of(given));
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty()) {
        candidates.add(Path.of(d));
      }
    }
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
      }
    }
    for (Path c : candidates) {
      if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
        return c;
      }
    }
    throw new IllegalStateException("initdb and pg_ctl were not found on the PATH, in FRESHET_PG_BIN or in"
        + " /usr/lib/postgresql/*/bin");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
