package dev.freshet.api;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.http.HttpOptions;
import dev.freshet.http.HttpTransport;
import dev.freshet.http.JdkHttpTransport;
import dev.freshet.interp.Run;
import dev.freshet.mail.MailSender;
import dev.freshet.parse.ParseCache;
import dev.freshet.runtime.Limits;
import dev.freshet.source.Diagnostic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The entry point for hosts: configure once with {@link #builder()}, then {@link #compile} scripts and run them.
 * An engine is immutable and thread-safe: create one per configuration and share it; every {@link Script} it
 * compiles may run on many threads at once.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().zone(ZoneId.of("Asia/Kolkata")).build();
 * Script script = engine.compile("greet.dg", "return \"Hello, \" + name + \"!\";");
 * script.run(Map.of("name", "Ada")).asJava();   // "Hello, Ada!"
 * }</pre>
 */
public final class Engine {
  final Consumer<String> output;
  private final ZoneId givenZone;
  private volatile ZoneId zone;
  final Clock clock;
  final Long seed;
  final Limits limits;
  /** The compiled tier's policy (Run#compileAfter): calls before a function is compiled; -1 never. */
  final int compileAfter;
  /** The built-in registry once made (see {@link #registry()}); until then, {@code building} makes it. */
  private volatile BuiltinRegistry registry;
  private final RegistryBuild building;
  final HttpOptions httpOptions;
  final AllowedHosts allowedHosts;
  final MailSender mail;
  final String user;
  /** Made on first use: a script that names no connection never opens the store. */
  private final Supplier<ConnectionRegistry> connections;
  /** Null when parsed scripts are not kept. */
  final ParseCache parseCache;
  final Consumer<String> notices;
  private final HttpTransport givenTransport;
  private volatile HttpTransport transport;

  private Engine(Builder b) {
    this.output = b.output != null ? b.output : new Println(System.out); // not System.out::println: see Main.main
    this.givenZone = b.zone;
    this.clock = b.clock;
    this.seed = b.seed;
    this.limits = b.limits;
    this.compileAfter = b.compileAfter;
    this.httpOptions = b.httpOptions;
    this.allowedHosts = b.allowedHosts;
    this.mail = b.mail;
    this.user = b.user;
    this.connections = b.connections == null ? null : memo(b.connections);
    this.givenTransport = b.transport;
    this.parseCache = b.parseCache;
    this.notices = b.notices != null ? b.notices : new Println(System.err);
    HostLibrary host = new HostLibrary(b.functions, b.user);
    if (b.functions.isEmpty()) {
      this.building = RegistryBuild.start(host);
    } else {
      this.building = null;
      this.registry = RegistryBuild.make(host); // a name clash fails build() itself
    }
  }

  /** A line to a stream; a class, not a method reference, so that an embedding host's start links no lambda. */
  private static final class Println implements Consumer<String> {
    private final java.io.PrintStream stream;

    Println(java.io.PrintStream stream) {
      this.stream = stream;
    }

    @Override
    public void accept(String line) {
      stream.println(line);
    }
  }

  /** This engine's own copy of the standard library plus the host's functions and values. */
  BuiltinRegistry registry() {
    BuiltinRegistry r = registry;
    if (r == null) {
      r = building.await();
      registry = r;
    }
    return r;
  }

  /** The engine's zone: the one given, or else the system's, looked up on first use. */
  ZoneId zone() {
    ZoneId z = zone;
    if (z == null) {
      z = givenZone != null ? givenZone : ZoneId.systemDefault();
      zone = z;
    }
    return z;
  }

  /** Starts configuring an engine; every option has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses and checks a script once. A name the top-level statements read without assigning it first is a <em>free
   * variable</em> ({@link Script#freeVariables()}): each run takes its value from the bindings, and a run without it
   * fails. Every other problem (a syntax error, an unknown function, a wrong argument count, a variable undefined
   * inside a function) is a {@link CompileException}.
   *
   * @param name the script's name in messages, e.g. {@code discount.dg}
   * @param text the Deluge source
   * @throws CompileException listing every problem found
   */
  public Script compile(String name, String text) {
    return Script.compile(this, name, text, List.of(), false);
  }

  /**
   * Parses and checks a script whose variables are declared up front, as {@code freshet run} and {@code freshet
   * check} do: only these names may be read without being assigned, any other is an error ("variable 'x' is not
   * defined; did you mean …"). A declared variable missing from a run's bindings is NULL.
   *
   * @throws CompileException listing every problem found
   */
  public Script compile(String name, String text, String... variables) {
    return Script.compile(this, name, text, List.of(variables), true);
  }

  /**
   * Checks a script as Zoho does when it is saved (and as {@code freshet check} does): every variable must be
   * assigned before it is read. Nothing runs.
   *
   * @return warnings: forms that run but deserve a second look, such as {@code if (a = b)} (empty when none)
   * @throws CompileException listing every problem found
   */
  public List<Diagnostic> check(String name, String text) {
    return Script.check(this, name, text, false);
  }

  /**
   * Parses only; reports syntax errors (for function bodies whose arguments are free variables).
   *
   * @return warnings, as {@link #check} returns them
   */
  public List<Diagnostic> checkSyntax(String name, String text) {
    return Script.check(this, name, text, true);
  }

  /** A new execution state: its own limit counters, random source and {@code info} destination. */
  Run newRun(Consumer<String> out) {
    return new Run(out, new EngineEnv(this), limits).compileAfter(compileAfter);
  }

  /** The connection registry, opened on first use; null when the engine has none. */
  ConnectionRegistry connections() {
    return connections == null ? null : connections.get();
  }

  private static <T> Supplier<T> memo(Supplier<T> make) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = Objects.requireNonNull(make.get(), "the connection registry supplier returned null");
        }
        return value;
      }
    };
  }

  /** The transport, created on first use: scripts that never call invokeurl never start an HTTP client. */
  HttpTransport transport() {
    HttpTransport t = transport;
    if (t == null) {
      synchronized (this) {
        t = transport;
        if (t == null) {
          t = allowedHosts.guard(givenTransport != null ? givenTransport
              : new JdkHttpTransport(httpOptions.connectTimeout()));
          transport = t;
        }
      }
    }
    return t;
  }

  /**
   * Options for an {@link Engine}. A builder is not thread-safe; the engine it builds is. Each method returns the
   * builder, and {@link #build()} may be called more than once.
   */
  public static final class Builder {
    /** Null: standard output. */
    private Consumer<String> output;
    /** Null: the system's zone, looked up when a script first needs it (reading the zone rules takes a while). */
    private ZoneId zone;
    private Clock clock;
    private Long seed;
    private Limits limits = Limits.DEFAULT;
    private int compileAfter = Run.defaultCompileAfter();
    private HttpOptions httpOptions = HttpOptions.DEFAULT;
    private HttpTransport transport;
    private AllowedHosts allowedHosts = AllowedHosts.ANY;
    private final List<HostLibrary.Function> functions = new ArrayList<>();
    private MailSender mail;
    private String user = "freshet@localhost";
    private Supplier<ConnectionRegistry> connections;
    private ParseCache parseCache;
    private Consumer<String> notices;

    private Builder() {}

    /**
     * Where each {@code info} line goes (default: standard output). Called on the thread running the script, so it
     * must be thread-safe when scripts run concurrently; {@link Script#run(java.util.Map, Consumer)} sends one
     * run's lines elsewhere.
     */
    public Builder output(Consumer<String> output) {
      this.output = Objects.requireNonNull(output);
      return this;
    }

    /** The engine's time zone for {@code now}, {@code today}, date conversions and java.time bindings. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone);
      return this;
    }

    /** A fixed or custom clock (tests); default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Seeds {@code randomNumber}: every run starts from the same sequence. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Whether hot user functions are compiled to JVM bytecode (default: on; docs/performance.md, "The compiled tier").
     * Off, every function runs in the tree-walker. Results, errors and statement counts are the same either way.
     */
    public Builder compile(boolean on) {
      this.compileAfter = on ? (compileAfter < 0 ? Run.defaultCompileAfter() : compileAfter) : -1;
      return this;
    }

    /**
     * Compiles a user function after {@code calls} calls (0: at its first call, as the tests that force the compiled
     * tier do). The default is 1,000, or the system property {@code freshet.compile} ({@code off}, {@code eager} or a
     * number).
     */
    public Builder compileAfter(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("compileAfter takes a number of calls, 0 or more");
      }
      this.compileAfter = calls;
      return this;
    }

    /** All execution limits at once (default {@link Limits#DEFAULT}: Zoho CRM's 200000 statements, 75, 60 s). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    /** The most statements one run may execute. */
    public Builder maxStatements(long statements) {
      return limits(new Limits(statements, limits.maxDepth(), limits.timeout(), limits.maxApiCalls()));
    }

    /** The deepest nesting of user-function calls. */
    public Builder maxDepth(int calls) {
      return limits(new Limits(limits.maxStatements(), calls, limits.timeout(), limits.maxApiCalls()));
    }

    /** The longest one run may take, measured on the wall clock. */
    public Builder timeout(Duration timeout) {
      return limits(new Limits(limits.maxStatements(), limits.maxDepth(), Objects.requireNonNull(timeout),
          limits.maxApiCalls()));
    }

    /**
     * The most Zoho API calls one run's {@code zoho.*} tasks may make (default 1000). Each task that gets an answer is
     * one call, as Zoho counts them; the next one stops the run with a {@link LimitExceededException}.
     */
    public Builder maxApiCalls(long calls) {
      return limits(new Limits(limits.maxStatements(), limits.maxDepth(), limits.timeout(), calls));
    }

    /**
     * Where the engine tells the person running a script something they should know that is not the script's output
     * (default: standard error): that a connection added with {@code --rewrite-zoho-hosts} moved a URL.
     */
    public Builder notices(Consumer<String> notices) {
      this.notices = Objects.requireNonNull(notices);
      return this;
    }

    /** invokeurl limits (timeouts, body cap, redirects) and an optional request log. */
    public Builder http(HttpOptions options) {
      this.httpOptions = Objects.requireNonNull(options);
      return this;
    }

    /** Sends invokeurl requests through this transport instead of the JDK client (tests, proxies, sandboxes). */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport);
      return this;
    }

    /**
     * Lets {@code invokeurl} reach only these hosts: exact names ({@code api.example.com}) or every subdomain of a
     * name ({@code *.zoho.com}), compared without case; redirects are held to the same list. No hosts at all denies
     * every request. A request to another host fails before anything is sent, with a runtime error naming the host.
     */
    public Builder allowedHosts(String... hosts) {
      return allowedHosts(Arrays.asList(hosts));
    }

    /** As {@link #allowedHosts(String...)}. */
    public Builder allowedHosts(Collection<String> hosts) {
      this.allowedHosts = AllowedHosts.of(List.copyOf(hosts));
      return this;
    }

    /** Lets {@code invokeurl} reach any host (the default, and what the CLI does). */
    public Builder allowAnyHost() {
      this.allowedHosts = AllowedHosts.ANY;
      return this;
    }

    /**
     * Adds a function scripts can call like a built-in, e.g. {@code sendSms} or {@code zoho.crm.getRecordById}.
     *
     * @param name a name, or dotted name, that no built-in has
     * @param parameters the parameter names in order, for docs and argument-count errors; write an optional trailing
     *     parameter as {@code "[name]"}
     * @param doc one line saying what it does (shown by {@code freshet builtins})
     * @param body the code; see {@link HostFunction} for argument and result conversion
     * @throws IllegalArgumentException for a malformed name or parameter list, or a name added twice
     */
    public Builder function(String name, List<String> parameters, String doc, HostFunction body) {
      HostLibrary.Function f = new HostLibrary.Function(name, parameters, doc, Objects.requireNonNull(body));
      if (functions.stream().anyMatch(g -> g.name().equalsIgnoreCase(name))) {
        throw new IllegalArgumentException("host function " + name + " is added twice");
      }
      functions.add(f);
      return this;
    }

    /**
     * The connections {@code invokeurl [ connection: "name" ]} may use: their credentials are attached, kept fresh,
     * and sent only to the hosts each service allows. Without a registry, a script that names a connection fails
     * clearly. For one owner's connections (a user or tenant), pass {@code registry.forOwner(id)}.
     */
    public Builder connections(ConnectionRegistry registry) {
      Objects.requireNonNull(registry);
      this.connections = () -> registry;
      return this;
    }

    /** As {@link #connections(ConnectionRegistry)}, opened only when a script first names a connection. */
    public Builder connections(Supplier<ConnectionRegistry> registry) {
      this.connections = Objects.requireNonNull(registry);
      return this;
    }

    /** Where {@code sendmail} messages go. Without one, a script that reaches {@code sendmail} fails clearly. */
    public Builder mail(MailSender sender) {
      this.mail = Objects.requireNonNull(sender);
      return this;
    }

    /**
     * Keeps the parsed form of every script compiled in {@code directory} (created 0700 when first needed, entries
     * 0600: they hold the script's text), so that compiling an unchanged text again, in this process or a later one,
     * skips the parser: most of a short script's start-up on a fresh JVM. Entries are checked against the text and
     * this Freshet build before use; a folder that cannot be written only means parsing every time. Off unless set.
     */
    public Builder cacheParsedScripts(Path directory) {
      this.parseCache = ParseCache.in(Objects.requireNonNull(directory));
      return this;
    }

    /**
     * The user the script runs as: {@code zoho.loginuserid} and {@code zoho.adminuserid} give this address,
     * {@code zoho.loginuser} and {@code zoho.adminuser} the part before the {@code @} (default
     * {@code freshet@localhost}).
     */
    public Builder user(String email) {
      if (email == null || email.isBlank()) {
        throw new IllegalArgumentException("the user is an email address such as ada@example.com");
      }
      this.user = email.trim();
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalArgumentException when a host function's name is already a built-in's
     */
    public Engine build() {
      return new Engine(this);
    }
  }
}
