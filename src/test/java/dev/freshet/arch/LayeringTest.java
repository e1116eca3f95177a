package dev.freshet.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ARCHITECTURE.md: which dev.freshet packages each package may use (by import or by a fully
 * qualified name). {@code connections} knows no language package, so hosts and the store can use it alone; only
 * {@code api} and {@code cli} see everything; {@code testing}
 * sits between them (cli -> testing -> api -> …). {@code files} (owner-only files and folders) is below them all.
 */
class LayeringTest {
  static final Path MAIN = Path.of("src/main/java/dev/freshet");
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("files", Set.of()),
      Map.entry("source", Set.of()),
      Map.entry("ast", Set.of("source")),
      Map.entry("parse", Set.of("ast", "files", "source")),
      Map.entry("check", Set.of("ast", "source")),
      Map.entry("fmt", Set.of("parse", "source")), // the formatter: the parser's tokens and tree, never the AST
      Map.entry("runtime", Set.of("source")),
      Map.entry("builtins", Set.of("runtime", "source")),
      // the compiled tier: bytecode for hot functions; it knows the interpreter only through its Host and Callee
      Map.entry("compile", Set.of("ast", "builtins", "check", "runtime", "source")),
      Map.entry("interp", Set.of("ast", "builtins", "check", "compile", "parse", "runtime", "source")),
      Map.entry("connections", Set.of("files")),
      Map.entry("http", Set.of("connections", "runtime")),
      Map.entry("zoho", Set.of("builtins", "connections", "http", "runtime")),
      Map.entry("mail", Set.of("files", "runtime")),
      // freshet test: a host of the api, with its own HttpTransport and MailSender
      // testing reads the syntax tree (ast, parse) only to rewrite assert for power-assert messages
      Map.entry("testing", Set.of("api", "ast", "connections", "files", "http", "mail", "parse", "runtime", "source")),
      // freshet lsp: above the language (parse, check, the registry) and below cli; an editor server reaches no
      // network, mail, files or connection store of its own (cli hands it the connection names)
      Map.entry("lsp", Set.of("api", "ast", "builtins", "check", "fmt", "interp", "parse", "runtime", "source",
          "zoho")));
  static final Pattern USE = Pattern.compile("dev\\.freshet\\.([a-z0-9]+)\\.[A-Za-z]");

  @Test
  void eachPackageUsesOnlyTheLayersBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> packages = Files.list(MAIN)) {
      for (Path dir : packages.filter(Files::isDirectory).sorted().toList()) {
        String pkg = dir.getFileName().toString();
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          continue; // api and cli: the top
        }
        for (String used : uses(dir, pkg)) {
          if (!allowed.contains(used)) {
            violations.add(pkg + " uses " + used);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void everyPackageIsPlaced() throws IOException {
    try (Stream<Path> packages = Files.list(MAIN)) {
      Set<String> unplaced = new TreeSet<>();
      packages.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(p -> !ALLOWED.containsKey(p) && !p.equals("api") && !p.equals("cli")).forEach(unplaced::add);
      assertEquals(Set.of(), unplaced, "a new package needs its place in the layering");
    }
  }

  /** Only the CLI starts the language server: nothing in the language or the api depends on an editor. */
  @Test
  void onlyCliUsesLsp() throws IOException {
    List<String> users = new ArrayList<>();
    try (Stream<Path> packages = Files.list(MAIN)) {
      for (Path dir : packages.filter(Files::isDirectory).sorted().toList()) {
        String pkg = dir.getFileName().toString();
        if (!pkg.equals("cli") && !pkg.equals("lsp") && uses(dir, pkg).contains("lsp")) {
          users.add(pkg);
        }
      }
    }
    assertEquals(List.of(), users);
  }

  /** JDBC, the driver and the pool are the PostgreSQL store's alone: the rest of Freshet runs without them. */
  @Test
  void onlyConnectionsPgUsesTheDatabaseLibraries() throws IOException {
    Pattern db = Pattern.compile("import (java\\.sql|javax\\.sql|org\\.postgresql|com\\.zaxxer)\\.");
    Path pg = MAIN.resolve("connections/pg");
    List<String> outside = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(pg)).sorted().toList()) {
        if (db.matcher(Files.readString(f)).find()) {
          outside.add(MAIN.relativize(f).toString());
        }
      }
    }
    assertEquals(List.of(), outside);
  }

  private static Set<String> uses(Path dir, String self) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = USE.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(self)) {
            used.add(m.group(1));
          }
        }
      }
    }
    return used;
  }
}
