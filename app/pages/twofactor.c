/*
 * twofactor: /account/two-factor, every role's two-factor sign-in (TOTP,
 * RFC 6238). Off: a button starts the set-up (a new secret, shown as a QR
 * code drawn here as SVG and as base32 text); a current code turns it on
 * and shows ten recovery codes, once. On: a current code, a recovery code
 * or the password turns it off (a wrong one counts like a failed
 * sign-in). Operator admins also set the workspace rule that makes it
 * mandatory for operator roles; such a user without it is sent here after
 * sign-in and can open nothing else until it is on.
 */
#include <string.h>

#include "../domain/qrsvg.h"
#include "../ops/twofactor.h"
#include "../session.h"
#include "../store/store_twofactor.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define QR_PX	220

enum tfa_action { TA_START, TA_ENABLE, TA_DISABLE, TA_REQUIRE };
static const char *const actions[] = { "start", "enable", "disable",
	"require", NULL };

static void
fill_setup(struct req *r, struct tpl_dict *d, const struct tfa_state *s)
{
	const char	*uri, *svg;

	tpl_show(d, TN_SETUP);
	tpl_set(d, TN_SECRET, s->secret_b32);
	uri = arena_printf(r->a, "otpauth://totp/Tenantry:%s?secret=%s&"
	    "issuer=Tenantry&algorithm=SHA1&digits=6&period=30",
	    parse_urlencode(r->a, s->email), s->secret_b32);
	if ((svg = qrsvg_text(r->a, uri, QR_PX)) != NULL)
		tpl_set(d, TN_QR_SVG, svg);
}

/* The page's sections from the user's state. 1, or -1. */
static int
fill(struct req *r, struct tpl_dict *d, int codes_shown)
{
	struct ops_ctx		 c;
	struct tfa_state	 s;
	int			 req;

	page_ops_ctx(r, &c);
	if (ops_twofactor_state(&c, &s) < 0)
		return -1;
	if (r->must_enrol)
		tpl_show(d, TN_MUST);
	if (s.on) {
		tpl_show(d, TN_ON);
		tpl_set_int(d, TN_LEFT, s.recovery_left);
	} else if (s.secret_b32[0] != '\0')
		fill_setup(r, d, &s);
	else if (!codes_shown)
		tpl_show(d, TN_OFF);
	if (r->user.role == ROLE_OPERATOR_ADMIN) {
		if ((req = store_operator_mfa_required(r->a,
		    r->user.operator_id)) < 0)
			return -1;
		tpl_show(d, TN_ADMIN);
		if (req)
			tpl_show(d, TN_REQUIRED);
	}
	return 1;
}

static void
show_codes(struct tpl_dict *d, const struct tfa_enable_out *out)
{
	int	 i;

	tpl_show(d, TN_CODES);
	for (i = 0; i < RECOVERY_CODES; i++)
		tpl_set(tpl_section(d, TN_CODE), TN_TEXT, out->codes[i]);
}

/* Turning it off: a wrong proof counts like a failed sign-in. */
static int
disable(struct req *r, struct ops_ctx *c, struct ops_result *why)
{
	struct tfa_code_in	 in;
	struct tfa_out		 out;
	int64_t			 wait = 0;
	int			 rc;

	if ((rc = session_throttle_check(r, r->user.email, &wait)) != 0)
		return rc < 0 ? -1 : ops_refuse(why, OPS_TOO_MANY, NULL,
		    "Too many failed attempts for this account. Wait a few "
		    "minutes and try again.");
	in.code = form_text(r, "code", 64);
	in.password = form_text(r, "password", 1024);
	rc = ops_twofactor_disable(c, &in, &out);
	*why = out.why;
	if (rc == 0 && why->why == OPS_INVALID &&
	    session_throttle_fail(r, r->user.email, &wait) < 0)
		return -1;
	return rc;
}

/* Run the POSTed action: <0 error, 0 refused (why), 1 done, 2 done and
 * the recovery codes are in *en. */
static int
act(struct req *r, struct ops_result *why, struct tfa_enable_out *en)
{
	struct ops_ctx		 c;
	struct tfa_begin_out	 b;
	struct tfa_out		 o;
	struct tfa_code_in	 in = { NULL, NULL };
	int			 rc;

	page_ops_ctx(r, &c);
	switch (form_enum(r, "action", actions)) {
	case TA_START:
		rc = ops_twofactor_begin(&c, &b);
		*why = b.why;
		return rc;
	case TA_ENABLE:
		in.code = form_text(r, "code", 64);
		rc = ops_twofactor_enable(&c, &in, en);
		*why = en->why;
		return rc > 0 ? 2 : rc;
	case TA_DISABLE:
		return disable(r, &c, why);
	case TA_REQUIRE:
		rc = ops_twofactor_require(&c, form_has(r, "required"), &o);
		*why = o.why;
		return rc;
	default:
		return ops_refuse(why, OPS_BAD_FORM, NULL, NULL);
	}
}

void
page_twofactor(struct req *r)
{
	struct tpl_dict		*d;
	struct ops_result	 why;
	struct tfa_enable_out	 en;
	int			 rc = 0;

	memset(&why, 0, sizeof(why));
	if (r->method == M_POST) {
		if ((rc = act(r, &why, &en)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc == 0 && page_refused_bare(r, &why))
			return;
		if (rc == 1) {
			http_redirect(r, "/account/two-factor");
			return;
		}
	}
	if ((d = page_begin(r, "Two-factor sign-in", "twofactor.tpl",
	    "account")) == NULL)
		return;
	if (rc == 0 && r->method == M_POST) {
		page_refused(r, d, &why);
		if (form_text(r, "code", 32) != NULL)
			tpl_set(d, TN_F_CODE, form_text(r, "code", 32));
	}
	if (rc == 2)
		show_codes(d, &en);
	if (fill(r, d, rc == 2) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
