#!/bin/sh
# make bench: suara against the espeak-ng program, side by side on this
# machine, plus the text front end's throughput. Prints wall-time ratios.
# Inputs: voices/id/sample.txt, and ../shared/seed/article-id.txt and
# ../shared/data/news/indosum/ when present (they are not part of suara).
set -eu
SUARA=${SUARA:-./suara}
RUNS=${RUNS:-7}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
command -v espeak-ng >/dev/null || { echo "installing espeak-ng (the program, for comparison)"; apt-get install -y -qq espeak-ng >/dev/null; }

# Median wall time in seconds of RUNS runs of a command.
median() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
		echo $(( (e - s) / 1000 ))
		i=$((i + 1))
	done | sort -n | awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)] / 1e6}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

article=../shared/seed/article-id.txt
[ -f "$article" ] || article=voices/id/sample.txt
echo "== one short article: $article ($(wc -c < "$article") bytes)"
e=$(median espeak-ng -v id -w "$T/e.wav" -f "$article")
s1=$(median "$SUARA" -q --force -j 1 -o "$T" "$article")
s2=$(median "$SUARA" -q --force -j 2 -o "$T" "$article")
echo "espeak-ng -v id -w      $e s"
echo "suara -j 1              $s1 s   ratio $(ratio "$s1" "$e")"
echo "suara -j 2              $s2 s   ratio $(ratio "$s2" "$e")"

# Text front end (paragraphs + segmentation + normalization) throughput,
# without synthesis or printing.
news=../shared/data/news/indosum
src="$T/src.txt"
if [ -d "$news" ]; then cat "$news"/*.txt > "$src"; else cat voices/id/sample.txt > "$src"; fi
big="$T/big.txt"
: > "$big"
while [ "$(wc -c < "$big")" -lt 20000000 ]; do cat "$src" >> "$big"; done
echo "== $("${BENCH_TEXT:-build/rel/bench-text}" voices/id "$big" 3)"
