package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.MAP;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Json;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.util.List;
import java.util.Map;

/**
 * JSON text to maps and lists (DECISIONS §8): toMap, toJSONList, getJSON. The reader is lenient like Zoho's
 * (unquoted keys and values, single quotes). Blank text reads as an empty map / list.
 */
final class JsonLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("toMap", "Reads JSON object text into a map (lenient: unquoted keys and values, single quotes)")
        .param("text", TEXT).returns("MAP").impl((env, a) -> toMap((String) a[0]));
    r.fn("toMap", "A map is already a map: returns it unchanged").param("map", MAP).returns("MAP")
        .impl((env, a) -> a[0]);
    r.fn("toJSONList", "Reads JSON array text into a list; objects in it become maps, arrays lists")
        .param("text", TEXT).returns("LIST").impl((env, a) -> toJsonList((String) a[0]));
    r.fn("toJSONList", "A list is already a list: returns it unchanged").param("list", LIST).returns("LIST")
        .impl((env, a) -> a[0]);
    r.fn("getJSON", "The value under a key of JSON object text (an index of JSON array text); null when missing")
        .param("json", TEXT).param("key", ANY).returns("any").impl((env, a) -> {
          String text = (String) a[0];
          return text.isBlank() ? null : lookup(parse("getJSON", text), a[1]);
        });
    r.fn("get", "JSON text (an object or an array, as getUrl returns it) read as the MAP or LIST it holds: the value"
        + " under the key, or the element at the index").param("json", TEXT).param("key", ANY).returns("any")
        .impl((env, a) -> getFromText((String) a[0], a[1]));
    r.fn("getJSON", "The value under a key of the map; null when missing").param("map", MAP).param("key", ANY)
        .returns("any").impl((env, a) -> lookup(a[0], a[1]));
    r.fn("getJSON", "The element at an index of the list; null when out of range").param("list", LIST)
        .param("key", ANY).returns("any").impl((env, a) -> lookup(a[0], a[1]));
  }

  /** {@code text.get(key)}: as {@code get} on the MAP or LIST the JSON text holds (Zoho reads it so). */
  private static Object getFromText(String text, Object key) {
    Object container;
    try {
      container = Json.parse(text);
    } catch (ScriptError e) {
      container = null;
    }
    if (container instanceof DelugeCollection c && c.isMap()) {
      return c.map().get(MapLib.keyIn(c.map(), key));
    }
    if (container instanceof DelugeCollection c && c.isList()) {
      Object index = key instanceof String s ? Args.parseNumber(s) : key;
      if (!(index instanceof Long i)) {
        throw error("get", "the text holds a JSON array, whose index must be a whole NUMBER, got "
            + Args.describe(key));
      }
      return c.list().get(ListLib.index("get", c, i));
    }
    String start = text.strip();
    throw error("get", "needs a MAP, a LIST, or text holding a JSON object or array; the TEXT \""
        + (start.length() > 30 ? start.substring(0, 27) + "..." : start) + "\" is not a JSON object or array");
  }

  static DelugeCollection toMap(String text) {
    if (text.isBlank()) {
      return DelugeCollection.newMap();
    }
    Object v = parse("toMap", text);
    if (v instanceof DelugeCollection c && c.isMap()) {
      return c;
    }
    throw error("toMap", "the text is " + what(v) + ", not a JSON object");
  }

  static DelugeCollection toJsonList(String text) {
    if (text.isBlank()) {
      return DelugeCollection.newList();
    }
    Object v = parse("toJSONList", text);
    if (v instanceof DelugeCollection c && c.isList()) {
      return c;
    }
    throw error("toJSONList", "the text is " + what(v) + ", not a JSON array");
  }

  private static Object parse(String fn, String text) {
    try {
      return Json.parse(text);
    } catch (ScriptError e) {
      throw error(fn, e.getMessage());
    }
  }

  private static String what(Object v) {
    if (v instanceof DelugeCollection c) {
      return c.isList() ? "a JSON array" : "a JSON object";
    }
    return "a single " + Values.typeOf(v) + " value";
  }

  /** A key of a map (also tried as text, since JSON keys are text) or an index of a list. */
  private static Object lookup(Object container, Object key) {
    if (container instanceof DelugeCollection c && c.isMap()) {
      Map<Object, Object> entries = c.map();
      if (entries.containsKey(key)) {
        return entries.get(key);
      }
      return key == null ? null : entries.get(Values.toText(key));
    }
    if (container instanceof DelugeCollection c && c.isList()) {
      List<Object> items = c.list();
      Object index = key instanceof String s ? Args.parseNumber(s) : key;
      if (index instanceof Long i) {
        return i >= 0 && i < items.size() ? items.get((int) (long) i) : null;
      }
      throw error("getJSON", "a JSON array needs a NUMBER index, got " + Args.describe(key));
    }
    if (container instanceof DelugeCollection) {
      return null; // an undecided {} has no keys
    }
    throw error("getJSON", "the text is " + what(container) + ", not a JSON object");
  }
}
