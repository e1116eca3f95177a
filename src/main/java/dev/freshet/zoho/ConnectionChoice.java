package dev.freshet.zoho;

import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionSummary;
import dev.freshet.runtime.ScriptError;
import java.util.List;

/**
 * Which connection a task uses: the one the script names as its last argument (as in Zoho); else the product's
 * default ({@code freshet connections default crm NAME}); else the one connection of the built-in {@code zoho}
 * service, when there is exactly one. Otherwise the run stops with an error that names the product and the fix.
 */
final class ConnectionChoice {
  private ConnectionChoice() {}

  static String choose(String task, Product product, String given, ConnectionRegistry registry) {
    if (given != null) {
      return given;
    }
    String byDefault = registry.defaults().get(product.key());
    if (byDefault != null) {
      return byDefault;
    }
    List<String> zoho = registry.list().stream().filter(s -> s.service().id().equals("zoho"))
        .map(ConnectionSummary::name).toList();
    if (zoho.size() == 1) {
      return zoho.get(0);
    }
    throw new ScriptError(task + ": no connection for " + product.key() + ": pass one as the last argument, or set"
        + " a default with: freshet connections default " + product.key() + " NAME"
        + (zoho.isEmpty() ? " (add one first with: freshet connections add NAME --service zoho …)"
        : " (zoho connections: " + String.join(", ", zoho) + ")"));
  }
}
