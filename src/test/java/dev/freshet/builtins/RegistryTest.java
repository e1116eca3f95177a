package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standard registry as a whole: documented names exist, docs are one line, overloads do not shadow. */
class RegistryTest {
  private static final BuiltinRegistry R = Fixture.REGISTRY;

  /** Names from Zoho's function index pages (DELUGE-FACTS §5) that Freshet implements. */
  private static final List<String> DOCUMENTED = List.of(
      // text
      "concat", "contains", "notContains", "containsIgnoreCase", "isEmpty", "getAlpha", "getAlphaNumeric",
      "removeAllAlpha", "removeAllAlphaNumeric", "getOccurenceCount", "getPrefix", "getPrefixIgnoreCase",
      "getSuffix", "getSuffixIgnoreCase", "startsWith", "startsWithIgnoreCase", "endsWith", "endsWithIgnoreCase",
      "equalsIgnoreCase", "indexOf", "find", "lastIndexOf", "toList", "toListString", "toMap", "toJSONList",
      "toLong", "toNumber", "toDecimal", "toString", "toText", "toDate", "toTime", "toLowerCase", "toUpperCase",
      "left", "right", "mid", "subString", "substring", "subText", "leftpad", "rightpad", "len", "length",
      "isAscii", "trim", "ltrim", "rtrim", "matches", "proper", "hexToText", "textToHex", "repeat", "remove",
      "removeFirstOccurence", "removeLastOccurence", "replaceAll", "replaceAllIgnoreCase", "replaceFirst",
      "replaceFirstIgnoreCase", "reverse", "executeXPath", "toXmlList", "getJSON", "text",
      // number
      "abs", "ceil", "floor", "round", "sqrt", "power", "exp", "log", "sin", "cos", "tan", "min", "max", "isEven",
      "isOdd", "toHex", "randomNumber", "average", "largest", "smallest", "median", "nthLargest", "nthSmallest",
      "truncate",
      // list
      "add", "addAll", "clear", "distinct", "get", "intersect", "removeAll", "removeElement", "size", "sort",
      "subList",
      // map
      "put", "putAll", "keys", "containKey", "containValue",
      // collection
      "containsKey", "containsValue", "delete", "deleteAll", "deleteKey", "deleteKeys", "duplicate", "getKey",
      "getLastKey", "insert", "insertAll", "sortKey", "update", "values",
      // date-time
      "addBusinessDay", "subBusinessDay", "addDay", "addHour", "addMinutes", "addMonth", "addSeconds", "addWeek",
      "addYear", "day", "days360", "edate", "eomonth", "getDay", "getDayOfYear", "getHour", "getMinutes",
      "getMonth", "getSeconds", "getWeekOfYear", "getYear", "hour", "minute", "month", "second", "subDay",
      "subHour", "subMinutes", "subMonth", "subSeconds", "subWeek", "subYear", "toStartOfMonth", "toStartOfWeek",
      "unixEpoch", "weekday", "getDayOfWeek", "workday", "hoursBetween", "monthsBetween", "yearsBetween",
      "isDate", "daysBetween", "nextWeekDay", "previousWeekDay", "toDateTimeString", "totalMonth", "totalYear",
      "totalMonths", "totalYears", "monthsDiff", "getDate", "getDateTime", "toDateTime",
      "getFileName", "getFileSize", "getFileType", "getFileContent", "toFile", "setCharset", "setFileType",
      "compress", "extract",
      "getUrl", "postUrl", "putUrl", "patchUrl", "deleteUrl",
      // common / encoding
      "isNull", "isBlank", "isNumber", "isText", "isFile", "encodeUrl", "zoho.encryption.urlEncode",
      "zoho.encryption.urlDecode", "zoho.encryption.base64Encode", "zoho.encryption.base64Decode",
      "zoho.encryption.aesEncode", "zoho.encryption.aesDecode", "zoho.encryption.hmacsha1",
      "zoho.encryption.hmacsha256", "zoho.encryption.hmacsha512", "zoho.encryption.md5", "zoho.encryption.sha1",
      "zoho.encryption.sha256");

  @Test
  void everyDocumentedNameIsRegistered() {
    List<String> missing = new ArrayList<>();
    for (String name : DOCUMENTED) {
      if (R.lookup(name).isEmpty()) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void systemValuesExist() {
    for (String name : List.of("now", "today", "zoho.currenttime", "zoho.currentdate", "ZOHO.CurrentTime")) {
      assertNotNull(R.systemValue(name), name);
    }
  }

  @Test
  void everyOverloadHasAOneLineDocAndADistinctReceiver() {
    for (List<Builtin> overloads : R.allFunctions()) {
      Set<String> receivers = new HashSet<>();
      for (Builtin b : overloads) {
        assertFalse(b.doc().isBlank(), b.name());
        assertFalse(b.doc().contains("\n"), b.name());
        assertFalse(b.doc().endsWith("."), b.name() + " doc ends with a full stop");
        String receiver = b.params().isEmpty() ? "" : b.params().get(0).type().name();
        // overloads differ by receiver, or by how many arguments they take (map.put(k, v) and map.put(otherMap))
        assertTrue(receivers.add(receiver + (b.method() ? "m" : "") + (b.global() ? "g" : "") + b.minArgs() + "-"
            + b.maxArgs()), b.name() + " has two overloads for " + receiver);
      }
    }
  }

  @Test
  void dottedNamesAreGlobalOnly() {
    for (List<Builtin> overloads : R.allFunctions()) {
      for (Builtin b : overloads) {
        if (b.name().contains(".")) {
          assertFalse(b.method(), b.name());
        }
      }
    }
  }

  @Test
  void receiverTypePicksTheOverload() {
    Fixture.prints("ac", Fixture.on("abc", "remove", "b"));
    Fixture.prints("b", Fixture.on(Fixture.list("a", "b"), "remove", 1L));
    Fixture.prints("1", Fixture.on(Fixture.map("k", 1), "remove", "k"));
    Fixture.prints("true", Fixture.on(Fixture.list("a"), "contains", "a"));
    Fixture.prints("a", Fixture.on(Fixture.list("a"), "get", 0L));
    Fixture.prints("1", Fixture.on(Fixture.map("a", 1), "get", "a"));
    Fixture.prints("1", Fixture.on(5L, "length")); // no overload takes a NUMBER: TEXT's, on its text
    Fixture.fails("length() cannot be called on LIST; it applies to TEXT", () -> Fixture.on(Fixture.list("a"), "length"));
    Fixture.fails("subString does not take 0 arguments", () -> Fixture.on("abc", "subString"));
  }

  /** A method form reads as it is called: the receiver before the dot, optional parameters without a stray comma. */
  @Test
  void methodSignaturesHaveNoStrayComma() {
    assertTrue(R.lookup("toString").stream().map(Builtin::methodSignature)
        .anyMatch("value.toString([pattern[, timeZone]])"::equals), () -> R.lookup("toString").toString());
    for (String name : DOCUMENTED) {
      for (Builtin b : R.lookup(name)) {
        assertFalse(b.methodSignature().contains("([, "), b.methodSignature());
      }
    }
  }
}
