-- post.lua: wrk script for a fixed form POST (the Manage services preview,
-- op=recalc with the current rows, as app.js sends it while you type).
-- The body comes from the file BENCH_BODY_FILE written by run.sh.
local f = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
