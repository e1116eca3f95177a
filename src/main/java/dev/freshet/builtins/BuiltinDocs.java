package dev.freshet.builtins;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Documentation of the built-ins, drawn from the registry: {@code docs/builtins.md} ({@link #markdown}) and the pages of
 * {@code freshet builtins} ({@link #list}, {@link #page}). Run {@link #main} to regenerate the Markdown file.
 */
public final class BuiltinDocs {
  /** The command that regenerates {@code docs/builtins.md}, from the repository root. */
  public static final String REGENERATE = "mvn -B -q package -DskipTests && "
      + "java -cp target/freshet.jar dev.freshet.builtins.BuiltinDocs > docs/builtins.md";

  private BuiltinDocs() {}

  /** One declared overload with the aliases declared with it. */
  public record Function(Builtin builtin, String family, List<String> aliases) {
    public String name() {
      return builtin.name();
    }

    /** The accepted call forms: the method form first, then the global form, as far as each is allowed. */
    public List<String> forms() {
      List<String> forms = new ArrayList<>();
      if (builtin.method() && !builtin.params().isEmpty()) {
        forms.add(builtin.methodSignature());
      }
      if (builtin.global() || forms.isEmpty()) {
        forms.add(builtin.signature());
      }
      return forms;
    }
  }

  /** A family: the functions and system values one {@link Library} registered. */
  public record Family(String name, String library, List<Function> functions, List<SystemValue> values) {}

  /** Every family in registration order; aliases are folded into the overload they were declared with. */
  public static List<Family> families(BuiltinRegistry registry) {
    Map<String, List<Function>> functions = new LinkedHashMap<>();
    Map<String, List<SystemValue>> values = new LinkedHashMap<>();
    for (String family : registry.families().keySet()) {
      functions.put(family, new ArrayList<>());
      values.put(family, new ArrayList<>());
    }
    for (BuiltinRegistry.Entry e : registry.entries()) {
      List<Function> list = functions.computeIfAbsent(e.family(), k -> new ArrayList<>());
      values.computeIfAbsent(e.family(), k -> new ArrayList<>());
      if (!e.isAlias()) {
        list.add(new Function(e.builtin(), e.family(), new ArrayList<>()));
        continue;
      }
      Function target = null;
      for (int i = list.size() - 1; i >= 0 && target == null; i--) {
        if (list.get(i).name().equalsIgnoreCase(e.aliasOf())) {
          target = list.get(i);
        }
      }
      if (target != null) {
        target.aliases().add(e.builtin().name());
      } else { // an alias of a name registered elsewhere: document it on its own
        list.add(new Function(e.builtin(), e.family(), new ArrayList<>()));
      }
    }
    for (SystemValue v : registry.allValues()) {
      String family = registry.familyOfValue(v.name());
      functions.computeIfAbsent(family, k -> new ArrayList<>());
      values.computeIfAbsent(family, k -> new ArrayList<>()).add(v);
    }
    List<Family> out = new ArrayList<>();
    for (Map.Entry<String, List<Function>> f : functions.entrySet()) {
      List<Function> fns = f.getValue().stream()
          .map(fn -> new Function(fn.builtin(), fn.family(), List.copyOf(fn.aliases()))).toList();
      out.add(new Family(f.getKey(), registry.families().getOrDefault(f.getKey(), ""), fns, List.copyOf(
          values.get(f.getKey()))));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // docs/builtins.md

  /** The whole of {@code docs/builtins.md}. */
  public static String markdown(BuiltinRegistry registry) {
    List<Family> families = families(registry);
    StringBuilder md = new StringBuilder();
    md.append("<!-- GENERATED FILE: do not edit. Regenerate with:\n     ").append(REGENERATE)
        .append("\n     Hand-written notes belong in docs/builtins-notes.md. -->\n");
    md.append("# Built-in functions\n\n");
    md.append("This file is generated from Freshet's built-in registry by `dev.freshet.builtins.BuiltinDocs`; edits made"
        + " here are lost.\nAfter changing a library, regenerate it from the repository root with\n\n    ")
        .append(REGENERATE).append("\n\n");
    md.append("(`BuiltinDocsTest` fails while this file is out of date, and writes the fresh text to "
        + "`target/builtins.md`.)\nBehaviour notes written by hand are in [builtins-notes.md](builtins-notes.md). "
        + "`freshet builtins NAME` shows one\nfunction with the types of its parameters.\n\n");
    md.append("Names are case-insensitive. A function listed with two forms can be called either way: "
        + "`text.subString(start)`\n(method form: the first argument is written before the dot) or "
        + "`subString(text, start)` (global form). Brackets\nmark optional arguments, `...` an argument that may "
        + "repeat. Aliases are other names for the same function.\n\n");
    long count = families.stream().mapToLong(f -> f.functions().stream().map(fn -> key(fn.name())).distinct()
        .count()).sum();
    long valueCount = families.stream().mapToLong(f -> f.values().size()).sum();
    md.append(count).append(" functions in ").append(families.stream().filter(f -> !f.functions().isEmpty()).count())
        .append(" families, and ").append(valueCount).append(" system values:\n\n");
    for (Family f : families) {
      if (!f.functions().isEmpty()) {
        md.append("- [").append(f.name()).append("](#").append(anchor(f.name())).append(")\n");
      }
    }
    if (valueCount > 0) {
      md.append("- [System values](#system-values)\n");
    }
    for (Family f : families) {
      if (f.functions().isEmpty()) {
        continue;
      }
      md.append("\n## ").append(f.name()).append("\n\n");
      if (!f.library().isEmpty()) {
        md.append("Declared in `").append(f.library()).append("`.\n\n");
      }
      md.append("| function | forms | returns | description |\n|---|---|---|---|\n");
      for (Function fn : f.functions()) {
        md.append("| `").append(cell(fn.name())).append('`');
        if (!fn.aliases().isEmpty()) {
          md.append("<br>also ").append(String.join(", ", fn.aliases().stream().map(a -> "`" + cell(a) + "`")
              .toList()));
        }
        md.append(" | ").append(String.join("<br>", fn.forms().stream().map(s -> "`" + cell(s) + "`").toList()));
        md.append(" | ").append(cell(fn.builtin().returns()));
        md.append(" | ").append(cell(fn.builtin().doc())).append(" |\n");
      }
    }
    if (valueCount > 0) {
      md.append("\n## System values\n\nNames whose value the engine supplies when they are read (no parentheses).\n\n");
      md.append("| name | family | description |\n|---|---|---|\n");
      for (Family f : families) {
        for (SystemValue v : f.values()) {
          md.append("| `").append(cell(v.name())).append("` | ").append(cell(f.name())).append(" | ")
              .append(cell(v.doc())).append(" |\n");
        }
      }
    }
    return md.toString();
  }

  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  /** Text safe inside a Markdown table cell. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // freshet builtins

  /** Every function by family, one line each (name and doc, aligned), then the system values. */
  public static String list(BuiltinRegistry registry) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    List<SystemValue> values = new ArrayList<>();
    for (Family f : families(registry)) {
      values.addAll(f.values());
      if (f.functions().isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(f.name()).append('\n');
      int width = f.functions().stream().mapToInt(fn -> fn.name().length()).max().orElse(0);
      Set<String> seen = new LinkedHashSet<>();
      for (Function fn : f.functions()) {
        if (!seen.add(key(fn.name()))) {
          continue; // another overload of a name already listed in this family
        }
        count++;
        Set<String> aliases = new LinkedHashSet<>();
        f.functions().stream().filter(o -> key(o.name()).equals(key(fn.name())))
            .forEach(o -> aliases.addAll(o.aliases()));
        out.append("  ").append(pad(fn.name(), width)).append("  ").append(fn.builtin().doc());
        if (!aliases.isEmpty()) {
          out.append(" (also ").append(String.join(", ", aliases)).append(')');
        }
        out.append('\n');
      }
    }
    if (!values.isEmpty()) {
      out.append("\nSystem values\n");
      int width = values.stream().mapToInt(v -> v.name().length()).max().orElse(0);
      for (SystemValue v : values) {
        out.append("  ").append(pad(v.name(), width)).append("  ").append(v.doc()).append('\n');
      }
    }
    out.append('\n').append(count).append(" functions, ").append(values.size()).append(" system values. "
        + "'freshet builtins NAME' shows one in full.\n");
    return out.toString();
  }

  /**
   * The full description of a name (case-insensitive; aliases and dotted names included): every overload's forms,
   * parameters, return type, doc and aliases; or null when no function or system value has that name.
   */
  public static String page(BuiltinRegistry registry, String name) {
    List<Family> families = families(registry);
    StringBuilder out = new StringBuilder();
    List<Function> matches = new ArrayList<>();
    for (Family f : families) {
      for (Function fn : f.functions()) {
        if (fn.name().equalsIgnoreCase(name)) {
          matches.add(fn);
        }
      }
    }
    for (Family f : families) {
      for (Function fn : f.functions()) {
        String alias = fn.aliases().stream().filter(a -> a.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (alias != null) {
          out.append(alias).append(" is another name for ").append(fn.name()).append(".\n\n");
          matches.add(fn);
        }
      }
    }
    for (int i = 0; i < matches.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      appendFunction(out, matches.get(i));
    }
    SystemValue value = registry.systemValue(name);
    if (value != null) {
      if (!matches.isEmpty()) {
        out.append('\n');
      }
      out.append(value.name()).append("  (system value, ").append(registry.familyOfValue(name)).append(")\n\n  ")
          .append(value.name()).append("\n\n").append(value.doc()).append('\n');
    }
    return matches.isEmpty() && value == null ? null : out.toString();
  }

  private static void appendFunction(StringBuilder out, Function fn) {
    Builtin b = fn.builtin();
    out.append(b.name()).append("  (").append(fn.family()).append(")\n\n");
    for (String form : fn.forms()) {
      out.append("  ").append(form).append('\n');
    }
    out.append('\n').append(b.doc()).append("\n\n");
    if (b.params().isEmpty()) {
      out.append("Parameters: none\n");
    } else {
      out.append("Parameters:\n");
      int width = b.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
      for (int i = 0; i < b.params().size(); i++) {
        Param p = b.params().get(i);
        out.append("  ").append(pad(p.name(), width)).append("  ").append(p.type().display);
        List<String> notes = new ArrayList<>();
        if (p.optional()) {
          notes.add("optional");
        }
        if (b.varargs() && i == b.params().size() - 1) {
          notes.add("repeatable");
        }
        if (!notes.isEmpty()) {
          out.append(" (").append(String.join("; ", notes)).append(')');
        }
        out.append('\n');
      }
    }
    out.append("Returns: ").append(b.returns()).append('\n');
    if (!fn.aliases().isEmpty()) {
      out.append("Aliases: ").append(String.join(", ", fn.aliases())).append('\n');
    }
  }

  /** Every function name, alias and system value name, for suggestions. */
  public static List<String> names(BuiltinRegistry registry) {
    Set<String> names = new LinkedHashSet<>();
    for (BuiltinRegistry.Entry e : registry.entries()) {
      names.add(e.builtin().name());
    }
    for (SystemValue v : registry.allValues()) {
      names.add(v.name());
    }
    return List.copyOf(names);
  }

  /**
   * The known name closest to a misspelt one: a case-insensitive edit distance of at most a third of its length (1 to
   * 3), or a dotted name ending in it ({@code base64Encode} → {@code zoho.encryption.base64Encode}); null if none.
   */
  public static String suggest(BuiltinRegistry registry, String name) {
    String best = null;
    int bestDistance = Math.max(1, Math.min(3, name.length() / 3));
    String lower = key(name);
    for (String c : names(registry)) {
      String k = key(c);
      if (k.endsWith("." + lower)) {
        return c;
      }
      int d = distance(lower, k);
      if (d <= bestDistance && (best == null || d < distance(lower, key(best)))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    return dev.freshet.source.EditDistance.between(a, b);
  }


  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /**
   * Prints {@code docs/builtins.md} for the standard registry to standard output, or writes it to the file given as
   * the only argument.
   */
  public static void main(String[] args) throws IOException {
    String md = markdown(BuiltinRegistry.standard());
    if (args.length == 1) {
      Files.writeString(Path.of(args[0]), md, StandardCharsets.UTF_8);
      return;
    }
    if (args.length > 1) {
      System.err.println("usage: java -cp freshet.jar dev.freshet.builtins.BuiltinDocs [OUTPUT.md]");
      System.exit(64);
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    out.print(md);
    out.flush();
  }
}
