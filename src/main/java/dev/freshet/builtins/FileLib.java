package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.FILE;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.FileValue;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Functions of FILE values (downloads from invokeurl, files built with toFile, uploads through files:). */
final class FileLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("getFileName", "The file's name").param("file", FILE).returns("TEXT")
        .impl((env, a) -> ((FileValue) a[0]).name());
    r.fn("getFileType", "The file's type: the extension of its name (pdf, csv, …), else its content type")
        .param("file", FILE).returns("TEXT").impl((env, a) -> type((FileValue) a[0]));
    r.fn("getFileSize", "The file's size in bytes").param("file", FILE).returns("NUMBER")
        .impl((env, a) -> (long) ((FileValue) a[0]).size());
    r.fn("getFileContent", "The file's content as text (UTF-8, or the character set given with setCharset)")
        .param("file", FILE).returns("TEXT").impl((env, a) -> content((FileValue) a[0]));
    r.fn("setFileName", "Renames the file; returns it").param("file", FILE).param("name", TEXT).returns("FILE")
        .impl((env, a) -> {
          ((FileValue) a[0]).setName((String) a[1]);
          return a[0];
        });
    r.fn("setParamName", "Sets the form field name the file is sent under with invokeurl's files: (default"
            + " \"file\"); returns it").param("file", FILE).param("name", TEXT).returns("FILE")
        .impl((env, a) -> {
          ((FileValue) a[0]).setParamName((String) a[1]);
          return a[0];
        });
    r.fn("setFileType", "Sets the type the file is sent as (an extension such as \"pdf\", or a content type); the"
            + " content is not converted; returns the file").param("file", FILE).param("type", TEXT).returns("FILE")
        .impl((env, a) -> {
          ((FileValue) a[0]).setContentType(typeOf((String) a[1]));
          return a[0];
        });
    r.fn("setCharset", "Sets the character set (\"ISO-8859-1\", \"windows-1252\", …) getFileContent reads the file"
            + " in; returns the file").param("file", FILE).param("charset", TEXT).returns("FILE")
        .impl((env, a) -> {
          ((FileValue) a[0]).setCharset(charset((String) a[1]).name());
          return a[0];
        });
    FileArchives.register(r);
    r.fn("toFile", "A FILE holding the text (UTF-8) with the given name; the content type follows the name's"
            + " extension").param("text", TEXT).param("name", TEXT).returns("FILE")
        .impl((env, a) -> new FileValue((String) a[1], contentType((String) a[1]),
            dev.freshet.runtime.Values.toText(a[0]).getBytes(StandardCharsets.UTF_8)));
  }

  private static String type(FileValue f) {
    int dot = f.name().lastIndexOf('.');
    if (dot >= 0 && dot < f.name().length() - 1) {
      return f.name().substring(dot + 1).toLowerCase(Locale.ROOT);
    }
    return f.contentType();
  }

  private static String content(FileValue f) {
    return new String(f.bytes(), f.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(f.charset()));
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name == null ? "" : name.trim());
    } catch (IllegalArgumentException e) {
      throw Args.error("setCharset", "\"" + name + "\" is not a character set");
    }
  }

  /** A content type as given ({@code text/csv}), or the one an extension stands for ({@code pdf}, {@code .pdf}). */
  private static String typeOf(String type) {
    String t = type == null ? "" : type.trim();
    if (t.isEmpty()) {
      throw Args.error("setFileType", "the type is empty");
    }
    if (t.contains("/")) {
      return t;
    }
    String ext = t.startsWith(".") ? t.substring(1) : t;
    String guessed = contentType("file." + ext);
    return guessed.equals("text/plain") && !ext.equalsIgnoreCase("txt") ? "application/" + ext.toLowerCase(Locale.ROOT)
        : guessed;
  }

  static String contentType(String name) {
    String guessed = URLConnection.guessContentTypeFromName(name);
    return guessed != null ? guessed : name.toLowerCase(Locale.ROOT).endsWith(".json") ? "application/json"
        : "text/plain";
  }
}
