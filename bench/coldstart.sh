#!/usr/bin/env bash
# Cold start (issues 7 and 18): how long `java -jar target/freshet.jar run samples/hello.dg` takes, from exec to exit,
# and a host's main that embeds Freshet and runs `return 1 + 1;`, against a plain Java hello-world main run by the same
# java; targets: at most 3 times as long (the CLI), at most 1.8 times (embedded).
#
#   bench/coldstart.sh [BUILD_DIR]          (default BUILD_DIR: target; RUNS=10 and JAVA=/path/to/java may be set)
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Each round runs every variant once, in turn (interleaved,
# so a change of load on the machine hits all of them alike), after one unmeasured round that warms the file cache.
# Prints each variant's median over RUNS rounds and its ratio to the plain Java main. Variants, when present in
# BUILD_DIR:
#   embedded     java -cp TMP/embedded.jar:BUILD_DIR/freshet.jar Embedded: Engine.builder().build(), then compile and run
#                `return 1 + 1;` (always parsed: the API keeps no parse cache unless the host asks for one)
#   embedded+cds the recommended set-up for such a host: the same with a class-data archive of its own (recorded here
#                by one run with -XX:ArchiveClassesAtExit) and Engine.Builder.cacheParsedScripts
#   jar          java -jar BUILD_DIR/freshet.jar run samples/hello.dg (hello.dg unchanged since the last run, so its
#                parse comes from the cache `run` keeps: docs/cli.md)
#   jar-parse    the same with FRESHET_CACHE=off: parsed every time, as on a script's first run
#   jar+cds      the same with -XX:SharedArchiveFile=BUILD_DIR/freshet.jsa (the class-data archive `mvn package`
#                records), if it exists and fits this jar and this java (checked with -Xshare:on first)
#   launcher     BUILD_DIR/freshet run samples/hello.dg (the launcher script, with JAVA_HOME set to this java's)
#   launcher-parse  the same with FRESHET_CACHE=off (a first run through the launcher)
# Every variant's output is compared with samples/hello.out once, so a broken variant is not timed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
build=${1:-target}
runs=${RUNS:-10}

die() {
  echo "coldstart: $*" >&2
  exit 1
}

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ -d $build ]] || die "no build folder '$build' (run 'mvn -B -q package -DskipTests' first, or pass the folder)"
build=$(cd "$build" && pwd -P)
jar=$build/freshet.jar
[[ -f $jar ]] || die "no $jar: build it first with 'mvn -B -q package -DskipTests'"
[[ -f samples/hello.dg && -f samples/hello.out ]] || die "no samples/hello.dg or samples/hello.out in $root"

if [[ -n ${JAVA:-} ]]; then
  java=$JAVA
elif [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java) || die "no java on the PATH (set JAVA or JAVA_HOME)"
fi
[[ -x $java ]] || die "'$java' is not an executable java"
java=$(cd "$(dirname "$java")" && pwd -P)/$(basename "$java")
java_home=$(dirname "$(dirname "$java")")
javac=$java_home/bin/javac
[[ -x $javac ]] || die "no javac beside $java (a JDK is needed to compile the hello-world baseline)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/freshet-coldstart.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The baseline: the smallest Java main, printing one line.
cat >"$tmp/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("Hello from Java!");
  }
}
JAVA
"$javac" -d "$tmp" "$tmp/Hello.java" || die "could not compile the hello-world baseline"

# The embedded case (issue 18): a host's main that builds an Engine and compiles and runs `return 1 + 1;` through the
# public API, with the jar on the class path and nothing else (no parse cache, no class-data archive of Freshet's).
cat >"$tmp/Embedded.java" <<'JAVA'
public class Embedded {
  public static void main(String[] args) {
    dev.freshet.api.Engine.Builder builder = dev.freshet.api.Engine.builder();
    if (args.length > 0) { // the recommended set-up's parse cache (docs/performance.md)
      builder.cacheParsedScripts(java.nio.file.Path.of(args[0]));
    }
    dev.freshet.api.Engine engine = builder.build();
    System.out.println(engine.compile("embedded.dg", "return 1 + 1;").run(java.util.Map.of()).value());
  }
}
JAVA
mkdir "$tmp/embedded"
"$javac" -cp "$jar" -d "$tmp/embedded" "$tmp/Embedded.java" || die "could not compile the embedded example"
# in a jar: a class-data archive takes no directory on the class path
"$java_home/bin/jar" cf "$tmp/embedded.jar" -C "$tmp/embedded" Embedded.class || die "could not make embedded.jar"
# The recommended set-up for a host that starts a JVM per script (docs/performance.md): a class-data archive of its
# own, recorded by one run with -XX:ArchiveClassesAtExit, and Freshet's parse cache.
"$java" -XX:ArchiveClassesAtExit="$tmp/embedded.jsa" -cp "$tmp/embedded.jar:$jar" Embedded "$tmp/parsed" >/dev/null 2>"$tmp/jsa.err" \
  || die "could not record the embedded class-data archive: $(head -3 "$tmp/jsa.err")"

# run keeps parsed scripts under $FRESHET_HOME (docs/cli.md); a home of our own leaves the user's alone. Round 0 fills
# it, so `jar` is a run of an unchanged script; `jar-parse` (FRESHET_CACHE=off) parses every time, as a first run does.
export FRESHET_HOME=$tmp/home
names=(java-hello embedded embedded+cds jar jar-parse)
commands=("\"$java\" -cp \"$tmp\" Hello" "\"$java\" -cp \"$tmp/embedded.jar:$jar\" Embedded"
  "\"$java\" -XX:SharedArchiveFile=\"$tmp/embedded.jsa\" -cp \"$tmp/embedded.jar:$jar\" Embedded \"$tmp/parsed\""
  "\"$java\" -jar \"$jar\" run samples/hello.dg" "FRESHET_CACHE=off \"$java\" -jar \"$jar\" run samples/hello.dg")
expected=(java two two freshet freshet)

if [[ -f $build/freshet.jsa ]]; then
  if "$java" -XX:SharedArchiveFile="$build/freshet.jsa" -Xshare:on -jar "$jar" run samples/hello.dg \
      >"$tmp/cds-check.out" 2>&1; then
    names+=(jar+cds)
    commands+=("\"$java\" -XX:SharedArchiveFile=\"$build/freshet.jsa\" -Xshare:auto -jar \"$jar\" run samples/hello.dg")
    expected+=(freshet)
  else
    echo "coldstart: $build/freshet.jsa does not fit this jar and this java (-Xshare:on failed); jar+cds not timed:" >&2
    head -3 "$tmp/cds-check.out" >&2
  fi
fi
if [[ -x $build/freshet ]]; then
  names+=(launcher launcher-parse)
  commands+=("JAVA_HOME=\"$java_home\" FRESHET_JAVA_OPTS= \"$build/freshet\" run samples/hello.dg"
    "FRESHET_CACHE=off JAVA_HOME=\"$java_home\" FRESHET_JAVA_OPTS= \"$build/freshet\" run samples/hello.dg")
  expected+=(freshet freshet)
elif [[ -e $build/freshet ]]; then
  echo "coldstart: $build/freshet is not executable; launcher not timed" >&2
fi

# Each variant must print what it should before it is timed.
for i in "${!names[@]}"; do
  out=$(eval "${commands[$i]}" 2>"$tmp/err") || die "${names[$i]} failed (exit $?): ${commands[$i]}
$(cat "$tmp/err")"
  if [[ ${expected[$i]} == two ]]; then
    [[ $out == 2 ]] || die "${names[$i]} printed '$out', not 2"
  elif [[ ${expected[$i]} == freshet ]]; then
    [[ $out == "$(cat samples/hello.out)" ]] || die "${names[$i]} printed something else than samples/hello.out:
$out"
  else
    [[ $out == "Hello from Java!" ]] || die "the hello-world baseline printed '$out'"
  fi
done

now() { date +%s%N; }
declare -A times
for ((round = 0; round <= runs; round++)); do
  for i in "${!names[@]}"; do
    start=$(now)
    eval "${commands[$i]}" >/dev/null 2>&1 || die "${names[$i]} failed in round $round"
    end=$(now)
    if ((round > 0)); then # round 0 warms the file cache
      times[${names[$i]}]+="$(((end - start) / 1000)) "
    fi
  done
done

median() { # microseconds, one per word -> the median in milliseconds
  tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "Cold start, median of $runs interleaved runs ($(date +%F), $("$java" -version 2>&1 | head -1 | tr -d '"'),"\
" $(nproc 2>/dev/null || echo "?") cores, load average $load):"
base=$(median "${times[java-hello]}")
printf '  %-14s %8s ms\n' "java-hello" "$base"
for name in "${names[@]:1}"; do
  m=$(median "${times[$name]}")
  ratio=$(awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  target=3
  [[ $name == embedded* ]] && target=1.8 # issue 18
  verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r <= t ? "PASS" : "FAIL") }')
  printf '  %-14s %8s ms   %5s× the plain Java main   (target ≤ %s×: %s)\n' "$name" "$m" "$ratio" "$target" \
    "$verdict"
done
