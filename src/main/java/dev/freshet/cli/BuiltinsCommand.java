package dev.freshet.cli;

import dev.freshet.builtins.BuiltinDocs;
import dev.freshet.builtins.BuiltinRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code freshet builtins [NAME]}: the built-in functions, or one of them in full. */
@Command(name = "builtins", mixinStandardHelpOptions = true,
    description = {"Lists the built-in functions by family, or describes one: its call forms, parameter types,"
        + " return type, description and aliases.",
        "NAME is case-insensitive and may be an alias or a dotted name such as zoho.encryption.base64Encode."})
final class BuiltinsCommand implements Callable<Integer> {
  private final Terminal terminal;

  BuiltinsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A function or system value.")
  String name;

  @Override
  public Integer call() {
    BuiltinRegistry registry = BuiltinRegistry.standard();
    registry.include(new dev.freshet.zoho.ZohoLibrary()); // the zoho.* tasks every engine has
    if (name == null) {
      terminal.out().print(BuiltinDocs.list(registry));
      terminal.out().flush();
      return Main.OK;
    }
    String page = BuiltinDocs.page(registry, name.trim());
    if (page == null) {
      String suggestion = BuiltinDocs.suggest(registry, name.trim());
      terminal.err().println("freshet builtins: no built-in function or system value named '" + name + "'"
          + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
      terminal.err().println("Run 'freshet builtins' to list them all.");
      return Main.USAGE;
    }
    terminal.out().print(page);
    terminal.out().flush();
    return Main.OK;
  }
}
