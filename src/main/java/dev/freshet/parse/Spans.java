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
    return between(ctx.getStart(), ctx.getStop());
  }

  /** From the start of one token to the end of another (the first alone when there is no second). */
  static Span between(Token start, Token stop) {
    stop = stop == null ? start : stop;
    return new Span(start.getLine(), start.getCharPositionInLine() + 1, start.getStartIndex(),
        Math.max(stop.getStopIndex() + 1, start.getStartIndex()));
  }
}
