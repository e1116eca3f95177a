package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.FILE;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code compress} and {@code extract}: ZIP archives of FILE values. Zoho's page: the files are a FILE, a LIST of
 * files, or a KEY-VALUE whose values are files (keyed by file name) or nested KEY-VALUEs (directories); the archive
 * may not pass 2 MB. {@code extract} gives the files back keyed by their path in the ZIP, up to 3 MB.
 */
final class FileArchives {
  private FileArchives() {}

  /** Zoho's limit on a compressed file. */
  static final int MAX_ZIP = 2 * 1024 * 1024;
  /** Zoho's limit on what extract returns (outside Creator); it also keeps a small archive from filling the memory. */
  static final long MAX_EXTRACTED = 3L * 1024 * 1024;

  static void register(BuiltinRegistry r) {
    r.fn("compress", "A ZIP FILE of a file, a list of files, or a map of names to files and directories (nested"
            + " maps); the name defaults to Archive.zip; at most 2 MB").param("files", ANY).optional("name", TEXT)
        .returns("FILE").impl((env, a) -> compress(a[0], Args.has(a, 1) && a[1] != null ? (String) a[1] : null));
    r.fn("extract", "The files of a ZIP FILE as a map from each file's path in the ZIP to the file; empty when the"
            + " FILE is no ZIP; at most 3 MB")
        .param("zip", FILE).returns("MAP").impl((env, a) -> extract((FileValue) a[0]));
  }

  private static FileValue compress(Object files, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      add(zip, "", files);
    } catch (IOException e) {
      throw Args.error("compress", e.getMessage());
    }
    if (out.size() > MAX_ZIP) {
      throw Args.error("compress", "the ZIP file would be " + out.size() + " bytes; the limit is 2 MB");
    }
    String zipName = name == null || name.isBlank() ? "Archive.zip"
        : name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name : name + ".zip";
    return new FileValue(zipName, "application/zip", out.toByteArray());
  }

  private static void add(ZipOutputStream zip, String dir, Object files) throws IOException {
    if (files instanceof FileValue f) {
      put(zip, dir + entryName(f.name()), f);
    } else if (files instanceof DelugeCollection c && c.isList()) {
      for (Object item : c.list()) {
        if (!(item instanceof FileValue f)) {
          throw Args.error("compress", "a list of files may hold only files, not " + Args.describe(item));
        }
        put(zip, dir + entryName(f.name()), f);
      }
    } else if (files instanceof DelugeCollection c && c.isMap()) {
      for (Map.Entry<Object, Object> e : c.map().entrySet()) {
        String key = entryName(dev.freshet.runtime.Values.toText(e.getKey()));
        if (e.getValue() instanceof FileValue f) {
          put(zip, dir + key, f);
        } else if (e.getValue() instanceof DelugeCollection d && d.isMap()) {
          zip.putNextEntry(new ZipEntry(dir + key + "/"));
          zip.closeEntry();
          add(zip, dir + key + "/", d);
        } else {
          throw Args.error("compress", "the value of \"" + key + "\" must be a file or a map (a directory), not "
              + Args.describe(e.getValue()));
        }
      }
    } else {
      throw Args.error("compress", "expects a file, a list of files or a map of files, got " + Args.describe(files));
    }
  }

  private static String entryName(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    return n.isEmpty() ? "file" : n;
  }

  private static void put(ZipOutputStream zip, String path, FileValue f) throws IOException {
    try {
      zip.putNextEntry(new ZipEntry(path));
    } catch (java.util.zip.ZipException e) {
      throw Args.error("compress", "two files would both be \"" + path + "\" in the ZIP file");
    }
    zip.write(f.bytes());
    zip.closeEntry();
  }

  /**
   * The files of a ZIP, keyed by their path in it ({@code docs/a.txt}); directories are not entries of their own. Not
   * a ZIP, or an empty one, gives an empty map, as Zoho's page says.
   */
  private static DelugeCollection extract(FileValue zipFile) {
    DelugeCollection files = DelugeCollection.newMap();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        byte[] bytes = zip.readNBytes((int) (MAX_EXTRACTED - total + 1));
        total += bytes.length;
        if (total > MAX_EXTRACTED) {
          throw Args.error("extract", "the files in " + zipFile.name() + " are over 3 MB, Zoho's limit");
        }
        String path = e.getName();
        String name = path.substring(path.lastIndexOf('/') + 1);
        files.map().put(path, new FileValue(name, FileLib.contentType(name), bytes));
      }
    } catch (IOException e) {
      return DelugeCollection.newMap();
    }
    return files;
  }

}
