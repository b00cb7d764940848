#!/bin/sh
# make bench: suara against the espeak-ng program, side by side in one run
# on this machine; prints wall-time ratios and peak memory, then the text
# front end's throughput. Inputs come from ../shared (the reference article
# and the IndoSum news articles) when present, else from voices/id/sample.txt;
# none of them is part of suara.
#   RUNS=N      timed runs per measurement (median; default 5)
#   BENCH_BIG=1 also render a 5 MB input to check flat memory (minutes, GBs)
set -eu
SUARA=${SUARA:-./suara}
RUNS=${RUNS:-5}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
command -v espeak-ng >/dev/null || { echo "installing espeak-ng (the program, for comparison)"; apt-get install -y -qq espeak-ng >/dev/null; }
[ -x /usr/bin/time ] || { echo "installing time (for peak memory)"; apt-get install -y -qq time >/dev/null; }

# Wall time of one run of a command, in microseconds.
clock() { s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
# Median (seconds) of a file of microsecond times.
med() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)] / 1e6}'; }
# Time the commands given as shell functions, in turn, RUNS rounds, so a
# slow spell of this shared machine falls on all of them alike; then
# $T/NAME.t holds each one's times.
rounds() {
	for f in "$@"; do : > "$T/$f.t"; done
	i=0
	while [ $i -lt "$RUNS" ]; do
		for f in "$@"; do clock "$f" >> "$T/$f.t"; done
		i=$((i + 1))
	done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
# Peak resident memory (MiB) of the largest process of a command.
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1 / 1024}'; }

news=../shared/data/news/indosum
article=../shared/seed/article-id.txt
[ -f "$article" ] || article=voices/id/sample.txt
mkdir -p "$T/articles" "$T/o" "$T/e"
if [ -d "$news" ]; then
	ls "$news"/*.txt | head -200 | while read -r f; do cp "$f" "$T/articles/"; done
else
	i=0; while [ $i -lt 200 ]; do cp voices/id/sample.txt "$T/articles/s$i.txt"; i=$((i + 1)); done
fi
doc="$T/doc200k.txt"
for f in "$T"/articles/*.txt; do cat "$f"; echo; [ "$(wc -c < "$doc")" -lt 204800 ] || break; done > "$doc"

echo "== (a) one short article: $article ($(wc -c < "$article") bytes), median of $RUNS rounds"
a_espeak() { espeak-ng -v id -w "$T/e.wav" -f "$article"; }
a_j1() { "$SUARA" -q --force -j 1 -o "$T/o" "$article"; }
a_j2() { "$SUARA" -q --force -j 2 -o "$T/o" "$article"; }
rounds a_espeak a_j1 a_j2
e=$(med "$T/a_espeak.t"); s1=$(med "$T/a_j1.t"); s2=$(med "$T/a_j2.t")
echo "espeak-ng -v id -w        $e s"
echo "suara -j 1                $s1 s   ratio $(ratio "$s1" "$e")"
echo "suara -j 2                $s2 s   ratio $(ratio "$s2" "$e")"

RUNS=${RUNS_BIG:-3}
echo "== (b) one document of $(wc -c < "$doc") bytes, median of $RUNS rounds"
b_espeak() { espeak-ng -v id -w "$T/e.wav" -f "$doc"; }
b_j2() { "$SUARA" -q --force -j 2 -o "$T/o" "$doc"; }
# For scale: the machine's own gain from two cores, two espeak-ng at once
# on the document's halves (split at a line).
half=$(( $(wc -l < "$doc") / 2 ))
head -n "$half" "$doc" > "$T/half1.txt"; tail -n +"$((half + 1))" "$doc" > "$T/half2.txt"
b_halves() { espeak-ng -v id -w "$T/h1.wav" -f "$T/half1.txt" & espeak-ng -v id -w "$T/h2.wav" -f "$T/half2.txt"; wait; }
rounds b_espeak b_j2 b_halves
e=$(med "$T/b_espeak.t"); s2=$(med "$T/b_j2.t"); h=$(med "$T/b_halves.t")
echo "espeak-ng -v id -w        $e s"
echo "suara -j 2                $s2 s   ratio $(ratio "$s2" "$e")"
echo "(2 espeak-ng on halves    $h s   ratio $(ratio "$h" "$e"): this machine's gain from two cores)"

echo "== (c) $(ls "$T"/articles | wc -l) articles, median of $RUNS rounds"
c_espeak() { for f in "$T"/articles/*.txt; do espeak-ng -v id -w "$T/e/$(basename "$f" .txt).wav" -f "$f"; done; }
c_j2() { "$SUARA" -q --force -j 2 -o "$T/o" "$T"/articles/*.txt; }
rounds c_espeak c_j2
e=$(med "$T/c_espeak.t"); s2=$(med "$T/c_j2.t")
echo "espeak-ng loop            $e s"
echo "suara, one run, -j 2      $s2 s   ratio $(ratio "$s2" "$e")"

echo "== peak resident memory of any one process (MiB)"
echo "suara, 5 KB input         $(peak "$SUARA" -q --force -j 2 -o "$T/o" "$(ls "$T"/articles/*.txt | head -1)")"
echo "suara, 200 KB input       $(peak "$SUARA" -q --force -j 2 -o "$T/o" "$doc")"
echo "espeak-ng, 200 KB input   $(peak espeak-ng -v id -w "$T/e.wav" -f "$doc")"
if [ "${BENCH_BIG:-0}" = 1 ]; then
	big5="$T/five.txt"
	: > "$big5"
	while [ "$(wc -c < "$big5")" -lt 5000000 ]; do cat "$doc" >> "$big5"; done
	echo "suara, 5 MB input         $(peak "$SUARA" -q --force -j 2 -o "$T/o" "$big5")"
fi

# Text front end (paragraphs + segmentation + normalization +
# pronunciation) throughput, without synthesis or printing.
src="$T/src.txt"
if [ -d "$news" ]; then cat "$news"/*.txt > "$src"; else cat voices/id/sample.txt > "$src"; fi
big="$T/big.txt"
: > "$big"
while [ "$(wc -c < "$big")" -lt 20000000 ]; do cat "$src" >> "$big"; done
echo "== $("${BENCH_TEXT:-build/rel/bench-text}" voices/id "$big" 3)"
