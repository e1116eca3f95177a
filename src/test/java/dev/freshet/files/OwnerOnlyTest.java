package dev.freshet.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
  @TempDir
  Path dir;

  static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void everyFolderMadeOnTheWayIs0700AndAnExistingOneIsLeftAlone() throws IOException {
    assumeTrue(OwnerOnly.posix(dir));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path deep = dir.resolve("a/b/c");
    OwnerOnly.createDirectories(deep);
    for (Path p : List.of(dir.resolve("a"), dir.resolve("a/b"), deep)) {
      assertEquals("rwx------", mode(p), p.toString());
    }
    assertEquals("rwxr-xr-x", mode(dir), "a folder the user made keeps its mode");
    OwnerOnly.createDirectories(deep); // already there: no error
    Files.writeString(dir.resolve("file"), "x");
    assertThrows(FileAlreadyExistsException.class, () -> OwnerOnly.createDirectories(dir.resolve("file")));
  }

  @Test
  void aNewFileIs0600FromTheStartAndNeverReplacesOne() throws IOException {
    assumeTrue(OwnerOnly.posix(dir));
    Path file = dir.resolve("entry");
    try (OutputStream out = OwnerOnly.createFile(file)) {
      assertEquals("rw-------", mode(file), "0600 while it is being written, not only once it is done");
      out.write("secret".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("secret", Files.readString(file));
    assertThrows(FileAlreadyExistsException.class, () -> OwnerOnly.createFile(file).close());
    assertEquals("secret", Files.readString(file));

    Path temp = Files.createTempFile(dir, ".t-", ".tmp", OwnerOnly.fileAttributes(dir));
    assertEquals("rw-------", mode(temp));
  }

  @Test
  void createOrRestrictMakesANewFile0600AndTightensAnOldOne() throws IOException {
    assumeTrue(OwnerOnly.posix(dir));
    Path fresh = dir.resolve("history");
    OwnerOnly.createOrRestrict(fresh);
    assertEquals("rw-------", mode(fresh));
    assertEquals(0, Files.size(fresh));

    Path old = dir.resolve("old-history");
    Files.writeString(old, "1:info 1;\n");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
    OwnerOnly.createOrRestrict(old);
    assertEquals("rw-------", mode(old));
    assertEquals("1:info 1;\n", Files.readString(old), "kept as it was");
  }

  /** A zip file system has no POSIX permissions (like Windows): everything still works, with no modes set. */
  @Test
  void withoutPosixPermissionsFilesAndFoldersAreCreatedPlainly() throws IOException {
    URI zip = URI.create("jar:" + dir.resolve("home.zip").toUri());
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
      Path home = fs.getPath("/home/cache");
      assertFalse(OwnerOnly.posix(home));
      OwnerOnly.createDirectories(home);
      try (OutputStream out = OwnerOnly.createFile(home.resolve("entry"))) {
        out.write(1);
      }
      OwnerOnly.createOrRestrict(home.resolve("history"));
      OwnerOnly.createOrRestrict(home.resolve("history"));
      assertEquals(1, Files.size(home.resolve("entry")));
      assertEquals(0, OwnerOnly.fileAttributes(home).length);
    }
  }
}
