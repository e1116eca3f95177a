package dev.freshet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the cassettes: numbers kept exact, two-space indent, LF line ends. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Null when the text is not JSON. */
  static JsonNode parse(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      return n == null || n.isMissingNode() ? null : n;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static String compact(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The canonical cassette text: two-space indent, LF, a final newline. */
  static String pretty(JsonNode n) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces every text value of the node (not its keys), at any depth, in place. */
  static void mapTexts(JsonNode node, java.util.function.UnaryOperator<String> f) {
    if (node instanceof ObjectNode o) {
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(f.apply(e.getValue().asText())));
        } else {
          mapTexts(e.getValue(), f);
        }
      }
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, com.fasterxml.jackson.databind.node.TextNode.valueOf(f.apply(a.get(i).asText())));
        } else {
          mapTexts(a.get(i), f);
        }
      }
    }
  }
}
