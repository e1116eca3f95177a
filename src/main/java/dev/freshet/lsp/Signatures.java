package dev.freshet.lsp;

import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.Param;
import dev.freshet.lsp.Tokens.Tok;
import dev.freshet.parse.gen.DelugeLexer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * The signature of the call the cursor is in: every form of a built-in (the method form after a {@code .}), or a
 * user function's header, with the argument under the cursor marked.
 */
final class Signatures {
  private final Builtins builtins;

  Signatures(Builtins builtins) {
    this.builtins = builtins;
  }

  SignatureHelp help(Documents.Doc doc, Position position) {
    int offset = doc.lines().offset(position);
    Tokens tokens = doc.tokens();
    int commas = 0;
    int depth = 0;
    int open = -1;
    for (int i = tokens.before(offset); i >= 0 && open < 0; i--) {
      Tok t = tokens.get(i);
      if (t.is(DelugeLexer.RPAREN) || t.is(DelugeLexer.RBRACKET) || t.is(DelugeLexer.RBRACE)) {
        depth++;
      } else if (t.is(DelugeLexer.LPAREN) || t.is(DelugeLexer.LBRACKET) || t.is(DelugeLexer.LBRACE)) {
        if (depth == 0 && !t.is(DelugeLexer.LPAREN)) {
          return null; // in a block, list or task: no call around the cursor
        }
        if (depth-- == 0) {
          open = i;
        }
      } else if (depth == 0 && t.is(DelugeLexer.COMMA)) {
        commas++;
      } else if (depth == 0 && t.is(DelugeLexer.SEMI)) {
        return null;
      }
    }
    Reference ref = open < 0 ? null : Reference.at(tokens, open - 1);
    if (ref == null || (open >= 0 && tokens.get(open).end() > offset)) {
      return null;
    }
    List<SignatureInformation> signatures = new ArrayList<>();
    Outline.Function user = ref.method() ? null : doc.outline().function(ref.functionName());
    if (user != null) {
      List<String> params = user.params().stream().map(p -> p.type() + " " + p.name().text()).toList();
      signatures.add(signature(user.header(), params, "user function"));
    } else {
      for (Builtin b : builtins.overloads(ref.name())) {
        if (ref.method() ? b.method() && !b.params().isEmpty() : b.global()) {
          List<Param> params = ref.method() ? b.params().subList(1, b.params().size()) : b.params();
          String label = ref.method() ? b.methodSignature() : b.signature();
          if (signatures.stream().noneMatch(s -> s.getLabel().equals(label))) {
            signatures.add(signature(label, params.stream().map(Param::name).toList(), b.doc()));
          }
        }
      }
    }
    if (signatures.isEmpty()) {
      return null;
    }
    int active = 0;
    for (int s = 0; s < signatures.size(); s++) {
      if (signatures.get(s).getParameters().size() > commas) {
        active = s;
        break;
      }
    }
    return new SignatureHelp(signatures, active, commas);
  }

  /** A signature whose parameters are marked by their place in the label (a name may appear twice in it). */
  private static SignatureInformation signature(String label, List<String> params, String doc) {
    List<ParameterInformation> infos = new ArrayList<>();
    int from = label.indexOf('(') + 1;
    for (String p : params) {
      int at = label.indexOf(p, from);
      if (at < 0) {
        infos.add(new ParameterInformation(p));
        continue;
      }
      ParameterInformation info = new ParameterInformation();
      info.setLabel(Tuple.two(at, at + p.length()));
      infos.add(info);
      from = at + p.length();
    }
    SignatureInformation info = new SignatureInformation(label);
    info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
    info.setParameters(infos);
    return info;
  }
}
