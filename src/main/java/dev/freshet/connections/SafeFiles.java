package dev.freshet.connections;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Crash-safe file writes for the store: private folders (0700) and files (0600), every write a temp file in the same
 * folder, forced to disk, then renamed over the target, so a reader sees the old file or the new one, never half.
 */
final class SafeFiles {
  /** Temp files are hidden and end in {@code .tmp}: {@code .<target>.<random>.tmp}. */
  static final String TEMP_SUFFIX = ".tmp";

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SafeFiles() {}

  static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir} and its missing parents, each new one 0700 (set again after creation: umask). */
  static void ensureDir(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      ensureDir(parent);
    }
    try {
      if (posix(dir)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
        Files.setPosixFilePermissions(dir, DIR);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** Opens (creating it 0600 if missing) a file for writing, without truncating it: lock files. */
  static FileChannel openPrivate(Path file) throws IOException {
    return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attrs(file));
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
        attrs(tmp))) {
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

  private static FileAttribute<?>[] attrs(Path file) {
    return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
  }
}
