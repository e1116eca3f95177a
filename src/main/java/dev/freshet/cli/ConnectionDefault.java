package dev.freshet.cli;

import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionSummary;
import dev.freshet.zoho.Product;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freshet connections default [PRODUCT [NAME]]}: the connection a {@code zoho.*} task of a product uses when
 * the script names none, kept in {@code $FRESHET_HOME/defaults.json}.
 */
@Command(name = "default", mixinStandardHelpOptions = true,
    description = {"Show or set the connection zoho.* tasks use when a script names none.",
        "With no arguments, lists each product (crm, books, creator, inventory, desk, cliq) and the connection it"
            + " uses; with PRODUCT NAME, makes NAME that product's default."})
final class ConnectionDefault extends ConnectionsCommand.Sub {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PRODUCT", description = "crm, books, creator, inventory,"
      + " desk or cliq.")
  String product;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The connection.")
  String name;

  @Option(names = "--unset", description = "Remove PRODUCT's default.")
  boolean unset;

  ConnectionDefault(Terminal terminal) {
    super(terminal);
  }

  @Override
  int act() {
    ConnectionRegistry registry = registry();
    if (product == null) {
      list(registry);
      return Main.OK;
    }
    Product p = Product.of(product);
    if (p == null) {
      throw new IllegalArgumentException("unknown product \"" + product + "\"; use one of "
          + String.join(", ", java.util.Arrays.stream(Product.values()).map(Product::key).toList()));
    }
    if (unset == (name != null)) {
      throw new IllegalArgumentException(unset ? "give either NAME or --unset, not both"
          : "give the connection: freshet connections default " + p.key() + " NAME (or --unset)");
    }
    registry.setDefault(p.key(), name);
    terminal.out().println(name == null ? "zoho." + p.key() + ".* tasks have no default connection now."
        : "zoho." + p.key() + ".* tasks use \"" + name + "\" when a script names no connection.");
    return Main.OK;
  }

  private void list(ConnectionRegistry registry) {
    Map<String, String> defaults = registry.defaults();
    List<String> zoho = registry.list().stream().filter(s -> s.service().id().equals("zoho"))
        .map(ConnectionSummary::name).toList();
    for (Product p : Product.values()) {
      String set = defaults.get(p.key());
      String shown = set != null ? set : zoho.size() == 1 ? zoho.get(0) + " (the only zoho connection)"
          : "none (set one with: freshet connections default " + p.key() + " NAME)";
      terminal.out().printf("%-10s %s%n", p.key(), shown);
    }
  }
}
