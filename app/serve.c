/*
 * serve: the FastCGI master binds (or inherits) the socket, pre-forks
 * cfg.workers workers, replaces a worker that dies, and on SIGTERM/SIGINT
 * lets every worker finish its current request before exiting (drain).
 */
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "domain/date.h"
#include "front.h"
#include "housekeep.h"
#include "http/http.h"
#include "log.h"
#include "mailer.h"
#include "serve.h"
#include "session.h"
#include "store/db.h"
#include "tpl/tpl.h"

#define MAX_WORKERS	256
#define DRAIN_SECONDS	15

static volatile sig_atomic_t	 stopping;	/* master and workers */
static volatile sig_atomic_t	 busy;		/* worker: inside a request */
static volatile sig_atomic_t	 got_chld;
static volatile sig_atomic_t	 got_hup;
static pid_t			 workers[MAX_WORKERS];
static unsigned long long	 reqseq;

static void
worker_term(int sig)
{
	(void)sig;
	/* Idle (blocked in accept): leave now. Busy: finish, then leave. */
	if (!busy)
		_exit(0);
	stopping = 1;
}

static void
master_sig(int sig)
{
	if (sig == SIGCHLD)
		got_chld = 1;
	else if (sig == SIGHUP)
		got_hup = 1;
	else
		stopping = 1;
}

static int32_t
today_local(time_t now)
{
	struct tm	 tm;

	if (cfg.today != DATE_NONE)
		return cfg.today;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *
param(FCGX_Request *fr, const char *name)
{
	const char	*v = FCGX_GetParam(name, fr->envp);

	return v == NULL ? "" : v;
}

static int
read_body(struct req *r, FCGX_Request *fr, size_t len, char **out)
{
	char	*p;
	size_t	 got = 0;
	int	 n;

	p = arena_alloc(r->a, len + 1);
	while (got < len) {
		n = FCGX_GetStr(p + got, (int)(len - got), fr->in);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	p[len] = '\0';
	*out = p;
	return 0;
}

/* The request line and headers of fr into r. 0, or -1 with the error
 * answered (an undecodable path). */
static int
request_head(struct req *r, FCGX_Request *fr)
{
	const char	*uri, *q, *method = param(fr, "REQUEST_METHOD");
	char		*path;
	size_t		 plen;

	r->remote_addr = param(fr, "REMOTE_ADDR");
	r->user_agent = param(fr, "HTTP_USER_AGENT");
	r->https = strcmp(param(fr, "HTTPS"), "on") == 0;
	log_request_begin(r->id, r->remote_addr);
	if (strcmp(method, "GET") == 0)
		r->method = M_GET;
	else if (strcmp(method, "HEAD") == 0) {
		r->method = M_GET;
		r->head = 1;
	} else if (strcmp(method, "POST") == 0)
		r->method = M_POST;
	else
		r->method = M__MAX;
	uri = param(fr, "REQUEST_URI");
	r->uri = uri;
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	if (parse_urldecode(r->a, uri, plen, 0, &path, NULL) == -1 ||
	    !parse_utf8_valid(path, strlen(path))) {
		r->path = "/";
		http_error(r, 400);
		return -1;
	}
	r->path = path;
	if (q != NULL && parse_urlencoded(r->a, q + 1, strlen(q + 1),
	    &r->query, NULL) != 0)
		r->query.n = 0;	/* a bad query string reads as none */
	parse_cookies(r->a, FCGX_GetParam("HTTP_COOKIE", fr->envp),
	    &r->cookies);
	return 0;
}

/* The body of a POST into r->form (and r->files for an upload). 0, or -1
 * with the error answered (a bad length, too large, unreadable). */
static int
request_body(struct req *r, FCGX_Request *fr)
{
	const char		*cl = param(fr, "CONTENT_LENGTH");
	const char		*ct = param(fr, "CONTENT_TYPE");
	const char		*boundary = mp_boundary(r->a, ct);
	unsigned long long	 len = 0;
	char			*body, *end;

	if (*cl != '\0') {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno != 0 || *end != '\0') {
			http_error(r, 400);
			return -1;
		}
	}
	if (len > (boundary != NULL ? HTTP_UPLOAD_MAX : HTTP_BODY_MAX)) {
		http_error(r, 413);
		return -1;
	}
	if (r->method != M_POST || len == 0)
		return 0;
	if (read_body(r, fr, (size_t)len, &body) == -1) {
		http_error(r, 400);
		return -1;
	}
	if (boundary != NULL) {
		/* Only the upload routes take it (front.c). */
		r->multipart = 1;
		if (mp_parse(r->a, body, (size_t)len, boundary, &r->form,
		    &r->files, &r->form_badkey) != 0)
			r->form_bad = 1;
	} else if (strncmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
		r->form_bad = 1;
		r->form_badkey = "(the form must be sent url-encoded)";
	} else if (parse_urlencoded(r->a, body, (size_t)len, &r->form,
	    &r->form_badkey) != 0)
		r->form_bad = 1;
	return 0;
}

/* The connection's writer for streamed replies (http_stream_*). */
static int
out_write(void *ctx, const char *p, size_t n)
{
	FCGX_Stream	*s = ctx;

	while (n > 0) {
		int	 k = n > 65536 ? 65536 : (int)n;

		if (FCGX_PutStr(p, k, s) != k)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int
out_flush(void *ctx)
{
	return FCGX_FFlush(ctx) == 0 ? 0 : -1;
}

/* Build the request from FastCGI params, dispatch, and write the reply
 * (unless the page streamed it). */
static void
handle(FCGX_Request *fr, struct arena *a)
{
	struct req	 r;
	struct buf	 out;
	uint64_t	 nstmt;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.id = ++reqseq;
	buf_init(&r.hdr, a, 512);
	buf_init(&r.body, a, 16384);
	r.now = (int64_t)time(NULL);
	r.today = today_local((time_t)r.now);
	r.out = out_write;
	r.out_flush = out_flush;
	r.out_ctx = fr->out;
	nstmt = db_statements();
	if (request_head(&r, fr) == 0 && request_body(&r, fr) == 0) {
		front_handle(&r);
		if (!r.done) {
			log_warnx("serve: %s produced no response", r.path);
			http_error(&r, 500);
		}
	}
	if (r.streamed)
		(void)http_stream_put(&r, 1);	/* what is left of the body */
	else {
		r.db_statements = (long)(db_statements() - nstmt);
		buf_init(&out, a, r.body.len + r.hdr.len + 1024);
		http_serialize(&r, &out);
		FCGX_PutStr(out.p, (int)out.len, fr->out);
	}
	if (r.status >= 500)
		log_warnx("%s %s -> %d", param(fr, "REQUEST_METHOD"), r.uri,
		    r.status);
	log_request_end();
}

/*
 * Reads what is left of the request: a body the page did not read (a 413,
 * a bad length) and the empty record that ends it. Returns 1 when the web
 * server has sent everything and it has all been read.
 *
 * libfcgi closes a connection with shutdown(), then waits for the web
 * server to close its end and reads until it does: against a TCP reset that
 * would discard the reply if unread input were left behind. Past the end of
 * the input nothing more is coming, and on a unix socket the reply already
 * queued is read by nginx before it sees the close, so the worker may close
 * at once (FCGX_Detach: no shutdown, no wait) and take the next request: a
 * sleep and three system calls less per request.
 */
static int
input_read(FCGX_Request *fr)
{
	char	 buf[4096];

	while (FCGX_GetStr(buf, (int)sizeof(buf), fr->in) > 0)
		continue;
	return FCGX_HasSeenEOF(fr->in) == EOF && FCGX_GetError(fr->in) == 0;
}

static void
worker_main(int sock)
{
	FCGX_Request		 fr;
	struct arena		*a;
	struct sigaction	 sa;
	sigset_t		 none;
	int			 unix_sock, big;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);	/* the master blocks them */
	if (sodium_init() < 0)
		_exit(1);
	if (FCGX_InitRequest(&fr, sock, 0) != 0)
		_exit(1);
	unix_sock = strchr(cfg.listen, '/') != NULL;
	/* A big request (a site's usage report) gives its memory back
	 * (below): fixed thresholds, as glibc would raise them after the
	 * first big block is freed and keep such blocks from then on. */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
	mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
	a = arena_new(64 * 1024);
	while (!stopping) {
		busy = 0;
		if (stopping)
			break;
		if (FCGX_Accept_r(&fr) < 0)
			break;
		busy = 1;
		handle(&fr, a);
		if (unix_sock && input_read(&fr))
			FCGX_Detach(&fr);
		FCGX_Finish_r(&fr);
		if (db_in_txn()) {
			/* A page that neither committed nor rolled back. */
			log_warnx("serve: a request left a transaction open: "
			    "rolled back");
			db_rollback();
		}
		big = arena_used(a) > 4 * 1024 * 1024;
		arena_reset(a);
		if (big)
			malloc_trim(0);	/* the pages back to the system */
	}
	arena_free(a);
	db_close();
	_exit(0);
}

static pid_t
spawn(int sock)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_warnx("serve: fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		worker_main(sock);
	return pid;
}

/*
 * The master's helper processes beside the workers, each replaced like a
 * worker when it dies and named tn-<name> in ps: the housekeeping round a
 * minute (housekeep.c), and the mail sender when a relay is configured
 * (mailer.c).
 */
static int	housekeep_run(void);
static int	mailer_wanted(void);
static int	always(void);

static struct helper {
	const char	*comm;		/* process name */
	int		(*main)(void);	/* its exit status */
	int		(*wanted)(void);
	pid_t		 pid;
} helpers[] = {
	{ "tn-housekeep", housekeep_run, always, 0 },
	{ "tn-mailer", mailer_main, mailer_wanted, 0 },
};
#define NHELPERS	(sizeof(helpers) / sizeof(helpers[0]))

static int
always(void)
{
	return 1;
}

static int
mailer_wanted(void)
{
	return cfg.smtp_url[0] != '\0';
}

static int
housekeep_run(void)
{
	housekeep_main();
}

static void
spawn_helper(struct helper *h, int sock)
{
	sigset_t	 none;
	pid_t		 pid;

	h->pid = 0;
	if (!h->wanted())
		return;
	if ((pid = fork()) == -1) {
		log_warnx("serve: fork (%s): %s", h->comm, strerror(errno));
		return;
	}
	if (pid == 0) {
		close(sock);
		prctl(PR_SET_NAME, h->comm, 0, 0, 0);
		signal(SIGHUP, SIG_IGN);
		signal(SIGCHLD, SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		_exit(h->main());
	}
	h->pid = pid;
}

/* The helper whose process pid was, or NULL. */
static struct helper *
helper_of(pid_t pid)
{
	size_t	 i;

	for (i = 0; i < NHELPERS; i++)
		if (helpers[i].pid == pid)
			return &helpers[i];
	return NULL;
}

static int
open_socket(void)
{
	int	 sock;

	if (cfg.listen[0] != ':' && strchr(cfg.listen, '/') != NULL) {
		/* libfcgi does not remove a stale socket file. */
		if (unlink(cfg.listen) == -1 && errno != ENOENT) {
			log_warnx("serve: unlink %s: %s", cfg.listen,
			    strerror(errno));
			return -1;
		}
	}
	if ((sock = FCGX_OpenSocket(cfg.listen, 1024)) < 0) {
		log_warnx("serve: cannot listen on %s", cfg.listen);
		return -1;
	}
	if (strchr(cfg.listen, '/') != NULL)
		chmod(cfg.listen, 0660);
	return sock;
}

/* The master's state between its steps. */
struct master {
	int		 sock;
	int		 n;		/* workers */
	sigset_t	 mask, old;	/* the signals it waits for; the mask before */
	time_t		 window;	/* crash-loop guard: deaths since window */
	int		 deaths;
};

/* Crash loop (over 20 deaths in 10 s): wait a second rather than spin. */
static void
crash_guard(struct master *m)
{
	if (time(NULL) - m->window > 10) {
		m->window = time(NULL);
		m->deaths = 0;
	}
	if (++m->deaths > 20) {
		sigprocmask(SIG_SETMASK, &m->old, NULL);
		sleep(1);
		sigprocmask(SIG_BLOCK, &m->mask, NULL);
	}
}

/* A child ended: forget it, and replace it unless stopping. */
static void
reap(struct master *m, pid_t pid, int status)
{
	struct helper	*h;
	int		 i;

	if ((h = helper_of(pid)) != NULL) {
		h->pid = 0;
		if (stopping)
			return;
		log_warnx("serve: %s %d ended (%d); replacing it", h->comm,
		    (int)pid, WIFSIGNALED(status) ? WTERMSIG(status) :
		    WEXITSTATUS(status));
		crash_guard(m);
		spawn_helper(h, m->sock);
		return;
	}
	for (i = 0; i < m->n; i++) {
		if (workers[i] != pid)
			continue;
		workers[i] = 0;
		if (stopping)
			return;
		if (WIFSIGNALED(status))
			log_warnx("serve: worker %d killed by signal %d; "
			    "replacing it", (int)pid, WTERMSIG(status));
		else if (WEXITSTATUS(status) != 0)
			log_warnx("serve: worker %d exited %d; replacing it",
			    (int)pid, WEXITSTATUS(status));
		crash_guard(m);
		workers[i] = spawn(m->sock);
	}
}

/* Until SIGTERM/SIGINT: replace what dies; SIGHUP re-reads templates. */
static void
supervise(struct master *m)
{
	pid_t	 pid;
	int	 i, status;

	while (!stopping) {
		sigsuspend(&m->old);
		if (got_hup) {
			got_hup = 0;
			/* Re-read templates; replaced workers inherit them. */
			tpl_reload();
			for (i = 0; i < m->n; i++)
				if (workers[i] > 0)
					kill(workers[i], SIGTERM);
		}
		if (!got_chld)
			continue;
		got_chld = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			reap(m, pid, status);
	}
}

/* Every child still running receives sig; returns how many there are. */
static int
signal_all(const struct master *m, int sig)
{
	size_t	 k;
	int	 i, alive = 0;

	for (i = 0; i < m->n; i++)
		if (workers[i] > 0) {
			alive++;
			if (sig != 0)
				kill(workers[i], sig);
		}
	for (k = 0; k < NHELPERS; k++)
		if (helpers[k].pid > 0) {
			alive++;
			if (sig != 0)
				kill(helpers[k].pid, sig);
		}
	return alive;
}

/* Drain: workers finish the request in hand, then exit; after
 * DRAIN_SECONDS whatever is left is killed. */
static void
drain(struct master *m)
{
	struct helper	*h;
	time_t		 deadline;
	pid_t		 pid;
	int		 i, status;

	log_info("serve: stopping; draining workers");
	signal_all(m, SIGTERM);
	deadline = time(NULL) + DRAIN_SECONDS;
	sigprocmask(SIG_SETMASK, &m->old, NULL);
	for (;;) {
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			if ((h = helper_of(pid)) != NULL)
				h->pid = 0;
			for (i = 0; i < m->n; i++)
				if (workers[i] == pid)
					workers[i] = 0;
		}
		if (signal_all(m, 0) == 0)
			break;
		if (time(NULL) > deadline)
			signal_all(m, SIGKILL);
		usleep(50 * 1000);
	}
}

/* Templates, libraries, hashing slots and the socket. 0, or -1 (said). */
static int
master_init(struct master *m)
{
	if (tpl_init(cfg.templates) == -1) {
		fprintf(stderr, "tenantry: templates in %s failed to load\n",
		    cfg.templates);
		return -1;
	}
	if (db_library_init() == -1 || sodium_init() < 0) {
		fprintf(stderr, "tenantry: library initialisation failed\n");
		return -1;
	}
	if (session_hash_slots_init(cfg.hash_slots) == -1) {
		fprintf(stderr, "tenantry: cannot create the hashing slots\n");
		return -1;
	}
	if (FCGX_Init() != 0 || (m->sock = open_socket()) < 0)
		return -1;
	m->n = cfg.workers > MAX_WORKERS ? MAX_WORKERS : cfg.workers;
	return 0;
}

int
serve_main(void)
{
	struct master		 m;
	struct sigaction	 sa;
	size_t			 k;
	int			 i;

	memset(&m, 0, sizeof(m));
	if (master_init(&m) == -1)
		return 1;
	sigemptyset(&m.mask);
	sigaddset(&m.mask, SIGCHLD);
	sigaddset(&m.mask, SIGTERM);
	sigaddset(&m.mask, SIGINT);
	sigaddset(&m.mask, SIGHUP);
	sigprocmask(SIG_BLOCK, &m.mask, &m.old);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = master_sig;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	for (i = 0; i < m.n; i++)
		workers[i] = spawn(m.sock);
	for (k = 0; k < NHELPERS; k++)
		spawn_helper(&helpers[k], m.sock);
	log_info("serve: %d workers on %s%s", m.n, cfg.listen,
	    helpers[1].pid > 0 ? ", and a mail sender" : " (no mail relay "
	    "set: mail waits in the outbox)");
	fflush(stderr);
	supervise(&m);
	drain(&m);
	if (strchr(cfg.listen, '/') != NULL)
		unlink(cfg.listen);
	session_hash_slots_cleanup();
	db_library_end();
	log_info("serve: stopped");
	return 0;
}
