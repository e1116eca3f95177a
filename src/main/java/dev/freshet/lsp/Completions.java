package dev.freshet.lsp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.SystemValue;
import dev.freshet.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * What may be written at the cursor: connection names inside {@code connection:}; the keys of a task block where a
 * key goes ({@code url}, {@code type}, … in {@code invokeurl [ ]}) and HTTP methods after {@code type:}; after
 * {@code zoho.} the tasks and values under it; after another {@code .} the built-in methods; elsewhere keywords, the
 * variables assigned so far in the function (or top level), user functions, global built-ins and system values.
 * Nothing in comments or text.
 * The client filters as the user types, so every candidate is sent, each replacing the word before the cursor.
 */
final class Completions {
  private static final Pattern CONNECTION = Pattern.compile("(?i)\\bconnection\\s*:\\s*(\"?)([\\w.-]*)$");
  private static final List<String> QUALIFIERS = List.of("zoho", "thisapp", "standalone");
  private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final Builtins builtins;
  private final Supplier<List<String>> connections;

  Completions(Builtins builtins, Supplier<List<String>> connections) {
    this.builtins = builtins;
    this.connections = connections;
  }

  CompletionList complete(Documents.Doc doc, Position position) {
    Lines lines = doc.lines();
    int offset = lines.offset(position);
    Tokens tokens = doc.tokens();
    List<CompletionItem> items = new ArrayList<>();
    String line = doc.text.substring(lines.lineStart(position.getLine()), offset);
    Matcher connection = CONNECTION.matcher(line);
    if (tokens.inComment(offset)) {
      return new CompletionList(false, items);
    }
    if (connection.find()) {
      Range range = lines.range(offset - connection.group(2).length(), offset);
      boolean quoted = !connection.group(1).isEmpty();
      for (String name : connectionNames()) {
        CompletionItem item = item(name, CompletionItemKind.Value, "connection", range, quoted ? name : '"' + name + '"');
        item.setFilterText(quoted ? name : '"' + name);
        items.add(item);
      }
      return new CompletionList(false, items);
    }
    if (tokens.inText(offset)) {
      return new CompletionList(false, items);
    }
    int start = offset;
    while (start > 0 && (Character.isLetterOrDigit(doc.text.charAt(start - 1)) || doc.text.charAt(start - 1) == '_'
        || doc.text.charAt(start - 1) == '.')) {
      start--;
    }
    String word = doc.text.substring(start, offset);
    int dot = word.lastIndexOf('.');
    if (dot >= 0 && QUALIFIERS.contains(word.substring(0, word.indexOf('.')).toLowerCase(Locale.ROOT))) {
      qualified(word.substring(0, dot + 1), lines.range(start, offset), doc.outline(), items);
    } else if (dot >= 0) {
      Range range = lines.range(start + dot + 1, offset);
      builtins.methods.values().forEach(b -> items.add(function(b, b.methodSignature(), CompletionItemKind.Method,
          range)));
    } else {
      TaskSlot slot = TaskSlot.at(tokens, lines, start);
      Range range = lines.range(start, offset);
      if (slot != null && slot.key()) {
        for (String key : Parser.taskKeys(slot.task())) {
          items.add(item(key, CompletionItemKind.Property, slot.task().toLowerCase(Locale.ROOT) + " key", range,
              key + ": "));
        }
        return new CompletionList(false, items);
      }
      if (slot != null && slot.valueOf().equalsIgnoreCase("type")) {
        HTTP_METHODS.forEach(m -> sorted(items, "0", item(m, CompletionItemKind.EnumMember, "HTTP method", range, m)));
      }
      plain(doc.outline(), offset, range, items);
    }
    return new CompletionList(false, items);
  }

  /** {@code zoho.crm.} and the like: the dotted names under the prefix, each replacing the whole dotted word. */
  private void qualified(String prefix, Range range, Outline outline, List<CompletionItem> items) {
    String p = prefix.toLowerCase(Locale.ROOT);
    for (Builtin b : builtins.globals.values()) {
      if (b.name().toLowerCase(Locale.ROOT).startsWith(p)) {
        items.add(function(b, b.signature(), CompletionItemKind.Function, range));
      }
    }
    for (SystemValue v : builtins.values) {
      if (v.name().toLowerCase(Locale.ROOT).startsWith(p)) {
        items.add(value(v, range));
      }
    }
    if (p.equals("thisapp.") || p.equals("standalone.")) {
      for (Outline.Function f : outline.functions) {
        items.add(item(prefix + f.name().text(), CompletionItemKind.Function, f.header(), range,
            prefix + f.name().text()));
      }
    }
  }

  private void plain(Outline outline, int offset, Range range, List<CompletionItem> items) {
    outline.variablesBefore(offset).forEach((name, o) -> sorted(items, "0",
        item(name, CompletionItemKind.Variable, "variable", range, name)));
    for (Outline.Function f : outline.functions) {
      sorted(items, "1", item(f.name().text(), CompletionItemKind.Function, f.header(), range, f.name().text()));
    }
    for (String k : Builtins.KEYWORDS) {
      sorted(items, "2", item(k, CompletionItemKind.Keyword, "keyword", range, k));
    }
    for (Builtin b : builtins.globals.values()) {
      if (!b.name().contains(".")) {
        sorted(items, "3", function(b, b.signature(), CompletionItemKind.Function, range));
      }
    }
    for (SystemValue v : builtins.values) {
      if (!v.name().contains(".")) {
        sorted(items, "3", value(v, range));
      }
    }
    sorted(items, "3", item("zoho", CompletionItemKind.Module, "zoho.* tasks and values", range, "zoho"));
  }

  private static void sorted(List<CompletionItem> items, String group, CompletionItem item) {
    item.setSortText(group + item.getLabel().toLowerCase(Locale.ROOT));
    items.add(item);
  }

  private static CompletionItem function(Builtin b, String signature, CompletionItemKind kind, Range range) {
    CompletionItem item = item(b.name(), kind, signature + " → " + b.returns(), range, b.name());
    item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "`" + signature + "`\n\n" + b.doc()));
    return item;
  }

  private static CompletionItem value(SystemValue v, Range range) {
    CompletionItem item = item(v.name(), CompletionItemKind.Constant, "system value", range, v.name());
    item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, v.doc()));
    return item;
  }

  private static CompletionItem item(String label, CompletionItemKind kind, String detail, Range range, String text) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setDetail(detail);
    item.setTextEdit(Either.forLeft(new TextEdit(range, text)));
    return item;
  }

  /** The connection names, never their secrets; a store that cannot be read gives none (Tab must not fail). */
  private List<String> connectionNames() {
    try {
      List<String> names = connections.get();
      return names == null ? List.of() : names;
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
