package dev.freshet.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders only their owner can use: 0600 and 0700. Everything Freshet writes under {@code $FRESHET_HOME}
 * (connections and their key, parsed scripts, the mail outbox, REPL history) holds script text or secrets, and real
 * scripts hard-code tokens in URLs. The mode is given when a file or folder is created, never set afterwards, so there
 * is no moment at which another user could open it. Where the file system has no POSIX permissions (Windows, some
 * network shares) files and folders are created plainly and inherit the folder's access list, which in a user's
 * profile lets only that user in.
 */
public final class OwnerOnly {
  static final Set<PosixFilePermission> FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
  static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);
  private static final Set<StandardOpenOption> CREATE_NEW = EnumSet.of(StandardOpenOption.CREATE_NEW,
      StandardOpenOption.WRITE);
  private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

  private OwnerOnly() {}

  /** True when {@code p}'s file system has POSIX permissions (else nothing here sets any). */
  public static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dir} and each missing parent 0700; folders that exist are left as they are (the user chose them).
   * A umask can only take bits away, so a new folder is never more open than 0700; it is set again in case a umask
   * took the owner's own bits.
   */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (posix(dir)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(dir, FOLDER);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) { // made meanwhile by another thread or process
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** What to pass when creating {@code file} to make it 0600: nothing where there are no POSIX permissions. */
  public static FileAttribute<?>[] fileAttributes(Path file) {
    return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
  }

  /** Creates {@code file} 0600 and opens it for writing; fails if it exists, so it is always a new file. */
  public static OutputStream createFile(Path file) throws IOException {
    return Channels.newOutputStream(Files.newByteChannel(file, CREATE_NEW, fileAttributes(file)));
  }

  /** Creates {@code file} empty and 0600 unless it exists; an existing one is made 0600 (an older Freshet's file). */
  public static void createOrRestrict(Path file) throws IOException {
    try {
      Files.createFile(file, fileAttributes(file));
    } catch (FileAlreadyExistsException e) {
      if (posix(file)) {
        Files.setPosixFilePermissions(file, FILE);
      }
    }
  }
}
