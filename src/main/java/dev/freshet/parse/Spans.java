package dev.freshet.parse;

import dev.freshet.source.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans from ANTLR tokens and contexts (columns 1-based). */
final class Spans {
  private Spans() {}

  static Span of(Token t) {
    return new Span(t.getLine(), t.getCharPositionInLine() + 1, t.getStartIndex(), t.getStopIndex() + 1);
  }

  static Span of(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    return new Span(start.getLine(), start.getCharPositionInLine() + 1, start.getStartIndex(),
        Math.max(stop.getStopIndex() + 1, start.getStartIndex()));
  }
}
