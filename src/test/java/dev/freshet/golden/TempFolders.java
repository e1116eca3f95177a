package dev.freshet.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders the golden suites use (a FRESHET_HOME, a mail outbox), removed when the test JVM exits: left
 * behind, a folder per golden case added up to over 100,000 empty folders in /tmp after a few hundred builds.
 */
public final class TempFolders {
  /** The one private mail outbox of every golden case in this JVM. */
  static final Path MAIL_OUTBOX = create("freshet-golden-mail");

  private TempFolders() {}

  /** A new empty folder, deleted with everything in it when the JVM exits. */
  public static Path create(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the folder is in the temporary area anyway
    }
  }
}
