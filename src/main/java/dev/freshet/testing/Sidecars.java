package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bodies over 256 KiB live beside the cassette, in {@code <test>.files/<seq>-<sha256 prefix>.bin}, as WireMock's
 * {@code __files}: the cassette keeps {@code {"file": …, "sha256": …, "size": n}}, so it stays readable and its diffs
 * small. On reading, each such body becomes again what it was (JSON, text, form or base64), by its content type.
 */
final class Sidecars {
  static final int LIMIT = 256 * 1024;

  private Sidecars() {}

  /**
   * Copies of the interactions with every large body moved out; {@code files} receives each file's name (relative
   * to the cassette's folder) and bytes.
   */
  static List<ObjectNode> extract(List<ObjectNode> interactions, String cassetteName, Map<String, byte[]> files) {
    String folder = folder(cassetteName);
    List<ObjectNode> out = new java.util.ArrayList<>();
    for (int i = 0; i < interactions.size(); i++) {
      ObjectNode copy = interactions.get(i).deepCopy();
      for (String side : List.of("request", "response")) {
        if (copy.get(side) instanceof ObjectNode message && message.get("body") instanceof ObjectNode body
            && !body.has("file")) {
          byte[] bytes = Bodies.decode(body);
          if (bytes.length > LIMIT) {
            String sha = Bodies.sha256(bytes);
            String name = folder + "/" + (i + 1) + "-" + sha.substring(0, 8) + ".bin";
            files.put(name, bytes);
            ObjectNode ref = message.putObject("body");
            ref.put("file", name).put("sha256", sha).put("size", bytes.length);
          }
        }
      }
      out.add(copy);
    }
    return out;
  }

  /** Puts the bodies of {@code {"file": …}} back, read from {@code dir}. */
  static void resolve(List<ObjectNode> interactions, Path dir, String shown) throws Cassette.CassetteException {
    for (ObjectNode interaction : interactions) {
      for (String side : List.of("request", "response")) {
        if (interaction.get(side) instanceof ObjectNode message && message.get("body") instanceof ObjectNode body
            && body.has("file")) {
          message.set("body", read(dir, body, contentType(message), shown));
        }
      }
    }
  }

  private static JsonNode read(Path dir, ObjectNode ref, String contentType, String shown)
      throws Cassette.CassetteException {
    String name = ref.path("file").asText();
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir.normalize()) || name.isEmpty()) {
      throw new Cassette.CassetteException("cassette " + shown + " names the body file \"" + name + "\", outside its"
          + " folder; re-record it with --record=rewrite");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Cassette.CassetteException("cassette " + shown + " names the body file " + name + ", which is"
          + " missing (commit the " + folder(Path.of(shown).getFileName().toString()) + " folder with the cassette),"
          + " or re-record it with --record=rewrite");
    } catch (IOException e) {
      throw new Cassette.CassetteException("cannot read " + name + " of cassette " + shown + ": " + e.getMessage());
    }
    if (!Bodies.sha256(bytes).equals(ref.path("sha256").asText())) {
      throw new Cassette.CassetteException("the body file " + name + " of cassette " + shown + " does not match its"
          + " sha256; re-record it with --record=rewrite");
    }
    return Bodies.encode(bytes, contentType);
  }

  private static String contentType(ObjectNode message) {
    for (Map.Entry<String, JsonNode> h : (Iterable<Map.Entry<String, JsonNode>>) message.path("headers")::fields) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        return h.getValue().isArray() ? h.getValue().path(0).asText() : h.getValue().asText();
      }
    }
    return null;
  }

  /** {@code test_x.json} → {@code test_x.files}. */
  static String folder(String cassetteName) {
    return (cassetteName.endsWith(".json") ? cassetteName.substring(0, cassetteName.length() - 5) : cassetteName)
        + ".files";
  }

  /** Writes the files, then (after the cassette) removes the ones in its folder no longer named. */
  static void write(Path dir, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), f.getValue())) {
        CassetteFile.write(p, f.getValue(), () -> {});
      }
    }
  }

  static void prune(Path dir, String cassetteName, Map<String, byte[]> kept) throws IOException {
    Path folder = dir.resolve(folder(cassetteName));
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path f : s.toList()) {
        if (f.getFileName().toString().endsWith(".bin")
            && !kept.containsKey(folder(cassetteName) + "/" + f.getFileName())) {
          Files.deleteIfExists(f);
        }
      }
    }
    try (Stream<Path> s = Files.list(folder)) {
      if (s.findAny().isEmpty()) {
        Files.delete(folder);
      }
    }
  }

  static Map<String, byte[]> none() {
    return new LinkedHashMap<>();
  }
}
