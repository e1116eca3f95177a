package dev.freshet.connections;

import dev.freshet.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Crash-safe file writes for the store: every write a temp file in the same folder, created 0600 ({@link OwnerOnly}),
 * forced to disk, then renamed over the target, so a reader sees the old file or the new one, never half.
 */
final class SafeFiles {
  /** Temp files are hidden and end in {@code .tmp}: {@code .<target>.<random>.tmp}. */
  static final String TEMP_SUFFIX = ".tmp";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SafeFiles() {}

  /** Opens (creating it 0600 if missing) a file for writing, without truncating it: lock files. */
  static FileChannel openPrivate(Path file) throws IOException {
    return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        OwnerOnly.fileAttributes(file));
  }

  /** Replaces {@code target} with {@code bytes} atomically and durably. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = writeTemp(target, bytes);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncDir(target.getParent());
  }

  /**
   * Creates {@code target} holding {@code bytes} unless it exists, and returns what it holds afterwards: when several
   * threads or processes race, all of them get the winner's bytes. Uses a hard link, which fails when the target
   * exists; an atomic rename would silently replace it on Linux.
   */
  static byte[] createOnce(Path target, byte[] bytes) throws IOException {
    if (Files.exists(target)) {
      return Files.readAllBytes(target);
    }
    Path tmp = writeTemp(target, bytes);
    try {
      try {
        Files.createLink(target, tmp);
      } catch (FileAlreadyExistsException e) {
        return Files.readAllBytes(target);
      } catch (UnsupportedOperationException | FileSystemException e) {
        // No hard links on this file system: a move without REPLACE_EXISTING refuses an existing target
        // (a small race remains, only there).
        try {
          Files.move(tmp, target);
        } catch (FileAlreadyExistsException lost) {
          return Files.readAllBytes(target);
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncDir(target.getParent());
    return bytes;
  }

  static boolean isTemp(Path file) {
    String n = file.getFileName().toString();
    return n.startsWith(".") && n.endsWith(TEMP_SUFFIX);
  }

  /** True when {@code file} is a temp file that a write of {@code target} made. */
  static boolean isTempOf(Path file, Path target) {
    return isTemp(file) && file.getFileName().toString().startsWith("." + target.getFileName() + ".");
  }

  private static Path writeTemp(Path target, byte[] bytes) throws IOException {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(random) + TEMP_SUFFIX);
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        OwnerOnly.fileAttributes(tmp))) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /** Makes a rename durable; not every platform can open a directory, so failure is ignored. */
  private static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // best effort (Windows cannot)
    }
  }
}
