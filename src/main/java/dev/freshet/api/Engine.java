package dev.freshet.api;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.http.HttpOptions;
import dev.freshet.http.HttpTransport;
import dev.freshet.http.JdkHttpTransport;
import dev.freshet.runtime.Limits;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entry point for hosts: configure once with {@link #builder()}, then {@link #compile} scripts and run them.
 * An engine is immutable and may be shared between threads.
 */
public final class Engine {
  final Consumer<String> output;
  final ZoneId zone;
  final Clock clock;
  final Long seed;
  final Limits limits;
  final BuiltinRegistry registry;
  final HttpOptions httpOptions;
  private final HttpTransport givenTransport;
  private volatile HttpTransport transport;

  private Engine(Builder b) {
    this.output = b.output;
    this.zone = b.zone;
    this.clock = b.clock;
    this.seed = b.seed;
    this.limits = b.limits;
    this.registry = BuiltinRegistry.standard();
    this.httpOptions = b.httpOptions;
    this.givenTransport = b.transport;
  }

  /** The transport, created on first use: scripts that never call invokeurl never start an HTTP client. */
  HttpTransport transport() {
    HttpTransport t = transport;
    if (t == null) {
      synchronized (this) {
        t = transport;
        if (t == null) {
          t = givenTransport != null ? givenTransport : new JdkHttpTransport(httpOptions.connectTimeout());
          transport = t;
        }
      }
    }
    return t;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses and checks a script. {@code variables} names the bindings that will be supplied to
   * {@link Script#run(java.util.Map)}, so the checker treats them as defined.
   *
   * @throws CompileException listing every problem found
   */
  public Script compile(String name, String text, String... variables) {
    return Script.compile(this, name, text, java.util.List.of(variables));
  }

  /** Parses only; reports syntax errors (for function bodies whose arguments are free variables). */
  public void checkSyntax(String name, String text) {
    Script.parseOnly(name, text);
  }

  /** Options for an {@link Engine}. */
  public static final class Builder {
    private Consumer<String> output = System.out::println;
    private ZoneId zone = ZoneId.systemDefault();
    private Clock clock;
    private Long seed;
    private Limits limits = Limits.DEFAULT;
    private HttpOptions httpOptions = HttpOptions.DEFAULT;
    private HttpTransport transport;

    private Builder() {}

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

    /** Where each {@code info} line goes (default: standard output). */
    public Builder output(Consumer<String> output) {
      this.output = Objects.requireNonNull(output);
      return this;
    }

    /** The engine's time zone for {@code now}, {@code today} and date conversions. */
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

    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    public Engine build() {
      return new Engine(this);
    }
  }
}
