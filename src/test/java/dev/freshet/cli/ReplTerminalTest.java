package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.freshet.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code freshet repl} under a real pseudo-terminal, driven as a person would: typing a multi-line {@code if} block
 * line by line and reading what the terminal shows. Uses util-linux {@code script}, or else tmux; skipped only when
 * neither is installed.
 */
class ReplTerminalTest {
  static final long WAIT_MS = 60_000; // a JVM starting on a busy CI machine

  @Test
  void typesAMultiLineIfBlockAtTheTerminal(@TempDir Path home) throws Exception {
    String script = which("script");
    String tmux = which("tmux");
    Assumptions.assumeTrue(script != null || tmux != null, "neither script nor tmux is installed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path freshetHome = home.resolve("freshet");
    String command = "stty cols 100 rows 40 2>/dev/null; FRESHET_HOME=" + quote(freshetHome.toString()) + " "
        + quote(java) + " -Duser.home=" + quote(home.toString())
        + " -cp " + quote(System.getProperty("java.class.path")) + " dev.freshet.cli.Main repl";
    try (Pty pty = script != null ? new ScriptPty(script, command) : new TmuxPty(tmux, command)) {
      pty.await("freshet>", 1);
      pty.type("x = 5;\r");
      pty.await("freshet>", 2);
      pty.type("if (x > 3) {\r");
      pty.await("...>", 1);
      pty.type("  info \"big\";\r");
      pty.await("...>", 2);
      pty.type("}\r");
      pty.await("...>", 3); // an if block of several lines waits for a possible else
      pty.type("\r");
      pty.await("freshet>", 3);
      pty.type("x * 2\r");
      pty.await("freshet>", 4);
      String screen = pty.text();
      assertTrue(screen.contains("""
          freshet> if (x > 3) {
              ...>   info "big";
              ...> }
              ...>
          big
          freshet> x * 2
          10
          freshet>"""), screen);
      pty.type("\u0004"); // Ctrl-D quits
      assertEquals(0, pty.exitCode(), pty.text());
    }
    Path file = freshetHome.resolve("history");
    List<String> history = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertTrue(history.stream().anyMatch(l -> l.endsWith(":if (x > 3) {\\n  info \"big\";\\n}")), history.toString());
    if (OwnerOnly.posix(file)) { // entries may hold tokens
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(freshetHome)));
    }
  }

  private static String which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A program running in a pseudo-terminal: type into it, read what it showed. */
  private abstract static class Pty implements AutoCloseable {
    abstract void type(String keys) throws IOException;

    /** What the terminal shows: escape sequences and carriage returns removed, trailing spaces trimmed. */
    abstract String text() throws IOException;

    abstract int exitCode() throws Exception;

    /** Waits until {@code s} appears {@code times} times. */
    void await(String s, int times) throws Exception {
      long end = System.currentTimeMillis() + WAIT_MS;
      while (System.currentTimeMillis() < end) {
        String t = text();
        int n = 0;
        for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) {
          n++;
        }
        if (n >= times) {
          return;
        }
        Thread.sleep(50);
      }
      fail("waited for \"" + s + "\" (" + times + " times); the terminal shows:\n" + text());
    }

    static String clean(String raw) {
      String t = raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "").replace("\r", "")
          .replace("\u0007", "");
      return t.replaceAll("(?m)[ \t]+$", "");
    }
  }

  /** util-linux {@code script}: its standard input and output are the terminal's keyboard and screen. */
  private static final class ScriptPty extends Pty {
    private final Process process;
    private final StringBuffer out = new StringBuffer();

    ScriptPty(String script, String command) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(script, "-q", "-c", command, "/dev/null").redirectErrorStream(true);
      pb.environment().put("TERM", "xterm");
      process = pb.start();
      Thread reader = new Thread(() -> {
        try (InputStream in = process.getInputStream()) {
          byte[] b = new byte[4096];
          for (int n; (n = in.read(b)) > 0; ) {
            out.append(new String(b, 0, n, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          // the process ended
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    @Override
    void type(String keys) throws IOException {
      OutputStream in = process.getOutputStream();
      in.write(keys.getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    @Override
    String text() {
      return clean(out.toString());
    }

    @Override
    int exitCode() throws Exception {
      if (!process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)) {
        fail("the REPL did not exit after Ctrl-D:\n" + text());
      }
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  /** tmux on a private server: keys go in with send-keys, the screen comes back with capture-pane. */
  private static final class TmuxPty extends Pty {
    private final String tmux;
    private final String socket = "freshet-test-" + ProcessHandle.current().pid();

    TmuxPty(String tmux, String command) throws Exception {
      this.tmux = tmux;
      run(List.of("new-session", "-d", "-x", "100", "-y", "40", "-s", "repl",
          command + "; echo \"exit=$?\"; sleep 60")); // keeps the pane, to read the exit code
    }

    private String run(List<String> args) throws Exception {
      List<String> cmd = new ArrayList<>(List.of(tmux, "-L", socket));
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS);
      return output;
    }

    @Override
    void type(String keys) throws IOException {
      try {
        for (String part : keys.split("(?<=\r)|(?=\r)|(?<=\u0004)|(?=\u0004)")) {
          if (part.equals("\r")) {
            run(List.of("send-keys", "-t", "repl", "Enter"));
          } else if (part.equals("\u0004")) {
            run(List.of("send-keys", "-t", "repl", "C-d"));
          } else if (!part.isEmpty()) { // tmux reads a trailing ";" as a command separator unless escaped
            run(List.of("send-keys", "-t", "repl", "-l", part.endsWith(";")
                ? part.substring(0, part.length() - 1) + "\\;" : part));
          }
        }
      } catch (Exception e) {
        throw new IOException(e);
      }
    }

    @Override
    String text() throws IOException {
      try {
        return clean(run(List.of("capture-pane", "-p", "-t", "repl", "-S", "-200")));
      } catch (Exception e) {
        throw new IOException(e);
      }
    }

    @Override
    int exitCode() throws Exception {
      await("exit=", 1);
      String t = text();
      return Integer.parseInt(t.substring(t.indexOf("exit=") + 5).trim().split("\\s")[0]);
    }

    @Override
    public void close() throws Exception {
      run(List.of("kill-server"));
    }
  }
}
