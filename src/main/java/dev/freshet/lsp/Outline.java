package dev.freshet.lsp;

import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.gen.DelugeLexer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The user functions and variables of a document, read from its tokens: function headers at the top level, and in
 * each frame (a function, or the top level) the variables it assigns and every place it uses them. Deluge has no
 * block scope, so a frame is a scope; a variable is defined where it is first assigned, made a loop variable, caught
 * or declared as a parameter.
 */
final class Outline {
  /** A user function: {@code returnType qualifiedName(params) { … }}, from {@code start} to {@code end}. */
  record Function(String returnType, String qualifiedName, Tok name, List<Param> params, int start, int end) {
    String header() {
      StringBuilder out = new StringBuilder(returnType).append(' ').append(qualifiedName).append('(');
      for (int i = 0; i < params.size(); i++) {
        out.append(i > 0 ? ", " : "").append(params.get(i).type()).append(' ').append(params.get(i).name().text());
      }
      return out.append(')').toString();
    }

    boolean contains(int offset) {
      return offset >= start && offset <= end;
    }
  }

  record Param(String type, Tok name) {}

  /** A variable's name at one place; {@code frame} is its function, or null at the top level. */
  record Occurrence(Tok tok, boolean definition, Function frame) {
    String name() {
      return tok.text();
    }
  }

  /** A call of a name that may be a user function's. */
  record Call(Tok name, Function frame) {}

  private static final Set<Integer> STATEMENT_ENDS = Set.of(DelugeLexer.SEMI, DelugeLexer.LBRACE, DelugeLexer.RBRACE);
  private static final Set<Integer> ASSIGNS = Set.of(DelugeLexer.ASSIGN, DelugeLexer.PLUS_ASSIGN,
      DelugeLexer.MINUS_ASSIGN, DelugeLexer.STAR_ASSIGN, DelugeLexer.SLASH_ASSIGN, DelugeLexer.PERCENT_ASSIGN);

  final List<Function> functions = new ArrayList<>();
  final List<Occurrence> variables = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();
  private final Tokens tokens;

  Outline(Tokens tokens) {
    this.tokens = tokens;
    Function[] frameOf = new Function[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      int brace = tokens.get(i).isName() ? header(i) : -1;
      if (brace < 0) {
        continue;
      }
      int close = matching(brace);
      Function f = function(i, brace, close);
      functions.add(f);
      for (int k = i; k <= close && k < tokens.size(); k++) {
        frameOf[k] = f;
      }
      i = close;
    }
    Map<Function, Map<String, Boolean>> defined = new IdentityHashMap<>();
    Map<String, Boolean> topLevel = new LinkedHashMap<>();
    for (Function f : functions) {
      Map<String, Boolean> names = new LinkedHashMap<>();
      f.params().forEach(p -> names.put(p.name().text(), true));
      defined.put(f, names);
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (definition(i)) {
        (frameOf[i] == null ? topLevel : defined.get(frameOf[i])).put(tokens.get(i).text(), true);
      }
    }
    for (Function f : functions) {
      f.params().forEach(p -> variables.add(new Occurrence(p.name(), true, f)));
    }
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.get(i);
      Function frame = frameOf[i];
      if (!t.isName() || (frame != null && t.start() < bodyStart(frame))) {
        continue;
      }
      Map<String, Boolean> names = frame == null ? topLevel : defined.get(frame);
      Tok prev = tokens.get(i - 1);
      Tok next = tokens.get(i + 1);
      if (next != null && next.is(DelugeLexer.LPAREN)) {
        if (prev == null || !prev.is(DelugeLexer.DOT) || categoryCall(i, names)) {
          calls.add(new Call(t, frame));
        }
      } else if (definition(i)) {
        variables.add(new Occurrence(t, true, frame));
      } else if (names.containsKey(t.text()) && (prev == null || !prev.is(DelugeLexer.DOT))
          && (next == null || !next.is(DelugeLexer.COLON))) {
        variables.add(new Occurrence(t, false, frame));
      }
    }
    variables.sort((a, b) -> Integer.compare(a.tok().start(), b.tok().start()));
  }

  /** {@code standalone.fn(}, {@code automation.fn(}: a dotted call whose first part is no variable. */
  private boolean categoryCall(int i, Map<String, Boolean> names) {
    Tok owner = tokens.get(i - 2);
    Tok before = tokens.get(i - 3);
    return owner != null && owner.isName() && !names.containsKey(owner.text())
        && (before == null || !before.is(DelugeLexer.DOT));
  }

  /** Whether token {@code i} names a variable being defined: assigned, a loop variable, or a caught error. */
  private boolean definition(int i) {
    Tok t = tokens.get(i);
    if (!t.isName()) {
      return false;
    }
    Tok prev = tokens.get(i - 1);
    Tok next = tokens.get(i + 1);
    if (next != null && next.is(DelugeLexer.ASSIGN)) {
      return prev == null || STATEMENT_ENDS.contains(prev.type());
    }
    if (prev != null && prev.is(DelugeLexer.EACH)) {
      return !(t.is(DelugeLexer.INDEX) && next != null && next.isName());
    }
    if (prev != null && prev.is(DelugeLexer.INDEX)) {
      Tok each = tokens.get(i - 2);
      return each != null && each.is(DelugeLexer.EACH);
    }
    Tok catchTok = tokens.get(i - 2);
    return prev != null && prev.is(DelugeLexer.LPAREN) && catchTok != null && catchTok.is(DelugeLexer.CATCH);
  }

  /** If a function header starts at token {@code i} (at the top level), the index of its {@code '{'}, else -1. */
  private int header(int i) {
    int j = typeName(i);
    if (j < 0 || !name(j)) {
      return -1;
    }
    j++;
    while (is(j, DelugeLexer.DOT) && name(j + 1)) {
      j += 2;
    }
    if (!is(j, DelugeLexer.LPAREN)) {
      return -1;
    }
    j++;
    if (!is(j, DelugeLexer.RPAREN)) {
      while (true) {
        j = typeName(j);
        if (j < 0 || !name(j)) {
          return -1;
        }
        j++;
        if (is(j, DelugeLexer.RPAREN)) {
          break;
        }
        if (!is(j, DelugeLexer.COMMA)) {
          return -1;
        }
        j++;
      }
    }
    return is(j + 1, DelugeLexer.LBRACE) ? j + 1 : -1;
  }

  /** After a type name ({@code map}, {@code list:string}) starting at {@code j}: the next index, or -1. */
  private int typeName(int j) {
    if (!name(j)) {
      return -1;
    }
    return is(j + 1, DelugeLexer.COLON) && name(j + 2) ? j + 3 : j + 1;
  }

  private Function function(int first, int brace, int close) {
    int j = typeName(first);
    String returnType = text(first, j);
    StringBuilder qualified = new StringBuilder(tokens.get(j).text());
    Tok name = tokens.get(j);
    j++;
    while (is(j, DelugeLexer.DOT)) {
      name = tokens.get(j + 1);
      qualified.append('.').append(name.text());
      j += 2;
    }
    List<Param> params = new ArrayList<>();
    j++;
    while (j < brace - 1) {
      int after = typeName(j);
      params.add(new Param(text(j, after), tokens.get(after)));
      j = after + 2;
    }
    Tok last = tokens.get(Math.min(close, tokens.size() - 1));
    int end = close < tokens.size() ? last.end() : tokens.text.length();
    return new Function(returnType, qualified.toString(), name, List.copyOf(params), tokens.get(first).start(), end);
  }

  private String text(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(tokens.get(k).text());
    }
    return out.toString();
  }

  /** The index of the {@code '}'} closing the brace at {@code open}; past the last token when it is never closed. */
  private int matching(int open) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      Tok t = tokens.get(k);
      if (t.is(DelugeLexer.LBRACE)) {
        depth++;
      } else if (t.is(DelugeLexer.RBRACE) && --depth == 0) {
        return k;
      }
    }
    return tokens.size();
  }

  private int bodyStart(Function f) {
    return f.params().isEmpty() ? f.name().end() : f.params().get(f.params().size() - 1).name().end();
  }

  private boolean name(int j) {
    Tok t = tokens.get(j);
    return t != null && t.isName();
  }

  private boolean is(int j, int type) {
    Tok t = tokens.get(j);
    return t != null && t.is(type);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Questions the features ask

  /** The function whose text holds {@code offset}, or null at the top level. */
  Function frameAt(int offset) {
    for (Function f : functions) {
      if (f.contains(offset)) {
        return f;
      }
    }
    return null;
  }

  Function function(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (Function f : functions) {
      if (f.name().text().toLowerCase(Locale.ROOT).equals(key)) {
        return f;
      }
    }
    return null;
  }

  /** The variable occurrence under the cursor, or null. */
  Occurrence variableAt(int offset) {
    for (Occurrence o : variables) {
      if (offset >= o.tok().start() && offset <= o.tok().end()) {
        return o;
      }
    }
    return null;
  }

  /** Every occurrence of the variable {@code name} in {@code frame}, in source order. */
  List<Occurrence> occurrences(String name, Function frame) {
    return variables.stream().filter(o -> o.frame() == frame && o.name().equals(name)).toList();
  }

  /** The variables defined in the frame at {@code offset} before it, with where each is first defined. */
  Map<String, Occurrence> variablesBefore(int offset) {
    Function frame = frameAt(offset);
    Map<String, Occurrence> out = new LinkedHashMap<>();
    for (Occurrence o : variables) {
      if (o.frame() == frame && o.definition() && o.tok().start() < offset) {
        out.putIfAbsent(o.name(), o);
      }
    }
    return out;
  }

  /** The function called or declared at {@code offset}, or null. */
  Function functionAt(int offset) {
    for (Function f : functions) {
      if (offset >= f.name().start() && offset <= f.name().end()) {
        return f;
      }
    }
    for (Call c : calls) {
      if (offset >= c.name().start() && offset <= c.name().end()) {
        return function(c.name().text());
      }
    }
    return null;
  }

  /** The calls of a user function (by name, without case). */
  List<Tok> callsOf(Function f) {
    String key = f.name().text().toLowerCase(Locale.ROOT);
    return calls.stream().map(Call::name).filter(n -> n.text().toLowerCase(Locale.ROOT).equals(key)).toList();
  }
}
