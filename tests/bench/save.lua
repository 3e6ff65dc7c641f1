-- save.lua: wrk script for the Manage services save (op=save).
--
-- A save names the plan version it started from; a stale one answers 409.
-- So that every save succeeds and changes rows, each wrk thread owns a
-- disjoint slice of the plan occupiers (BENCH_SAVE_DATA, written by
-- run.sh from the database just before the run), keeps a queue of the
-- occupiers that have no save in flight, and alternates two plans per
-- occupier (two prices change each time). wrk does not say which
-- connection a response belongs to, so the occupier is read back from the
-- response: the 303's Location names it, and after a save the version is
-- exactly one more (the save bumps it in the same transaction). A 409 or
-- 422 page carries the form: its action names the occupier and its
-- version input the version to use next. Counts are printed by done().
--
-- Arguments after "--": the number of wrk threads.

local data = dofile(os.getenv("BENCH_SAVE_DATA"))
local csrf = os.getenv("BENCH_CSRF")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local threads = {}
local nthreads_setup = 0

function setup(thread)
	thread:set("tid", nthreads_setup)
	nthreads_setup = nthreads_setup + 1
	table.insert(threads, thread)
end

local free, byocc = {}, {}
saved, conflicts, other, stray, lost = 0, 0, 0, 0, 0

function init(args)
	local n = tonumber(args[1]) or 1
	for i, p in ipairs(data) do
		if (i - 1) % n == tid then
			byocc[p.occ] = p
			table.insert(free, p)
		end
	end
end

local function body(p)
	local t = { "csrf=", csrf, "&version=", p.version, "&q=" }
	for i, r in ipairs(p.rows) do
		local k = "&row%5B" .. (i - 1) .. "%5D%5B"
		t[#t + 1] = k .. "id%5D=" .. r[1]
		t[#t + 1] = k .. "service%5D=" .. r[2]
		t[#t + 1] = k .. "contract%5D=" .. r[3]
		t[#t + 1] = k .. "price%5D=" .. (p.turn == 1 and r[5] or r[6])
		t[#t + 1] = k .. "qty%5D=" .. r[4]
	end
	t[#t + 1] = "&op=save"
	return table.concat(t)
end

function request()
	local p = table.remove(free, 1)
	if p == nil then
		-- More connections than occupiers in this thread: reuse one
		-- (it may answer 409); counted so the report can say so.
		stray = stray + 1
		for _, q in pairs(byocc) do p = q break end
	end
	return wrk.format("POST", "/occupiers/" .. p.occ .. "/sites/" .. p.site ..
	    "/services/manage", nil, body(p))
end

function response(status, headers, resp)
	local loc = headers["Location"] or headers["location"]
	if status == 303 and loc then
		local p = byocc[tonumber(string.match(loc, "^/occupiers/(%d+)/"))]
		if p then
			saved = saved + 1
			p.version = p.version + 1
			p.turn = 3 - p.turn
			table.insert(free, p)
			return
		end
	end
	local occ = tonumber(string.match(resp or "", 'action="/occupiers/(%d+)/sites/'))
	local v = tonumber(string.match(resp or "", 'name="version" value="(%d+)"'))
	local p = occ and byocc[occ]
	if status == 409 then conflicts = conflicts + 1 else other = other + 1 end
	if p then
		if status == 409 and v then p.version = v end
		table.insert(free, p)
	else
		lost = lost + 1
	end
end

function done(summary, latency, requests)
	local s, c, o, st, l = 0, 0, 0, 0, 0
	for _, t in ipairs(threads) do
		s = s + t:get("saved")
		c = c + t:get("conflicts")
		o = o + t:get("other")
		st = st + t:get("stray")
		l = l + t:get("lost")
	end
	io.write(string.format("SAVE saved=%d conflicts=%d other=%d stray=%d lost=%d\n",
	    s, c, o, st, l))
end
