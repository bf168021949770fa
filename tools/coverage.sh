#!/bin/sh
# tools/coverage.sh: branch coverage of csrc/*.c over the whole test suite.
#
# usage: tools/coverage.sh [build-dir]        (default build-cov)
#
# Builds the module, the static library and the C tests with gcc
# --coverage at -O0 into a separate build directory, clears the counters
# that building the knowledge base left, runs the suite there (make
# test: the C tests, the fuzz corpus replay and the busted specs, whose
# lua5.4 processes write their counters at exit; then make check-alloc,
# whose forked children dump theirs with -DSN_COVERAGE), then runs gcov -b on every csrc/*.c and prints, per file and in
# total, the branches taken at least once. The gcov reports go to
# <build-dir>/gcov/ and the list of branches never taken to
# <build-dir>/uncovered.txt ("file:line: n of m branches not taken").
#
# Environment: MAKE (default make), COV_TARGETS (default "test check-alloc"; the
# make targets to run), COV_GCOV (default gcov), COV_REPORT_ONLY=1 (only
# report on the counters already in the build directory).
set -eu
status=0

B=${1:-build-cov}
MAKE=${MAKE:-make}
COV_TARGETS=${COV_TARGETS:-test check-alloc}
GCOV=${COV_GCOV:-gcov}

cd "$(dirname "$0")/.."
top=$(pwd)
case "$B" in /*) bdir=$B ;; *) bdir=$top/$B ;; esac

if [ "${COV_REPORT_ONLY:-0}" = 0 ]; then
  # Build first, then forget what building the knowledge base executed.
  $MAKE B="$B" CC=gcc OPT='-O0 -g' SAN='--coverage -DSN_COVERAGE' all
  find "$B" -name '*.gcda' -exec rm -f {} +
  # .busted sets cpath = "build/?.so", which busted puts before
  # LUA_CPATH: without --cpath the specs would load build/, not $B.
  busted="$(command -v busted) --cpath=$B/?.so"
  # Specs that build an embedding host run plain "cc" on libsinorus.a,
  # which needs the gcov runtime: put a cc that links it first in PATH.
  mkdir -p "$bdir/cov-bin"
  printf '#!/bin/sh\nexec gcc "$@" --coverage\n' > "$bdir/cov-bin/cc"
  chmod +x "$bdir/cov-bin/cc"
  for t in $COV_TARGETS; do
    PATH="$bdir/cov-bin:$PATH" \
      $MAKE B="$B" CC=gcc OPT='-O0 -g' SAN='--coverage -DSN_COVERAGE' BUSTED="$busted" "$t" \
      || status=$?
  done
  [ "$status" -eq 0 ] || echo "coverage: make $COV_TARGETS failed ($status);" \
    "the figures below cover what ran" >&2
fi

rm -rf "$bdir/gcov"
mkdir -p "$bdir/gcov"
for src in csrc/*.c; do
  [ -f "$bdir/obj/$(basename "$src" .c).gcno" ] || continue
  # gcov finds the source by the name it was compiled with (csrc/x.c);
  # --stdout also prints the headers it inlined, which awk skips.
  $GCOV -b -c -t -o "$bdir/obj" "$src" > "$bdir/gcov/$(basename "$src").gcov" \
    2> /dev/null || true
done

# Each <file>.c.gcov line "branch  N taken K" or "branch  N never executed";
# the line number is that of the last source line before it.
awk '
  FNR == 1 { file = FILENAME; sub(/.*\//, "", file); sub(/\.gcov$/, "", file);
             files[++nf] = file; mine = 0 }
  /^ *-: *0:Source:/ { src = $0; sub(/.*:Source:/, "", src); sub(/.*\//, "", src);
                       mine = (src == file); next }
  !mine { next }
  /^ *[-#=0-9*]+: *[0-9]+:/ { split($0, a, ":"); line = a[2] + 0; next }
  /^branch / {
    total[file]++
    if ($3 == "taken" && $4 + 0 > 0) taken[file]++
    else { miss[file, line]++; if (!((file, line) in seen)) { seen[file, line] = 1;
           order[file] = order[file] " " line } ; alln[file, line]++ }
    if ($3 == "taken" && $4 + 0 > 0) alln[file, line]++
  }
  END {
    out = UNCOVERED; printf "" > out
    printf "%-16s %9s %9s %8s\n", "file", "branches", "taken", "percent"
    for (i = 1; i <= nf; i++) {
      f = files[i]; t = total[f] + 0; k = taken[f] + 0
      T += t; K += k
      if (f ~ /^sn_/) { CT += t; CK += k }
      printf "%-16s %9d %9d %7.1f%%\n", f, t, k, t ? 100 * k / t : 100
      n = split(order[f], ls, " ")
      for (j = 1; j <= n; j++)
        printf "csrc/%s:%d: %d of %d branches not taken\n", f, ls[j],
               miss[f, ls[j]], alln[f, ls[j]] > out
    }
    printf "%-16s %9d %9d %7.1f%%\n", "core (sn_*)", CT, CK, CT ? 100 * CK / CT : 100
    printf "%-16s %9d %9d %7.1f%%\n", "total", T, K, T ? 100 * K / T : 100
  }
' UNCOVERED="$B/uncovered.txt" $(ls "$B"/gcov/*.c.gcov | sort)
echo "uncovered branches: $B/uncovered.txt"
exit "$status"
