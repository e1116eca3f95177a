package dev.freshet.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML handling for mail: telling whether a message is HTML, and the plain-text alternative sent beside an
 * HTML body (mail clients without HTML and spam filters read it).
 */
final class HtmlText {
  private HtmlText() {}

  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(\\s[^<>]*)?/?>");
  private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern BLOCK_END = Pattern.compile(
      "(?i)</?(p|div|h[1-6]|tr|table|ul|ol|blockquote|pre|hr|section|article|header|footer)\\b[^>]*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
      "nbsp", " ", "copy", "\u00a9", "reg", "\u00ae", "hellip", "\u2026", "mdash", "\u2014");

  /** True when the text contains an HTML tag such as {@code <p>}, {@code <br/>} or {@code </b>}. */
  static boolean looksLikeHtml(String text) {
    return TAG.matcher(text).find();
  }

  /** The readable text of an HTML body: tags dropped, blocks and {@code <br>} as line breaks, entities decoded. */
  static String toPlain(String html) {
    String s = COMMENT.matcher(html).replaceAll("");
    s = INVISIBLE.matcher(s).replaceAll("");
    s = s.replaceAll("\\s+", " "); // HTML source line breaks are plain spaces
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = BLOCK_END.matcher(s).replaceAll("\n\n");
    s = LIST_ITEM.matcher(s).replaceAll("\n- ");
    s = TAG.matcher(s).replaceAll("");
    s = decode(s);
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : s.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(t);
      blank = 0;
    }
    return out.toString();
  }

  private static String decode(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      try {
        value = name.startsWith("#x") || name.startsWith("#X")
            ? Character.toString(Integer.parseInt(name.substring(2), 16))
            : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1)))
            : NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      } catch (IllegalArgumentException e) { // out of range code point: keep it as written
        value = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().replace('\u00a0', ' '); // a literal no-break space too
  }
}
