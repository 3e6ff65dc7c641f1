#!/bin/sh
# usage.sh: the usage billing part of `make bench`, sourced by run.sh
# after the page runs (the same stack and 20 000-occupier data set):
#   1. usage_gen_sql: every generated occupier of data.sh gets a phone
#      number at the site of its first contract, held since 60 days before
#      TODAY (the holder history), a tariff (UK Unlimited or Pay as you go,
#      alternately) and 2 voice lines where it has none;
#   2. usage_gen_cdr: USAGE_CALLS call records (1 000 000) for the month
#      before TODAY's, spread over those numbers, as one CSV file per site
#      and day (the phone platform's nightly files): UK landlines and
#      mobiles, international, premium, internal and received calls;
#   3. `tenantry usage import --site ID FILE...` for each site, the sites
#      side by side, timed from the first file read to the last commit
#      (parse, attribute, rate, allowances, store), with the CPU of the
#      importers and of MariaDB and the importers' peak memory; then the
#      same files of one site again (all duplicates: the idempotent path);
#   4. the month's Billing Usage Report of the busiest site through nginx
#      (page 1 and the full CSV), and the workers' memory around it.
# usage_bench writes its section of the report to $W/usage.md.

: "${USAGE_CALLS:=1000000}"

# usage_gen_sql TODAY
usage_gen_sql() {
	cat <<SQL
SET SESSION foreign_key_checks = 0, unique_checks = 0;
SET @op := (SELECT id FROM operator WHERE name = 'Northwind Workspaces');
SET @today := DATE('$1');
SET @since := UNIX_TIMESTAMP(@today - INTERVAL 60 DAY);
INSERT INTO phone_number (operator_id, site_id, number, state, occupier_id, is_main, activated_at)
 SELECT @op, c.site_id, CONCAT('+44 20 8', LPAD(o.idx DIV 10000, 3, '0'), ' ', LPAD(o.idx % 10000, 4, '0')),
  'active', o.id, 0, @today - INTERVAL 60 DAY
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0 WHERE o.plan = 0;
INSERT INTO phone_holder (operator_id, site_id, phone_number_id, occupier_id, held_from, held_until)
 SELECT operator_id, site_id, id, occupier_id, @since, NULL FROM phone_number
 WHERE operator_id = @op AND number LIKE '+44 20 8%';
INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
 start_date, activated_at, ended_at)
 SELECT @op, o.id, c.site_id, s.id, c.id, 0, 1, c.start_date, @today - INTERVAL 60 DAY, NULL
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0
 JOIN service s ON s.operator_id = @op AND s.code = IF(o.idx % 2 = 0, 'tariff-uk-unlimited', 'tariff-payg')
 WHERE o.plan = 0 AND NOT EXISTS (SELECT 1 FROM occupier_service x JOIN service y ON y.id = x.service_id
  WHERE x.occupier_id = o.id AND x.site_id = c.site_id AND y.category = 'Tariff' AND x.ended_at IS NULL);
INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
 start_date, activated_at, ended_at)
 SELECT @op, o.id, c.site_id, s.id, c.id, 1500, 2, c.start_date, @today - INTERVAL 60 DAY, NULL
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0
 JOIN service s ON s.operator_id = @op AND s.code = 'voice-line'
 WHERE o.plan = 0 AND NOT EXISTS (SELECT 1 FROM occupier_service x JOIN service y ON y.id = x.service_id
  WHERE x.occupier_id = o.id AND x.site_id = c.site_id AND y.category = 'Voice' AND x.ended_at IS NULL);
ANALYZE TABLE phone_number, phone_holder, occupier_service;
SQL
}

# usage_gen_cdr DIR YEAR MONTH CALLS < numbers (site_id TAB number): one
# file per site and day, DIR/<site>/cdr-YYYY-MM-DD.csv.
usage_gen_cdr() {
	awk -v dir="$1" -v y="$2" -v m="$3" -v total="$4" '
	BEGIN {
		FS = "\t"; srand(19)
		split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ")
		days = dim[m + 0]
		if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) days = 29
		nd = split("441614960 441174960 442079460 447700900 447700901 12125550 3319900 4930123 9122123 4490987 44871234", pre, " ")
	}
	{ s = $1; n[s]++; num[s, n[s]] = $2; if (!(s in seen)) { seen[s] = 1; sites[++ns] = s } }
	END {
		per = int(total / (ns * days)); extra = total - per * ns * days
		for (si = 1; si <= ns; si++) {
			s = sites[si]
			system("mkdir -p " dir "/" s)
			for (d = 1; d <= days; d++) {
				f = sprintf("%s/%s/cdr-%04d-%02d-%02d.csv", dir, s, y, m, d)
				print "calling,called,start,duration,direction,carrier_cost" > f
				k = per + (extra > 0 ? 1 : 0); if (extra > 0) extra--
				for (i = 0; i < k; i++) {
					from = num[s, 1 + int(rand() * n[s])]
					t = 25200 + int(rand() * 46800)
					when = sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, t / 3600, (t / 60) % 60, t % 60)
					r = rand(); dur = int(rand() * 600); dir_ = "out"
					if (r < 0.05) {		# internal
						to = num[s, 1 + int(rand() * n[s])]
					} else if (r < 0.10) {	# received
						to = from; from = sprintf("+447700900%03d", int(rand() * 1000)); dir_ = "in"
					} else {
						p = r < 0.45 ? 1 + int(rand() * 3) : r < 0.75 ? 4 + int(rand() * 2) : \
						    r < 0.95 ? 6 + int(rand() * 3) : 10 + int(rand() * 2)
						to = sprintf("+%s%03d", pre[p], int(rand() * 1000))
					}
					printf "%s,%s,%s,%d,%s,0.%04d\n", from, to, when, dur, dir_, int(rand() * 300) >> f
				}
				close(f)
			}
		}
	}'
}

# usage_median_max FILE: "median max" of the numbers in FILE (one a line).
usage_median_max() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "0 0"; else printf "%.0f %.0f\n", v[int((NR + 1) / 2)], v[NR] }'
}

# usage_bench: steps 1-4 against the running bench stack (run.sh's
# variables and functions: RUN, BIN, W, VAR, base, COOKIE, APP_PID, DB_PID,
# TENANTRY_TODAY, jiffies, rss_kib, bench_workers, goal, ok).
usage_bench() {
	ud="$VAR/usage"
	rm -rf "$ud"
	mkdir -p "$ud"
	t=$(date +%s)
	usage_gen_sql "$TENANTRY_TODAY" | mariadb --no-defaults -S "$RUN/mariadb.sock" -u root tenantry \
	    >>"$RUN/setup.log" 2>&1 || { bench_say "bench: usage data generation failed"; return 1; }
	y=${TENANTRY_TODAY%%-*} mo=$(echo "$TENANTRY_TODAY" | cut -d- -f2)
	mo=${mo#0}
	if [ "$mo" = 1 ]; then y=$((y - 1)); mo=12; else mo=$((mo - 1)); fi
	UMONTH=$(printf '%04d-%02d' "$y" "$mo")
	bench_sql tenantry "SELECT n.site_id, n.number FROM phone_number n JOIN operator p ON p.id = n.operator_id
	    WHERE p.name = 'Northwind Workspaces' AND n.number LIKE '+44 20 8%' ORDER BY n.site_id, n.id" >"$ud/numbers.tsv"
	usage_gen_cdr "$ud/cdr" "$y" "$mo" "$USAGE_CALLS" <"$ud/numbers.tsv"
	UGEN=$(($(date +%s) - t))
	USITES=$(ls "$ud/cdr" | wc -l)
	UFILES=$(find "$ud/cdr" -name '*.csv' | wc -l)
	UBYTES=$(cat "$ud"/cdr/*/*.csv | wc -c)
	bench_say "bench: usage: $USAGE_CALLS calls in $UFILES files for $UMONTH (generated in $UGEN s); importing"
	# One import process per site, all at once (a site's imports run one
	# at a time, sites side by side); each site's files in day order, a
	# transaction a file.
	d0=$(jiffies "$DB_PID")
	b0=$(busy_jiffies)
	t0=$(date +%s%N)
	pids=""
	for s in $(ls "$ud/cdr"); do
		TENANTRY_DB_NAME=tenantry "$BIN" usage import --site "$s" "$ud/cdr/$s"/*.csv >"$ud/import.$s" 2>&1 &
		pids="$pids $!"
	done
	failed=0
	for p in $pids; do wait "$p" || failed=1; done
	t1=$(date +%s%N)
	d1=$(jiffies "$DB_PID")
	b1=$(busy_jiffies)
	cat "$ud"/import.* >"$ud/import.log"
	if [ "$failed" != 0 ]; then
		tail -5 "$ud/import.log" >&2
		bench_say "bench: usage import failed"
		return 1
	fi
	UIMPORT_MS=$(((t1 - t0) / 1000000))
	UDB_MS=$(( (d1 - d0) * 1000 / CLK ))
	grep '^usage import' "$ud/import.log" >"$ud/summary"
	UREC=$(sed -n 's/.* file[s]*, \([0-9]*\) records.*/\1/p' "$ud/summary" | awk '{ s += $1 } END { print s + 0 }')
	UNEW=$(sed -n 's/.* records, \([0-9]*\) new.*/\1/p' "$ud/summary" | awk '{ s += $1 } END { print s + 0 }')
	UNOBODY=$(sed -n 's/.* before, \([0-9]*\) unattributed.*/\1/p' "$ud/summary" | awk '{ s += $1 } END { print s + 0 }')
	UCPU=$(sed -n 's/.* CPU \([0-9.]*\) s.*/\1/p' "$ud/summary" | awk '{ s += $1 } END { printf "%.0f", s * 1000 }')
	URSS=$(sed -n 's/.*max RSS \([0-9]*\) KiB.*/\1/p' "$ud/summary" | sort -n | tail -1)
	# The same files of the first site again: every call a duplicate.
	set -- $(ls "$ud/cdr")
	t0=$(date +%s%N)
	TENANTRY_DB_NAME=tenantry "$BIN" usage import --site "$1" "$ud/cdr/$1"/*.csv >"$ud/again.log" 2>&1
	t1=$(date +%s%N)
	UAGAIN_MS=$(((t1 - t0) / 1000000))
	UAGAIN=$(tail -1 "$ud/again.log" | sed 's/^usage import: //; s/, [0-9.]* records\/s.*//')
	UROWS=$(bench_sql tenantry "SELECT COUNT(*) FROM usage_call")
	UVM=$(bench_sql tenantry "SELECT COUNT(*) FROM usage_voice_month")
	# The busiest site's report of the month: page 1 and the whole CSV,
	# six times each; then once more each after its summary was thrown
	# away (built again from the calls on reading).
	SBUSY=$(bench_sql tenantry "SELECT site_id FROM usage_voice_month GROUP BY site_id ORDER BY SUM(calls) DESC LIMIT 1")
	SOCC=$(bench_sql tenantry "SELECT COUNT(DISTINCT occupier_id) FROM usage_voice_month WHERE site_id = $SBUSY")
	rss_before=$(for p in $(bench_workers "$APP_PID"); do rss_kib "$p"; done | sort -n | tail -1)
	: >"$ud/html.ms"; : >"$ud/csv.ms"
	for i in 1 2 3 4 5 6; do
		curl -sS -o "$ud/report.html" -w '%{time_total} %{http_code} %{size_download}\n' -H "$COOKIE" \
		    "$base/sites/$SBUSY/usage?month=$UMONTH" >"$ud/one"
		awk '{ print $1 * 1000 }' "$ud/one" >>"$ud/html.ms"; HTML_ST=$(awk '{ print $2 " " $3 }' "$ud/one")
		curl -sS -o "$ud/report.csv" -w '%{time_total} %{http_code} %{size_download}\n' -H "$COOKIE" \
		    "$base/sites/$SBUSY/usage.csv?month=$UMONTH" >"$ud/one"
		awk '{ print $1 * 1000 }' "$ud/one" >>"$ud/csv.ms"; CSV_ST=$(awk '{ print $2 " " $3 }' "$ud/one")
	done
	bench_sql tenantry "UPDATE usage_month SET imports = 0 WHERE site_id = $SBUSY"
	COLD_MS=$(curl -sS -o /dev/null -w '%{time_total}' -H "$COOKIE" "$base/sites/$SBUSY/usage.csv?month=$UMONTH" |
	    awk '{ printf "%.0f", $1 * 1000 }')
	rss_after=$(for p in $(bench_workers "$APP_PID"); do rss_kib "$p"; done | sort -n | tail -1)
	UCSV_ROWS=$(($(wc -l <"$ud/report.csv") - 1))
	set -- $(usage_median_max "$ud/html.ms"); HTML_MED=$1 HTML_MAX=$2
	set -- $(usage_median_max "$ud/csv.ms"); CSV_MED=$1 CSV_MAX=$2
	THR=$(awk -v r="$UREC" -v t="$UIMPORT_MS" 'BEGIN { printf "%.0f", (t > 0 ? r * 1000 / t : 0) }')
	PERCALL=$(awk -v c="$UCPU" -v d="$UDB_MS" -v r="$UREC" 'BEGIN { if (r > 0) printf "%.1f µs importer + %.1f µs MariaDB", c * 1000 / r, d * 1000 / r }')
	# CPU the rest of the machine used meanwhile (other processes), in cores.
	UOTHER=$(awk -v b="$((b1 - b0))" -v d="$UDB_MS" -v c="$UCPU" -v clk="$CLK" -v w="$UIMPORT_MS" \
	    'BEGIN { o = (b * 1000 / clk - d - c) / w; if (o < 0) o = 0; printf "%.2f", o }')
	CEIL=$(awk -v c="$UCPU" -v d="$UDB_MS" -v r="$UREC" 'BEGIN { if (c + d > 0) printf "%.0f", 2 * r * 1000 / (c + d) }')
	SLOWEST=$(awk -v a="$HTML_MAX" -v b="$CSV_MAX" 'BEGIN { m = a; if (b > m) m = b; print m }')
	{
		echo "### Usage billing"
		echo
		echo "$USAGE_CALLS generated call records for $UMONTH in $UFILES CSV files (a file per site and day, $UBYTES bytes)"
		echo "over one number of each of the 20 000 generated occupiers (holder history, a tariff and voice lines added"
		echo "by SQL; generated in $UGEN s), imported with \`tenantry usage import\`, one process per site, side by side."
		echo
		echo "| Measure | Figure |"
		echo "|---|---|"
		echo "| Import and rating, end to end (first file read to last commit) | $UREC records in $UIMPORT_MS ms: **$THR calls/s**; $UNEW new, $UNOBODY unattributed |"
		echo "| CPU per call | $PERCALL (ceiling on 2 idle cores: $CEIL calls/s); other processes meanwhile: $UOTHER cores |"
		echo "| Importer peak memory (max RSS of an import process) | $URSS KiB |"
		echo "| The first site's files imported again | $UAGAIN_MS ms: $UAGAIN |"
		echo "| Rows | $UROWS calls, $UVM monthly summary rows |"
		echo "| Billing Usage Report, page 1, busiest site ($SOCC occupiers; 6 requests) | median $HTML_MED ms, max $HTML_MAX ms (status and bytes: $HTML_ST) |"
		echo "| Its CSV, every occupier ($UCSV_ROWS rows; 6 requests) | median $CSV_MED ms, max $CSV_MAX ms (status and bytes: $CSV_ST) |"
		echo "| Its CSV with the summary thrown away first (built again from the calls on reading: the fallback when another import of the site ran in between) | $COLD_MS ms |"
		echo "| Worker RSS (largest) before and after the reports | $rss_before KiB → $rss_after KiB |"
		echo
		echo "| Goal | Measured | Result |"
		echo "|---|---|---|"
		goal "≥ 200 000 calls/s imported and rated end to end" "$THR calls/s" "$(ok ge "$THR" 200000)"
		goal "The month's report ≤ 1 s (page 1 and CSV, as the imports leave the summary)" "slowest of 12: $SLOWEST ms" "$(ok le "$SLOWEST" 1000)"
		goal "Worker memory bounded (≤ 16 MiB after the reports)" "${rss_after:-0} KiB" "$(ok le "${rss_after:-0}" 16384)"
		echo
		echo "Per site (the importer's last line):"
		echo
		echo '```'
		cat "$ud/summary"
		echo '```'
	} >"$W/usage.md"
}
