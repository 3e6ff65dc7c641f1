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
#   3. `tenantry usage import --site ID FILE...` for each site, timed from
#      the first file read to the last commit (parse, attribute, rate,
#      allowances, store), with the importer's peak memory; then the same
#      files of one site again (all duplicates: the idempotent path);
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

# usage_bench: steps 1-4 against the running bench stack (run.sh's
# variables: RUN, BIN, W, base, COOKIE, TENANTRY_TODAY, APP_PID).
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
	UFILES=$(find "$ud/cdr" -name '*.csv' | wc -l)
	UBYTES=$(cat "$ud"/cdr/*/*.csv | wc -c)
	bench_say "bench: usage: $USAGE_CALLS calls in $UFILES files ($UBYTES bytes) for $UMONTH, generated in $UGEN s; importing"
	: >"$ud/import.log"
	t0=$(date +%s%N)
	for s in $(ls "$ud/cdr"); do
		TENANTRY_DB_NAME=tenantry "$BIN" usage import --site "$s" $(ls "$ud/cdr/$s"/*.csv) \
		    >>"$ud/import.log" 2>&1 || { tail -5 "$ud/import.log" >&2; bench_say "bench: usage import failed"; return 1; }
	done
	t1=$(date +%s%N)
	UIMPORT_MS=$(((t1 - t0) / 1000000))
	USITES=$(ls "$ud/cdr" | wc -l)
	URSS=$(sed -n 's/.*max RSS \([0-9]*\) KiB.*/\1/p' "$ud/import.log" | sort -n | tail -1)
	UREC=$(sed -n 's/^usage import: .* file[s]*, \([0-9]*\) records.*/\1/p' "$ud/import.log" | awk '{ s += $1 } END { print s }')
	UNEW=$(sed -n 's/^usage import: .* records, \([0-9]*\) new.*/\1/p' "$ud/import.log" | awk '{ s += $1 } END { print s }')
	UNOBODY=$(sed -n 's/.* \([0-9]*\) unattributed, .*/\1/p' "$ud/import.log" | grep -v records | awk '{ s += $1 } END { print s }')
	# The same files of the first site again: every call a duplicate.
	s1=$(ls "$ud/cdr" | head -1)
	t0=$(date +%s%N)
	TENANTRY_DB_NAME=tenantry "$BIN" usage import --site "$s1" $(ls "$ud/cdr/$s1"/*.csv) >"$ud/again.log" 2>&1
	t1=$(date +%s%N)
	UAGAIN_MS=$(((t1 - t0) / 1000000))
	UAGAIN=$(tail -1 "$ud/again.log")
	UROWS=$(bench_sql tenantry "SELECT COUNT(*) FROM usage_call")
	UVM=$(bench_sql tenantry "SELECT COUNT(*) FROM usage_voice_month")
	# The busiest site's report: page 1 and the whole CSV.
	SBUSY=$(bench_sql tenantry "SELECT site_id FROM usage_voice_month GROUP BY site_id ORDER BY SUM(calls) DESC LIMIT 1")
	rss_before=$(for p in $(bench_workers "$APP_PID"); do rss_kib "$p"; done | sort -n | tail -1)
	: >"$ud/times"
	for kind in html csv; do
		for i in 1 2 3 4 5 6; do
			if [ $kind = html ]; then url="$base/sites/$SBUSY/usage?month=$UMONTH"; else url="$base/sites/$SBUSY/usage.csv?month=$UMONTH"; fi
			curl -sS -o "$ud/report.$kind" -w "$kind %{http_code} %{time_total} %{size_download}\n" -H "$COOKIE" "$url" >>"$ud/times"
		done
	done
	rss_after=$(for p in $(bench_workers "$APP_PID"); do rss_kib "$p"; done | sort -n | tail -1)
	UOCC=$(grep -c '^"' "$ud/report.csv" 2>/dev/null)
	{
		echo "### Usage billing (issue 19)"
		echo
		echo "$USAGE_CALLS generated call records for $UMONTH in $UFILES CSV files ($USITES sites × each day; $UBYTES bytes),"
		echo "over the 20 000 generated occupiers' numbers (holder history, tariffs and voice lines added by SQL; generated in $UGEN s)."
		echo
		echo "| Measure | Figure |"
		echo "|---|---|"
		printf '| Import, end to end (%s sites one after the other, a transaction per file) | %s records in %s ms: **%s calls/s**; %s new, %s unattributed |\n' \
		    "$USITES" "$UREC" "$UIMPORT_MS" "$(awk -v r="$UREC" -v t="$UIMPORT_MS" 'BEGIN { printf "%.0f", t > 0 ? r * 1000 / t : 0 }')" "$UNEW" "$UNOBODY"
		printf '| Importer peak memory (max RSS of one import process) | %s KiB |\n' "$URSS"
		printf '| The first site imported again (all duplicates) | %s ms: %s |\n' "$UAGAIN_MS" "$UAGAIN"
		printf '| Rows | %s calls, %s monthly summary rows |\n' "$UROWS" "$UVM"
		awk '$1 == "html" { n++; t[n] = $3 * 1000; b = $4; c = $2 } END { asort(t); printf "| Billing Usage Report, page 1, busiest site (6 requests) | median %.0f ms, max %.0f ms; %d bytes, status %s |\n", t[int((n + 1) / 2)], t[n], b, c }' "$ud/times"
		awk '$1 == "csv" { n++; t[n] = $3 * 1000; b = $4; c = $2 } END { asort(t); printf "| Billing Usage Report CSV, whole site (6 requests) | median %.0f ms, max %.0f ms; %d bytes, status %s |\n", t[int((n + 1) / 2)], t[n], b, c }' "$ud/times"
		printf '| Worker RSS (largest) before and after the reports | %s KiB → %s KiB |\n' "$rss_before" "$rss_after"
		echo
		thr=$(awk -v r="$UREC" -v t="$UIMPORT_MS" 'BEGIN { printf "%.0f", t > 0 ? r * 1000 / t : 0 }')
		rep=$(awk '{ n++; t[n] = $3 * 1000 } END { asort(t); printf "%.0f", t[n] }' "$ud/times")
		echo "| Goal (issue 19) | Measured | Result |"
		echo "|---|---|---|"
		goal "≥ 200 000 calls/s imported and rated end to end" "$thr calls/s" "$(ok ge "$thr" 200000)"
		goal "The month's report ≤ 1 s" "slowest of 12: $rep ms" "$(ok le "$rep" 1000)"
		goal "Worker memory bounded (≤ 16 MiB after the reports)" "$rss_after KiB" "$(ok le "${rss_after:-0}" 16384)"
		echo
		echo "Per site (last line of each import):"
		echo
		echo '```'
		grep '^usage import' "$ud/import.log"
		echo '```'
	} >"$W/usage.md"
}
