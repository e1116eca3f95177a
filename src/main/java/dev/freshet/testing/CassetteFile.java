package dev.freshet.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a cassette so that a reader never sees half of one: a temporary file in the same folder, fsync, then an
 * atomic rename over the old file. A lock on {@code <cassette>.lock} keeps two processes from writing one cassette at
 * once. A process killed mid-write leaves the old cassette as it was (and at worst a stray temporary file).
 */
final class CassetteFile {
  private CassetteFile() {}

  /** Lets a test stop a write half-way, as a kill would. */
  interface Interrupt {
    void afterFirstHalf() throws IOException;
  }

  static void write(Path file, String text) throws IOException {
    write(file, text, () -> {});
  }

  static void write(Path file, String text, Interrupt interrupt) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path lock = dir.resolve(file.getFileName() + ".lock");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (FileChannel lockChannel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lockChannel.lock()) {
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          int half = bytes.length / 2;
          out.write(ByteBuffer.wrap(bytes, 0, half));
          interrupt.afterFirstHalf();
          out.write(ByteBuffer.wrap(bytes, half, bytes.length - half));
          out.force(true);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } finally {
      Files.deleteIfExists(lock);
    }
  }
}
