#!/bin/sh
# Run by `mvn package` after the shaded jar is built: sh src/main/launcher/package.sh BUILD_DIR JAVA
#   1. puts the launcher BUILD_DIR/freshet beside BUILD_DIR/freshet.jar;
#   2. records its class-data archive BUILD_DIR/freshet.jsa with JAVA, the java Maven runs on, from one run of
#      training.dg (if that fails, the build goes on with a warning: the launcher runs without an archive);
#   3. checks the launcher: samples/hello.dg must print samples/hello.out, and nothing on standard error, with the
#      archive and with two that do not fit (the launcher's fallback). A failed check fails the build.
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
base=$(cd "$here/../../.." && pwd -P)
build=$(cd "${1:?usage: package.sh BUILD_DIR JAVA}" && pwd -P)
java=${2:?usage: package.sh BUILD_DIR JAVA}

fail() {
  echo "[ERROR] freshet launcher: $*" >&2
  exit 1
}

[ -f "$build/freshet.jar" ] || fail "no $build/freshet.jar"
cp "$here/freshet" "$build/freshet" && chmod 755 "$build/freshet" || fail "cannot write $build/freshet"

# Runs here parse every time (and keep nothing in the user's home): the archive then holds the parser's classes too.
export FRESHET_CACHE=off

# The archive: made at the exit of one run, by the same java and from the same jar path the launcher uses.
rm -f "$build/freshet.jsa"
log=$build/freshet.jsa.log
if (cd "$here" && "$java" -XX:ArchiveClassesAtExit="$build/freshet.jsa" -jar "$build/freshet.jar" run training.dg) \
    >"$log" 2>&1 && [ -s "$build/freshet.jsa" ]; then
  rm -f "$log"
else
  rm -f "$build/freshet.jsa"
  echo "[WARNING] freshet launcher: no class-data archive; $build/freshet starts without it (see $log)" >&2
fi

# The check, with JAVA as the launcher's java.
expected=$base/samples/hello.out
check() { # check NAME LAUNCHER
  out=$(cd "$base" && JAVA_HOME=$(dirname "$(dirname "$java")") FRESHET_JAVA_OPTS= "$2" run samples/hello.dg \
      2>"$build/freshet-check.err") \
    || fail "$1: '$2 run samples/hello.dg' exited with $?: $(cat "$build/freshet-check.err")"
  [ "$out" = "$(cat "$expected")" ] || fail "$1: '$2 run samples/hello.dg' printed
$out
instead of samples/hello.out"
  # (the JVM's note on JAVA_TOOL_OPTIONS or _JAVA_OPTIONS, when set, is not the launcher's)
  if grep -v '^Picked up ' "$build/freshet-check.err" | grep -q .; then
    fail "$1: '$2 run samples/hello.dg' wrote to standard error: $(cat "$build/freshet-check.err")"
  fi
  rm -f "$build/freshet-check.err"
}
check "as built" "$build/freshet"

# Archives that do not fit: a copy of the launcher and the jar in another folder, with this build's archive (recorded
# for the jar's other path: the JVM warns, on standard output) and with a file that is not an archive at all.
spare=$build/launcher-check
for kind in moved garbage; do
  rm -rf "$spare" && mkdir -p "$spare" && cp "$build/freshet" "$spare/freshet" \
      && cp "$build/freshet.jar" "$spare/freshet.jar" || fail "cannot set up $spare"
  if [ "$kind" = moved ] && [ -f "$build/freshet.jsa" ]; then
    cp "$build/freshet.jsa" "$spare/freshet.jsa" || fail "cannot set up $spare"
  else
    echo "not an archive" >"$spare/freshet.jsa" || fail "cannot set up $spare"
  fi
  check "with an archive that does not fit ($kind)" "$spare/freshet"
done
rm -rf "$spare"
if [ -f "$build/freshet.jsa" ]; then
  echo "[INFO] freshet launcher: $build/freshet with its class-data archive freshet.jsa"
else
  echo "[INFO] freshet launcher: $build/freshet (without a class-data archive)"
fi
