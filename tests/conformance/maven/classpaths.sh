#!/usr/bin/env bash
# Assembles the class paths of the auditors' validators from Maven Central, once:
#   veraPDF 1.28.2 (PDF/UA-1)   -> <cache>/verapdf-lib/*.jar
#   EPUBCheck 5.3.0 (EPUB 3.3)  -> <cache>/epubcheck5-lib/*.jar
# and prints the variables `voxpress verify` and the tests read, ready for eval:
#   eval "$(bash tests/conformance/maven/classpaths.sh)"
# <cache> is $VOXPRESS_CONFORMANCE_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/voxpress-conformance.
# A folder is reused when its .complete marker (written after a successful copy) is there, so a
# half-finished download is never taken for a class path. Needs Maven (Debian: maven) and Java 11+.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${VOXPRESS_CONFORMANCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voxpress-conformance}"
mkdir -p "$cache"

assemble() { # tool folder name, pom folder
  local lib="$cache/$1-lib" log="$cache/mvn-$1.log"
  if [[ -f "$lib/.complete" ]]; then return; fi
  rm -rf "$lib"
  echo "classpaths: assembling $1 into $lib" >&2
  if ! mvn -B -q -Dmaven.repo.local="$cache/m2" -f "$here/$2/pom.xml" \
      dependency:copy-dependencies -DoutputDirectory="$lib" >"$log" 2>&1; then
    cat "$log" >&2
    echo "classpaths: mvn failed for $1 (log: $log)" >&2
    exit 1
  fi
  touch "$lib/.complete"
}

assemble verapdf verapdf
assemble epubcheck5 epubcheck5
# Class-path globs: java expands "dir/*" to every jar in dir itself.
printf "export VOXPRESS_VERAPDF_CP='%s'\n" "$cache/verapdf-lib/*"
printf "export VOXPRESS_EPUBCHECK5_CP='%s'\n" "$cache/epubcheck5-lib/*"
