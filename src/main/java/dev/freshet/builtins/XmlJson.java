package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON (a MAP) as XML, the way Zoho's toXML and executeXPath-on-JSON show it: the object becomes {@code <root>}, each
 * key an element, a list repeats its key's element, a list inside a list becomes {@code <array>} elements, NULL is
 * the text {@code null} and the empty text an empty element. Keys keep the map's order (Zoho's examples show a hash
 * order). Compact: no declaration, no line breaks.
 */
final class XmlJson {
  static final String ROOT = "root";
  private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][-A-Za-z0-9_.]*");

  private final String fn;
  private final boolean strict;
  private final StringBuilder out = new StringBuilder();

  /** {@code strict}: every key must be an XML element name (executeXPath needs XML it can parse). */
  private XmlJson(String fn, boolean strict) {
    this.fn = fn;
    this.strict = strict;
  }

  /** Reads JSON object text (leniently, as toMap does) into a map. */
  static DelugeCollection parseObject(String fn, String text) {
    Object v;
    try {
      v = Json.parse(text);
    } catch (ScriptError e) {
      throw error(fn, "the text is not a JSON object: " + e.getMessage());
    }
    if (v instanceof DelugeCollection c && c.isMap()) {
      return c;
    }
    throw error(fn, "the text is not a JSON object");
  }

  static String toXml(String fn, DelugeCollection map, boolean strict) {
    XmlJson x = new XmlJson(fn, strict);
    x.element(ROOT, map);
    return x.out.toString();
  }

  private void element(String name, Object v) {
    if (v instanceof DelugeCollection c && c.isList()) {
      for (Object item : Args.items(c)) {
        if (item instanceof DelugeCollection inner && inner.isList()) {
          open(name);
          for (Object x : Args.items(inner)) {
            element("array", x);
          }
          close(name);
        } else {
          element(name, item);
        }
      }
      return;
    }
    if (v instanceof DelugeCollection c) {
      open(name);
      for (Map.Entry<Object, Object> e : Args.entries(c).entrySet()) {
        element(key(e.getKey()), e.getValue());
      }
      close(name);
      return;
    }
    String text = v == null ? "null" : Values.toText(v);
    if (text.isEmpty()) {
      out.append('<').append(name).append("/>");
    } else {
      open(name);
      out.append(escape(text));
      close(name);
    }
  }

  private String key(Object k) {
    String name = Values.toText(k);
    if (strict && !XML_NAME.matcher(name).matches()) {
      throw error(fn, "the JSON key \"" + name + "\" cannot be an XML element name");
    }
    return name;
  }

  private void open(String name) {
    out.append('<').append(name).append('>');
  }

  private void close(String name) {
    out.append("</").append(name).append('>');
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
