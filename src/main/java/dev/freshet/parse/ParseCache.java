package dev.freshet.parse;

import dev.freshet.ast.Script;
import dev.freshet.files.OwnerOnly;
import dev.freshet.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Parsed scripts kept in a folder, so that running an unchanged script again skips the ANTLR parser: on a cold JVM,
 * loading and warming the parser is most of a short script's start-up. An entry holds the build that wrote it, the
 * exact source text and the {@link AstCodec encoded} AST, with a checksum; anything that does not match (another
 * build, another text, a damaged or half-written file) is a miss, and the script is parsed and the entry rewritten.
 * Entries are written to a temporary file and moved into place, so readers never see half an entry; folders are
 * created 0700 and files 0600, as an entry holds the script's text. The cache never fails a run: a folder that cannot
 * be read or written only means parsing every time.
 */
public final class ParseCache {
  private static final int MAGIC = 0x46525348; // "FRSH"
  /** More entries than this and the oldest are removed when the next one is written. */
  static final int MAX_ENTRIES = 512;

  private final Path directory;
  private final String build;
  /** Scripts read from the cache, for tests (not exact when several threads compile at once). */
  int hits;

  ParseCache(Path directory, String build) {
    this.directory = directory;
    this.build = build;
  }

  /** A cache in {@code directory} (created on first write), or null when this build cannot be told apart from others. */
  public static ParseCache in(Path directory) {
    String build = thisBuild();
    return build == null ? null : new ParseCache(directory, build);
  }

  /** The parsed script, from the cache when it holds this text for this build, else parsed (and then cached). */
  public Script parse(SourceFile source) {
    Path entry = directory.resolve(key(source.text()) + ".ast");
    Script cached = read(entry, source);
    if (cached != null) {
      hits++;
      return cached;
    }
    Script parsed = Parser.parseScript(source); // a syntax error is thrown here and nothing is cached
    write(entry, source.text(), parsed);
    return parsed;
  }

  private Script read(Path entry, SourceFile source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException | RuntimeException e) { // most often: no such file yet
      return null;
    }
    try {
      if (bytes.length < 8) {
        return null;
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 8);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != MAGIC || in.readInt() != AstCodec.FORMAT || !in.readUTF().equals(build)) {
        return null;
      }
      byte[] text = new byte[in.readInt()];
      in.readFully(text);
      if (!new String(text, StandardCharsets.UTF_8).equals(source.text())) {
        return null; // another text with the same key
      }
      byte[] ast = new byte[in.readInt()];
      in.readFully(ast);
      if (in.readLong() != crc.getValue() || in.available() != 0) {
        return null;
      }
      return AstCodec.decode(ast, source);
    } catch (IOException | RuntimeException | StackOverflowError e) { // a damaged entry, or one too deep, is a miss
      return null;
    }
  }

  private void write(Path entry, String text, Script script) {
    Path temp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(AstCodec.FORMAT);
      out.writeUTF(build);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
      byte[] ast = AstCodec.encode(script);
      out.writeInt(ast.length);
      out.write(ast);
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      OwnerOnly.createDirectories(directory); // entries hold script text, and scripts hold tokens: 0700 and 0600
      // a name no other writer has (CREATE_NEW fails if one did); not Files.createTempFile, whose SecureRandom, nor
      // the process id, whose lookup links lambdas: either costs a first run ~10 ms
      temp = directory.resolve(entry.getFileName() + "." + Long.toHexString(System.nanoTime()) + "-"
          + Thread.currentThread().getId() + ".tmp");
      try (OutputStream file = OwnerOnly.createFile(temp)) {
        bytes.writeTo(file);
      }
      Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      prune();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // not cached this time (a script nested too deeply for this stack never is): the next run parses again
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // left for the next prune
        }
      }
    }
  }

  /** Keeps the newest entries when there are too many; also removes temporary files an interrupted write left. */
  private void prune() throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(directory)) {
      for (Path p : all) {
        String name = p.getFileName().toString();
        if (name.endsWith(".ast") || name.endsWith(".tmp")) {
          entries.add(p);
        }
      }
    }
    if (entries.size() <= MAX_ENTRIES) {
      return;
    }
    Map<Path, FileTime> times = new HashMap<>();
    for (Path p : entries) {
      times.put(p, modified(p));
    }
    entries.sort(Comparator.comparing(times::get));
    for (Path oldest : entries.subList(0, entries.size() - MAX_ENTRIES * 3 / 4)) {
      Files.deleteIfExists(oldest);
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) { // removed meanwhile: as good as oldest
      return FileTime.fromMillis(0);
    }
  }

  /** A 64-bit FNV-1a hash of the text, in hex: entries are named by it, and each holds the text it is for. */
  static String key(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    String hex = Long.toHexString(h); // not String.format: its machinery costs a cold start more than the parse saves
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * What tells this build from another: the size and time of the jar this class came from or, run from a folder of
   * classes (tests, an IDE), the newest time among the parser's and the AST's classes, which an IDE may recompile
   * alone. Null when unknown, and then nothing is cached.
   */
  private static String thisBuild() {
    try {
      URL location = ParseCache.class.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      if (!Files.isDirectory(path)) {
        return Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
      }
      long newest = 0;
      for (String folder : new String[] {"dev/freshet/parse", "dev/freshet/parse/gen", "dev/freshet/ast"}) {
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(path.resolve(folder), "*.class")) {
          for (Path c : classes) {
            newest = Math.max(newest, Files.getLastModifiedTime(c).toMillis());
          }
        }
      }
      return "classes:" + newest;
    } catch (Exception e) { // no code source, not a file: URL, no such file
      return null;
    }
  }
}
