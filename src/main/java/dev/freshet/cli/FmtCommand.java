package dev.freshet.cli;

import dev.freshet.fmt.FormatException;
import dev.freshet.fmt.Formatter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freshet fmt}: lays scripts out as Zoho's editor does, in place, or tells which ones would change. */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Formats scripts in the layout of Zoho's editor, in place; '-' formats standard input to standard"
        + " output. A file that does not parse is left untouched (exit 65).",
        "Exit codes: 0 ok, 1 with --check: some file would change, 64 a file cannot be read, 65 a file does not"
            + " parse, 70 an internal error (the file is left as it was)."})
final class FmtCommand implements Callable<Integer> {
  static final int WOULD_CHANGE = 1;

  private final Terminal terminal;

  FmtCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Deluge scripts (.dg) to format, or folders (every"
      + " .dg file in them); '-' for standard input.")
  List<String> files;

  @Option(names = "--check", description = "Change nothing: print the files that would change and exit 1 if any.")
  boolean check;

  @Override
  public Integer call() {
    int unreadable = 0;
    int broken = 0;
    int changed = 0;
    int failed = 0;
    for (String file : expand()) {
      String name = file.equals("-") ? "<stdin>" : file;
      String text;
      try {
        text = file.equals("-") ? new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(terminal.resolve(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        terminal.err().println("freshet fmt: cannot read " + name + (e instanceof NoSuchFileException ? ": no such file"
            : e instanceof CharacterCodingException ? ": not UTF-8 text" : ": " + e.getMessage()));
        unreadable++;
        continue;
      }
      String formatted;
      try {
        formatted = Formatter.format(name, text);
      } catch (FormatException e) {
        terminal.err().print(e.render());
        broken++;
        continue;
      } catch (IllegalStateException e) { // the formatter's own check failed: keep the file, go on with the rest
        terminal.err().println("freshet fmt: internal error in " + name + ": " + e.getMessage()
            + " (this is a bug in Freshet)");
        failed++;
        continue;
      }
      boolean differs = !formatted.equals(text);
      if (check) {
        if (differs) {
          terminal.out().println(name);
          changed++;
        }
      } else if (file.equals("-")) {
        terminal.out().print(formatted);
      } else if (differs && !write(terminal.resolve(file), formatted)) {
        unreadable++;
      }
    }
    terminal.out().flush();
    return failed > 0 ? Main.RUNTIME_ERROR : unreadable > 0 ? Main.USAGE : broken > 0 ? Main.COMPILE_ERROR : changed > 0 ? WOULD_CHANGE : Main.OK;
  }

  /** The files given, a folder standing for every {@code .dg} file under it (in name order, hidden folders skipped). */
  private List<String> expand() {
    List<String> all = new ArrayList<>();
    for (String file : files) {
      Path path = terminal.resolve(file);
      if (file.equals("-") || !Files.isDirectory(path)) {
        all.add(file);
        continue;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(p -> p.toString().endsWith(".dg") && Files.isRegularFile(p))
            .filter(p -> !path.relativize(p).toString().matches("(.*/)?\\..*")).sorted()
            .forEach(p -> all.add(Path.of(file).resolve(path.relativize(p)).toString()));
      } catch (IOException | java.io.UncheckedIOException e) {
        all.add(file); // reported as unreadable below
      }
    }
    return all;
  }

  /**
   * Replaces the file's text through a temporary file beside it and a rename, so an interrupted run leaves either
   * the old text or the new, never a truncated file; the file keeps its permissions, and a link keeps linking.
   */
  private boolean write(Path file, String text) {
    Path tmp = null;
    try {
      Path target = file.toRealPath();
      tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".fmt");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (from != null) {
        Files.setPosixFilePermissions(tmp, from.readAttributes().permissions());
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      terminal.err().println("freshet fmt: cannot write " + file + ": " + e.getMessage());
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // the temporary file stays; the user's file is untouched
      }
      return false;
    }
  }
}
