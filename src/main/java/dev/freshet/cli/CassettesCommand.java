package dev.freshet.cli;

import dev.freshet.testing.Cassettes;
import dev.freshet.testing.Project;
import dev.freshet.testing.TestConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code freshet cassettes list|scan}: housekeeping of the cassettes {@code freshet test} records (docs/testing.md). */
@Command(name = "cassettes", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Lists the project's cassettes (tests/cassettes) or scans them for secrets.",
    subcommands = {CassettesCommand.ListAll.class, CassettesCommand.Scan.class})
final class CassettesCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Main.OK;
  }

  /** Runs {@code action} on the project's cassettes; a freshet.json that cannot be used is a usage error. */
  static int withCassettes(Terminal terminal, java.util.function.ToIntFunction<Cassettes> action) {
    Cassettes all;
    try {
      all = new Cassettes(Project.at(terminal.directory(), List.of()), TestConfig.read(terminal.directory()));
    } catch (IllegalArgumentException e) {
      terminal.err().println("freshet cassettes: " + e.getMessage());
      return Main.USAGE;
    }
    return action.applyAsInt(all);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the cassettes: path, when recorded, calls; --stale / --unused keep only those.")
  static final class ListAll implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "--stale", description = "Only cassettes older than their max age (// @max-age, test.max_age).")
    boolean stale;

    @Option(names = "--unused", description = "Only cassettes that no test uses (renamed or removed tests).")
    boolean unused;

    ListAll(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      return withCassettes(terminal, all -> {
        all.list().stream().filter(e -> (!stale || e.stale()) && (!unused || e.unused()))
            .forEach(e -> terminal.out().println(e));
        return Main.OK;
      });
    }
  }

  @Command(name = "scan", mixinStandardHelpOptions = true,
      description = "Scan the cassettes for secrets that are not redacted; exit 1 on a leak (for a pre-commit hook).",
      footer = {"", "Exit codes:", "  0  no leak (warnings allowed)", "  1  a secret is not redacted",
          "  64 bad usage"})
  static final class Scan implements Callable<Integer> {
    private final Terminal terminal;

    Scan(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      return withCassettes(terminal, all -> {
        Cassettes.Scan scan = all.scan(terminal.env()::get);
        scan.findings().forEach(terminal.out()::println);
        int leaks = scan.leaks();
        terminal.out().println(all.size() + " cassette" + (all.size() == 1 ? "" : "s") + " scanned: "
            + (leaks == 0 ? "no secret found" : leaks + " leak" + (leaks == 1 ? "" : "s")));
        return leaks > 0 ? TestCommand.FAILED : Main.OK;
      });
    }
  }
}
