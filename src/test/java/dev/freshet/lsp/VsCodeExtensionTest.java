package dev.freshet.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * editors/vscode without npm: package.json's contributions point at files that exist and agree with each other, and
 * the TextMate grammar's rules, compiled with java.util.regex (its patterns keep to what Oniguruma and Java share),
 * give Deluge's words the scopes a theme colours.
 */
class VsCodeExtensionTest {
  static final Path DIR = Path.of("editors/vscode");

  static JsonNode json(String file) throws IOException {
    return LspClient.JSON.readTree(Files.readString(DIR.resolve(file)));
  }

  @Test
  void packageJsonContributesTheLanguageGrammarAndSettingCoherently() throws IOException {
    JsonNode pkg = json("package.json");
    assertTrue(Files.isRegularFile(DIR.resolve(pkg.get("main").asText())), "main: " + pkg.get("main"));
    assertTrue(pkg.get("activationEvents").toString().contains("\"onLanguage:deluge\""));
    assertTrue(pkg.get("dependencies").has("vscode-languageclient"));
    JsonNode language = pkg.get("contributes").get("languages").get(0);
    assertEquals("deluge", language.get("id").asText());
    assertEquals("[\".dg\"]", language.get("extensions").toString());
    JsonNode config = json(language.get("configuration").asText());
    assertEquals("//", config.get("comments").get("lineComment").asText());
    assertEquals("[\"/*\",\"*/\"]", config.get("comments").get("blockComment").toString());
    assertTrue(config.get("autoClosingPairs").toString().contains("{\"open\":\"{\",\"close\":\"}\"}"));

    JsonNode grammar = pkg.get("contributes").get("grammars").get(0);
    assertEquals("deluge", grammar.get("language").asText());
    assertEquals(grammar.get("scopeName").asText(), json(grammar.get("path").asText()).get("scopeName").asText());
    assertEquals("freshet", pkg.get("contributes").get("configuration").get("properties").get("freshet.path")
        .get("default").asText());
    String extension = Files.readString(DIR.resolve("extension.js"));
    assertTrue(extension.contains("getConfiguration('freshet')") && extension.contains("'lsp'"),
        "the client starts freshet.path with the lsp command");
    assertTrue(Files.readString(DIR.resolve(".gitignore")).contains("node_modules/"));
  }

  @Test
  void theGrammarScopesASample() throws IOException {
    Grammar g = new Grammar(json("syntaxes/deluge.tmLanguage.json"));
    assertScopes(g, "// greet someone", Map.of("// greet someone", "comment.line.double-slash.deluge"));
    assertScopes(g, "void automation.greet(string name, int times)", Map.of("void", "storage.type.deluge",
        "automation.", "entity.name.namespace.deluge", "greet", "entity.name.function.deluge"));
    assertScopes(g, "\tinfo greet(x);", Map.of("info", "keyword.other.task.deluge",
        "greet", "entity.name.function.call.deluge"));
    assertScopes(g, "resp = invokeurl [ url: \"https://x.com/\\\"q\\\"\" type: GET connection: \"crm\" ];", Map.of(
        "invokeurl", "keyword.other.task.deluge", "url", "variable.parameter.task.deluge",
        "\"https://x.com/\\\"q\\\"\"", "string.quoted.double.deluge", "GET", "constant.language.http-method.deluge",
        "connection", "variable.parameter.task.deluge", "=", "keyword.operator.assignment.deluge"));
    assertScopes(g, "r = zoho.crm.getRecordById(\"Leads\", 12.5);", Map.of("zoho", "support.class.zoho.deluge",
        ".crm.getRecordById", "support.function.zoho.deluge", "12.5", "constant.numeric.deluge"));
    assertScopes(g, "if(x == null && n.toText() != 'a') { return true; } /* note */", Map.of(
        "if", "keyword.control.deluge", "==", "keyword.operator.comparison.deluge", "null",
        "constant.language.deluge", "toText", "entity.name.function.method.deluge", "'a'",
        "string.quoted.single.deluge", "return", "keyword.control.deluge", "/* note */", "comment.block.deluge"));
    assertScopes(g, "sendmail [ from: zoho.adminuserid to: \"a@b.c\" subject: \"s\" ]", Map.of(
        "sendmail", "keyword.other.task.deluge", "from", "variable.parameter.task.deluge",
        "subject", "variable.parameter.task.deluge"));
  }

  private static void assertScopes(Grammar g, String line, Map<String, String> expected) {
    Map<String, String> found = g.tokenize(line);
    expected.forEach((text, scope) -> assertEquals(scope, found.get(text), "'" + text + "' in " + line + ": " + found));
  }

  /**
   * Enough of a TextMate engine for one line: at each place the rule matching earliest wins (the first listed on a
   * tie); a match rule scopes its captures or its whole match, a begin/end rule its whole extent, skipping what its
   * own patterns match (escapes) while looking for the end.
   */
  static final class Grammar {
    record Rule(String name, Pattern match, Map<Integer, String> captures, Pattern begin, Pattern end,
        List<Rule> inner) {}

    private final List<Rule> rules;

    Grammar(JsonNode grammar) {
      rules = rules(grammar.get("patterns"), grammar.get("repository"));
    }

    private static List<Rule> rules(JsonNode patterns, JsonNode repository) {
      List<Rule> out = new ArrayList<>();
      for (JsonNode p : patterns) {
        if (p.has("include")) {
          JsonNode target = repository.get(p.get("include").asText().substring(1));
          out.addAll(rules(target.has("patterns") ? target.get("patterns")
              : LspClient.JSON.createArrayNode().add(target), repository));
          continue;
        }
        Map<Integer, String> captures = new LinkedHashMap<>();
        p.path("captures").fields().forEachRemaining(e -> captures.put(Integer.parseInt(e.getKey()),
            e.getValue().get("name").asText()));
        out.add(new Rule(p.path("name").asText(null), p.has("match") ? Pattern.compile(p.get("match").asText()) : null,
            captures, p.has("begin") ? Pattern.compile(p.get("begin").asText()) : null,
            p.has("end") ? Pattern.compile(p.get("end").asText()) : null,
            p.has("patterns") ? rules(p.get("patterns"), repository) : List.of()));
      }
      return out;
    }

    /** Each scoped piece of text and its scope. */
    Map<String, String> tokenize(String line) {
      Map<String, String> out = new LinkedHashMap<>();
      int pos = 0;
      while (pos < line.length()) {
        Rule best = null;
        Matcher bestMatch = null;
        for (Rule r : rules) {
          Matcher m = (r.match() != null ? r.match() : r.begin()).matcher(line);
          if (m.find(pos) && (bestMatch == null || m.start() < bestMatch.start())) {
            best = r;
            bestMatch = m;
          }
        }
        if (best == null) {
          break;
        }
        int end = bestMatch.end();
        if (best.begin() != null) {
          end = endOf(best, line, end);
          out.put(line.substring(bestMatch.start(), end), best.name());
        } else if (best.captures().isEmpty()) {
          out.put(bestMatch.group(), best.name());
        } else {
          for (Map.Entry<Integer, String> c : best.captures().entrySet()) {
            if (bestMatch.group(c.getKey()) != null && !bestMatch.group(c.getKey()).isEmpty()) {
              out.put(bestMatch.group(c.getKey()), c.getValue());
            }
          }
        }
        pos = Math.max(end, pos + 1);
      }
      return out;
    }

    private static int endOf(Rule r, String line, int from) {
      int pos = from;
      while (pos <= line.length()) {
        Matcher end = r.end().matcher(line);
        if (!end.find(pos)) {
          return line.length();
        }
        int skip = -1;
        for (Rule inner : r.inner()) {
          Matcher m = inner.match().matcher(line);
          if (m.find(pos) && m.start() < end.start()) {
            skip = Math.max(skip, m.end());
          }
        }
        if (skip < 0) {
          return end.end();
        }
        pos = skip;
      }
      return line.length();
    }
  }
}
