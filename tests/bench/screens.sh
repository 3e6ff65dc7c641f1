# tests/bench/screens.sh: the "every screen" table of `make bench`, sourced
# by tests/bench/run.sh once both stacks are up (20 000 and BENCH_SMALL
# occupiers). Each GET route of the operator and of an occupier user, and
# the CSV downloads, requested one at a time (BENCH_SCREEN_TRIES, 3, the
# median kept) on each stack: time to the last byte on loopback (curl's
# time_total: nginx + FastCGI + MariaDB, no network; redirects followed)
# and bytes. Goals,
# printed, never asserted: every HTML page <= 50 ms and <= 300 KB at the
# big size and within 1.5x of its own time at the small size (+ 2 ms, the
# timer's noise); every CSV <= 1 s. BENCH_ONLY_SCREENS=1 (run.sh) stops
# the bench after this table.
: "${BENCH_SCREEN_TRIES:=3}"

# screens_login PORT EMAIL: a session token for EMAIL (demo password).
screens_login() {
	jar="$RUN/screens.$1.jar"
	rm -f "$jar"
	page=$(curl -fsS -c "$jar" "http://127.0.0.1:$1/login") || return 1
	pre=$(printf '%s' "$page" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$2" \
	    --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "csrf=$pre" \
	    "http://127.0.0.1:$1/login" || return 1
	awk '$6 == "tn_session" { print $7 }' "$jar"
}

# screens_ids DB: "OCC SITE CONTRACT CASE INVOICE RUN MONTH MYSITE MYCASE
# MYINVOICE" of the data set (0 where there is none).
screens_ids() {
	bench_sql "$1" "SELECT
	 (SELECT id FROM bench_occ WHERE plan = 1),
	 (SELECT id FROM bench_site WHERE idx = 2),
	 COALESCE((SELECT MIN(c.id) FROM contract c JOIN bench_occ b ON b.id = c.occupier_id WHERE b.plan = 1), 0),
	 COALESCE((SELECT MAX(id) FROM support_case WHERE operator_id = (SELECT id FROM operator WHERE name = 'Northwind Workspaces')), 0),
	 COALESCE((SELECT MAX(id) FROM invoice), 0),
	 COALESCE((SELECT MAX(id) FROM bill_run), 0),
	 DATE_FORMAT(DATE_SUB(DATE('$TENANTRY_TODAY'), INTERVAL 1 MONTH), '%Y-%m'),
	 (SELECT MIN(c.site_id) FROM contract c JOIN occupier o ON o.id = c.occupier_id WHERE o.name = 'Acme Analytics Ltd'),
	 COALESCE((SELECT MAX(k.id) FROM support_case k JOIN occupier o ON o.id = k.occupier_id WHERE o.name = 'Acme Analytics Ltd'), 0),
	 COALESCE((SELECT MAX(i.id) FROM invoice i JOIN occupier o ON o.id = i.occupier_id WHERE o.name = 'Acme Analytics Ltd' AND i.status <> 'draft'), 0)" 2>/dev/null |
	    tr '\t' ' '
}

# screens_routes OCC SITE CONTRACT CASE INVOICE RUN MONTH MYSITE MYCASE
# MYINVOICE: "who kind path" lines (who: op or my; kind: html or csv).
screens_routes() {
	o=$1 s=$2 k=$3 c=$4 i=$5 r=$6 m=$7 ms=$8 mc=$9
	shift 9
	mi=$1
	cat <<ROUTES
op html /
op html /dashboard
op html /search?q=%2B44%2020%207946%200202
op html /search?q=10.0.0.1
op html /search?q=Ltd
op html /occupiers
op html /occupiers?q=Ltd
op html /occupiers/new
op html /occupiers/search?q=Ltd
op html /occupiers/$o
op html /occupiers/$o/edit
op html /occupiers/$o/sites/$s/contracts
op html /occupiers/$o/sites/$s/contracts/new
op html /occupiers/$o/contracts/$k/edit
op html /occupiers/$o/sites/$s/services
op html /occupiers/$o/sites/$s/services/manage
op html /occupiers/$o/sites/$s/history
op html /occupiers/$o/sites/$s/telephony
op html /occupiers/$o/sites/$s/devices
op html /occupiers/$o/sites/$s/charges
op html /occupiers/$o/sites/$s/users
op html /occupiers/$o/sites/$s/usage
op html /occupiers/$o/billing
op html /catalog
op html /catalog/billing
op html /sites
op html /sites/$s
op html /sites/$s/telephony
op html /sites/$s/telephony?state=available
op html /sites/$s/ports
op html /sites/$s/usage
op html /sites/$s/usage/import
op html /cases
op html /cases?status=all
op html /cases/new
op html /cases/$c
op html /reports
op html /reports/charges?month=$m
op html /reports/active-services
op html /invoices
op html /invoices/$i
op html /invoices/runs
op html /invoices/runs/$r
op html /invoices/export
op html /invoices/settings
op html /team
op html /outbox
op html /account
op csv /sites/$s/telephony.csv
op csv /reports/charges.csv?month=$m
op csv /reports/active-services.csv
op csv /sites/$s/usage.csv?month=$m
my html /my
my html /my/sites/$ms/services
my html /my/sites/$ms/telephony
my html /my/sites/$ms/devices
my html /my/sites/$ms/charges
my html /my/sites/$ms/usage
my html /my/cases
my html /my/cases/new
my html /my/cases/$mc
my html /my/invoices
my html /my/invoices/$mi
my html /my/users
ROUTES
}

# screens_get URL COOKIE: "status ms bytes", the median of the tries by time.
screens_get() {
	n=0
	while [ $n -lt "$BENCH_SCREEN_TRIES" ]; do
		curl -sS -L -o /dev/null -H "Cookie: tn_session=$2" \
		    -w '%{http_code} %{time_total} %{size_download}\n' "$1"
		n=$((n + 1))
	done | awk '{ printf "%s %.1f %s\n", $1, $2 * 1000, $3 }' | sort -k2,2n |
	    sed -n "$(((BENCH_SCREEN_TRIES + 1) / 2))p"
}

# screens_run: the table (markdown) on stdout.
screens_run() {
	set -- $(screens_ids tenantry)
	big_ids="$*"
	set -- $(screens_ids tenantry_small)
	small_ids="$*"
	op_b=${COOKIE#Cookie: tn_session=} op_s=${COOKIE_SMALL#Cookie: tn_session=}
	my_b=$(screens_login "$PORT" admin@acme.example)
	my_s=$(screens_login "$PORT_SMALL" admin@acme.example)
	# Routes of a row the data set lacks (id 0: no case, invoice or bill
	# run in the generated data) are left out, and named.
	screens_routes $big_ids | grep -v '/0\(/\|$\)' >"$W/screens.big"
	screens_routes $small_ids | grep -v '/0\(/\|$\)' >"$W/screens.small"
	screens_routes $big_ids | grep '/0\(/\|$\)' | awk '{ print $3 }' >"$OUT/screens.skipped"
	paste -d' ' "$W/screens.big" "$W/screens.small" | while read -r who kind path _ _ spath; do
		if [ "$who" = op ]; then cb=$op_b cs=$op_s; else cb=$my_b cs=$my_s; fi
		echo "$who $kind $path $(screens_get "$base$path" "$cb") $(screens_get "$base_s$spath" "$cs")"
	done >"$W/screens.tsv"
	cp "$W/screens.tsv" "$OUT/screens.tsv"
	awk -v small="$BENCH_SMALL" -v big="$BENCH_OCCUPIERS" '
	function kb(b) { return sprintf("%.1f", b / 1024) }
	BEGIN {
		print "### Every screen, one request at a time"
		print ""
		print "Each GET route at " big " and at " small " occupiers (median of the tries; ms: time to the last"
		print "byte on loopback). Goals: HTML <= 50 ms and <= 300 KB at " big ", and <= 1.5 x its time at " small " (+ 2 ms);"
		print "CSV <= 1 s."
		print ""
		print "| route | status | ms at " big " | KB at " big " | ms at " small " | KB at " small " | goal |"
		print "|---|---|---|---|---|---|---|"
	}
	{
		ok = "PASS"; why = ""
		if ($4 != 200) { ok = "FAIL"; why = " (status)" }
		else if ($2 == "csv") { if ($5 > 1000) { ok = "FAIL"; why = " (> 1 s)" } }
		else {
			if ($5 > 50) { ok = "FAIL"; why = why " (> 50 ms)" }
			if ($6 > 300 * 1024) { ok = "FAIL"; why = why " (> 300 KB)" }
			if ($5 > 1.5 * $8 + 2) { ok = "FAIL"; why = why " (> 1.5 x)" }
		}
		if (ok == "FAIL") failed++
		printf "| %s `%s` | %s | %s | %s | %s | %s | %s%s |\n", ($1 == "my" ? "occupier" : "operator"), $3, $4, $5, kb($6), $8, kb($9), ok, why
	}
	END { print ""; print "Every screen: " NR - failed " of " NR " meet the goals." }' "$W/screens.tsv"
	if [ -s "$OUT/screens.skipped" ]; then
		echo
		echo "Not measured (no such row in the generated data): $(tr '\n' ' ' <"$OUT/screens.skipped")"
	fi
}
