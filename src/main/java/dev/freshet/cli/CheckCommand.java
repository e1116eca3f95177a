package dev.freshet.cli;

import dev.freshet.api.CompileException;
import dev.freshet.api.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freshet check}: parse and check without running. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Parses and checks scripts without running them; prints every error and a summary.")
final class CheckCommand implements Callable<Integer> {
  private final Terminal terminal;

  CheckCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Deluge scripts (.dg) to check.")
  List<Path> files;

  @Option(names = "--syntax-only", description = "Stop after parsing (for function bodies copied out of Zoho whose"
      + " arguments are free variables).")
  boolean syntaxOnly;

  @Override
  public Integer call() {
    Engine engine = Engine.builder().build();
    int errors = 0;
    int warnings = 0;
    int unreadable = 0;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(terminal.resolve(file.toString()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        terminal.err().println("freshet check: cannot read " + file
            + (e instanceof java.nio.file.NoSuchFileException ? ": no such file" : ": " + e.getMessage()));
        unreadable++;
        continue;
      }
      try {
        List<dev.freshet.source.Diagnostic> found = syntaxOnly ? engine.checkSyntax(file.toString(), text)
            : engine.check(file.toString(), text);
        for (var warning : found) {
          terminal.err().print(warning.render());
        }
        warnings += found.size();
      } catch (CompileException e) {
        terminal.err().print(e.render());
        errors += e.diagnostics().size();
      }
    }
    int n = files.size() - unreadable;
    terminal.out().println("checked " + n + " file" + (n == 1 ? "" : "s") + ": "
        + (errors == 0 ? "no errors" : errors + " error" + (errors == 1 ? "" : "s"))
        + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"))
        + (unreadable == 0 ? "" : " (" + unreadable + " file" + (unreadable == 1 ? "" : "s") + " could not be read)"));
    return unreadable > 0 ? Main.USAGE : errors > 0 ? Main.COMPILE_ERROR : Main.OK;
  }
}
