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
 * may not pass 2 MB. {@code extract} gives the contents back in the same KEY-VALUE shape.
 */
final class FileArchives {
  private FileArchives() {}

  /** Zoho's limit on a compressed file. */
  static final int MAX_ZIP = 2 * 1024 * 1024;
  /** How much extract unpacks at most, so that a small archive cannot fill the memory. */
  static final long MAX_EXTRACTED = 50L * 1024 * 1024;

  static void register(BuiltinRegistry r) {
    r.fn("compress", "A ZIP FILE of a file, a list of files, or a map of names to files and directories (nested"
            + " maps); the name defaults to Archive.zip; at most 2 MB").param("files", ANY).optional("name", TEXT)
        .returns("FILE").impl((env, a) -> compress(a[0], Args.has(a, 1) && a[1] != null ? (String) a[1] : null));
    r.fn("extract", "The files of a ZIP FILE as a map of names to files, directories as nested maps")
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

  private static DelugeCollection extract(FileValue zipFile) {
    DelugeCollection root = DelugeCollection.newMap();
    long total = 0;
    boolean any = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        any = true;
        String[] parts = e.getName().split("/");
        DelugeCollection dir = root;
        int files = e.isDirectory() ? parts.length : parts.length - 1;
        for (int i = 0; i < files; i++) {
          if (!parts[i].isEmpty()) {
            dir = directory(dir, parts[i]);
          }
        }
        if (!e.isDirectory()) {
          byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_EXTRACTED - total + 1));
          total += bytes.length;
          if (total > MAX_EXTRACTED) {
            throw Args.error("extract", "the files in the ZIP file are over 50 MB");
          }
          String name = parts[parts.length - 1];
          dir.map().put(name, new FileValue(name, FileLib.contentType(name), bytes));
        }
      }
    } catch (IOException e) {
      throw Args.error("extract", zipFile.name() + " is not a ZIP file: " + e.getMessage());
    }
    if (!any && zipFile.size() > 0) {
      throw Args.error("extract", zipFile.name() + " is not a ZIP file");
    }
    return root;
  }

  private static DelugeCollection directory(DelugeCollection parent, String name) {
    Object existing = parent.map().get(name);
    if (existing instanceof DelugeCollection d && d.isMap()) {
      return d;
    }
    DelugeCollection d = DelugeCollection.newMap();
    parent.map().put(name, d);
    return d;
  }
}
