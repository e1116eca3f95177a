package dev.freshet.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a cassette so that a reader never sees half of one: a temporary file in the same folder, fsync, then an
 * atomic rename over the old file. A lock on {@code <cassette>.lock} keeps two processes from writing one cassette at
 * once. A process killed mid-write leaves the old cassette as it was, and at worst a stray temporary file and lock
 * file, which the next write of that cassette removes (CassetteKillTest kills a real second JVM to pin this).
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
    write(file, text.getBytes(StandardCharsets.UTF_8), interrupt);
  }

  static void write(Path file, byte[] bytes, Interrupt interrupt) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path lock = dir.resolve(file.getFileName() + ".lock");
    try (FileChannel lockChannel = locked(lock)) {
      try {
        removeStrayTemporaries(dir, file.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
          try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
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
        Files.deleteIfExists(lock); // while still holding it: a waiter then finds its lock file gone and starts over
      }
    }
  }

  /**
   * An open channel holding the lock of {@code lock}. The holder deletes the lock file before letting go, so a
   * process that waited on the old file must notice that the path now names another file (or none): it writes a
   * token of its own and reads it back through the path.
   */
  private static FileChannel locked(Path lock) throws IOException {
    while (true) {
      FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock held = channel.lock();
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        boolean ours;
        try {
          ours = java.util.Arrays.equals(token, Files.readAllBytes(lock));
        } catch (NoSuchFileException e) {
          ours = false;
        }
        if (ours) {
          return channel;
        }
        held.release();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      channel.close();
    }
  }

  /** Temporary files a killed writer of this cassette left behind (safe to remove: we hold its lock). */
  private static void removeStrayTemporaries(Path dir, String name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("." + name + ".") && n.endsWith(".tmp")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
