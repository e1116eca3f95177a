package dev.freshet.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default connection of each product ({@code freshet connections default crm zohocrm}), kept beside the
 * connections as {@code home/defaults.json}: {@code {"format":1,"shared":{"crm":"zohocrm"},"owners":{"ada":{…}}}}.
 * Holds no secret; written owner-only, atomically, under a lock file so two processes setting defaults at once do
 * not lose one another's.
 */
final class DefaultsFile {
  private static final Object JVM_LOCK = new Object();
  private final Path file;
  private final Path lockFile;

  DefaultsFile(Path home) {
    this.file = home.resolve("defaults.json");
    this.lockFile = home.resolve("locks").resolve("defaults.lock");
  }

  /** Product → connection name for {@code owner} (null: the shared defaults), sorted by product. */
  Map<String, String> read(String owner) {
    JsonNode section = tree().path(owner == null ? "shared" : "owners");
    if (owner != null) {
      section = section.path(owner);
    }
    Map<String, String> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }

  /** Sets the product's default connection, or clears it when {@code name} is null. */
  void write(String owner, String product, String name) {
    synchronized (JVM_LOCK) {
      FileConnectionStore.io(lockFile, () -> {
        dev.freshet.files.OwnerOnly.createDirectories(lockFile.getParent());
        try (FileChannel ch = SafeFiles.openPrivate(lockFile)) {
          ch.lock();
          ObjectNode root = tree();
          root.put("format", 1);
          ObjectNode section = root.with(owner == null ? "shared" : "owners");
          if (owner != null) {
            section = section.with(owner);
          }
          if (name == null) {
            section.remove(product);
          } else {
            section.put(product, name);
          }
          SafeFiles.writeAtomically(file, ServiceJson.MAPPER.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(root));
        }
        return null;
      });
    }
  }

  private ObjectNode tree() {
    return FileConnectionStore.io(file, () -> {
      if (!Files.exists(file)) {
        return ServiceJson.MAPPER.createObjectNode();
      }
      try {
        JsonNode n = ServiceJson.MAPPER.readTree(Files.readAllBytes(file));
        return n instanceof ObjectNode o ? o : ServiceJson.MAPPER.createObjectNode();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ConnectionException(ConnectionException.Kind.STORE, file + " is not valid JSON; fix or remove it"
            + " (it holds only the default connection of each product)");
      }
    });
  }
}
