// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a stateful run.  The input is a configuration byte and
 * a sequence of operations (enum fz_op in fuzz_common.h): handle a raw or
 * a built frame, send a packet with a fresh handle, tick later, run every
 * deadline, add/del addresses, prefixes and routers, confirm, flush, join
 * or leave a group, change a parameter, query, lose or regain the link.
 *
 * After every operation: the output is well-formed (fz_check_out: frames
 * with correct checksums and RFC framing, each handle back exactly once),
 * the tables are within capacity and consistent, get_ip lists no tentative
 * address, the core holds exactly the packets fill says are queued; every
 * tick checks its deadline was not late and that a tick at the deadline
 * makes progress.  At the end ndp_flush() must give back every handle.
 *
 * FZ_TRACE=1 in the environment prints the operations (to reproduce).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "fuzz_common.h"

#define MAX_OPS 256

struct rd {
	const u8 *p;
	size_t n;
};

static u8 r8(struct rd *r)
{
	if (!r->n)
		return 0;
	r->n--;
	return *r->p++;
}

static u16 r16(struct rd *r)
{
	u16 v = (u16)r8(r) << 8;

	return v | r8(r);
}

static bool trace;

__printf(1, 2)
static void tr(const char *fmt, ...)
{
	va_list ap;

	if (!trace)
		return;
	va_start(ap, fmt);
	fputs("op ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void check_rc(struct fz *f, int rc, const char *what)
{
	if (rc)
		tr("  %s returned %d", what, rc);
	if (rc != 0 && rc != -EEXIST && rc != -ENOSPC && rc != -EINVAL &&
	    rc != -ENOENT)
		fz_fail(f, "%s returned %d", what, rc);
}

static void config(u8 b, struct ndp_config *cfg)
{
	ndp_config_default(cfg);
	if (b & FZ_CFG_SMALL) {
		cfg->max_addrs = 4;
		cfg->max_nbrs = 8;
		cfg->max_routers = 2;
		cfg->max_prefixes = 3;
		cfg->max_routes = 3;
		cfg->max_groups = 4;
		cfg->nbr_queue_len = 2;
		cfg->queue_total = 4;
		cfg->incomplete_quota = 3;
		cfg->incomplete_rate = 2;
		cfg->icmp_rate = 1;
		cfg->icmp_burst = 2;
	}
	if (b & FZ_CFG_NO_RA)
		cfg->accept_ra = false;
	if (b & FZ_CFG_NO_DAD)
		cfg->dad_transmits = 0;
	if (b & FZ_CFG_STABLE) {
		cfg->addr_gen = NDP_ADDR_GEN_STABLE_PRIVACY;
		cfg->stable_secret_set = true;
		memset(cfg->stable_secret, 0x5a, sizeof(cfg->stable_secret));
	}
}

static void query(struct fz *f, u8 a, u8 b)
{
	static const u8 protos[3] = { NDP_NH_ICMPV6, NDP_NH_TCP, NDP_NH_UDP };
	const struct ndp_ip6 *dst = &fz_pool[a % FZ_NPOOL];
	struct ndp_ip6 src, ips[64];
	struct ndp_nbr_info ni;
	struct ndp_params par;
	u8 buf[128];
	u32 n;
	int rc, k;

	rc = ndp_select_source(f->ctx, dst, &src);
	if (rc) {
		if (rc != -ENOENT)
			fz_fail(f, "select_source returned %d", rc);
	} else {
		bool found = false;

		n = ndp_get_ip(f->ctx, ips, ARRAY_SIZE(ips));
		for (k = 0; k < (int)n; k++)
			found |= !memcmp(&ips[k], &src, sizeof(src));
		if (!found)
			fz_fail(f, "select_source gave an address not in get_ip");
	}
	n = ndp_allocate_frame(f->ctx, dst, protos[b % 3], buf,
			       b & 0x80 ? 20 : sizeof(buf));
	if (n && (n != NDP_ETH_HLEN + NDP_IP6_HLEN ||
		  ndp_get16(buf + 12) != 0x86dd || buf[14] >> 4 != 6 ||
		  buf[14 + 6] != protos[b % 3] ||
		  memcmp(buf + 14 + 24, dst, 16)))
		fz_fail(f, "allocate_frame wrote a bad header");
	if (n && !rc && memcmp(buf + 14 + 8, &src, 16))
		fz_fail(f, "allocate_frame source differs from select_source");
	rc = ndp_nbr_lookup(f->ctx, dst, &ni);
	if (rc && rc != -ENOENT)
		fz_fail(f, "nbr_lookup returned %d", rc);
	ndp_get_params(f->ctx, &par);
	if (par.mtu < NDP_MIN_MTU || par.mtu > f->ctx->cfg.link_mtu)
		fz_fail(f, "link MTU %u outside [1280, %u]", par.mtu,
			f->ctx->cfg.link_mtu);
	if (!par.reachable_ms || !par.retrans_ms)
		fz_fail(f, "reachable/retrans time 0");
}

static void param(struct fz *f, u8 a, u8 b)
{
	static const u32 mtus[4] = { 1279, 1280, 1500, 9000 };

	switch (a % 4) {
	case 0:
		ndp_set_link_mtu(f->ctx, mtus[b & 3]);
		break;
	case 1:
		ndp_set_accept_ra(f->ctx, b & 1);
		break;
	case 2:
		ndp_set_reply_echo(f->ctx, b & 1);
		break;
	default:
		ndp_set_dad_transmits(f->ctx, b & 3);
		ndp_set_optimistic_dad(f->ctx, !(b & 4));
		break;
	}
}

/* Long, but one case per operation of enum fz_op: it reads as the format. */
static void one_op(struct fz *f, struct rd *r)
{
	struct ndp_prefix pfx;
	struct ndp_ip6 ips[3];
	u8 p[NF_MAX], x[6];
	u8 op = r8(r) % FZ_OP_MAX;
	u8 a, b, c, d;
	u16 w;
	u32 n;
	int rc;

	switch (op) {
	case FZ_OP_FRAME_RAW:
		w = r16(r);
		n = w & 0x7ff;
		if (n > r->n)
			n = (u32)r->n;
		tr("frame_raw %u bytes, tot_len +%u%s", n, w & 0x800 ? 8 : 0,
		   w & 0x1000 ? ", link-layer multicast" : "");
		fz_handle(f, r->p, n, n + (w & 0x800 ? 8 : 0),
			  w & 0x1000 ? NDP_PKT_L2_MCAST : 0);
		r->p += n;
		r->n -= n;
		break;
	case FZ_OP_FRAME:
		a = r8(r);
		for (n = 0; n < 6; n++)
			x[n] = r8(r);
		tr("frame kind %u %02x %02x %02x %02x %02x %02x", a % FZ_F_MAX,
		   x[0], x[1], x[2], x[3], x[4], x[5]);
		n = fz_build_frame(p, a, x);
		fz_handle(f, p, n, n, 0);
		break;
	case FZ_OP_SEND:
		a = r8(r);
		b = r8(r);
		c = r8(r);
		d = r8(r);
		tr("send dst %u flags %02x len %u route %u", a % FZ_NPOOL, b,
		   c * 4, d % FZ_NPOOL);
		fz_send(f, &fz_pool[a % FZ_NPOOL],
			b & 2 ? NULL : &fz_pool[(b & 4 ? d : a) % FZ_NPOOL],
			b & 1 ? NDP_SEND_FILL_LEN : 0, (u32)c * 4,
			(b & 0xf8) == 0xf8);
		break;
	case FZ_OP_TICK_MS:
		w = r16(r);
		tr("tick +%u ms", w);
		fz_tick(f, f->now + (s64)w * NDP_NSEC_PER_MSEC);
		break;
	case FZ_OP_TICK_S:
		w = r16(r);
		tr("tick +%u s", w);
		fz_tick(f, f->now + (s64)w * NDP_NSEC_PER_SEC);
		break;
	case FZ_OP_RUN_MS:
		w = r16(r);
		tr("run +%u ms", w);
		fz_run_until(f, f->now + (s64)w * NDP_NSEC_PER_MSEC);
		break;
	case FZ_OP_ADD_IP:
		a = r8(r);
		b = r8(r);
		c = r8(r);
		d = r8(r);
		tr("add_ip %u/%u valid %u pref %u", a % FZ_NPOOL, fz_plen(b),
		   fz_lifetime(c), fz_lifetime(d));
		fz_pre(f, "add_ip");
		rc = ndp_add_ip(f->ctx, f->now, &fz_pool[a % FZ_NPOOL],
				fz_plen(b), fz_lifetime(c), fz_lifetime(d),
				f->out);
		fz_check_out(f);
		check_rc(f, rc, "add_ip");
		break;
	case FZ_OP_DEL_IP:
		a = r8(r);
		tr("del_ip %u", a % FZ_NPOOL);
		fz_pre(f, "del_ip");
		rc = ndp_del_ip(f->ctx, f->now, &fz_pool[a % FZ_NPOOL],
				f->out);
		fz_check_out(f);
		check_rc(f, rc, "del_ip");
		break;
	case FZ_OP_ADD_PREFIX:
	case FZ_OP_DEL_PREFIX:
		a = r8(r);
		b = r8(r);
		c = op == FZ_OP_ADD_PREFIX ? r8(r) : 0;
		pfx.addr = fz_pfx[a % FZ_NPFX];
		pfx.len = fz_plen(b);
		tr("%s %u/%u valid %u", op == FZ_OP_ADD_PREFIX ?
		   "add_prefix" : "del_prefix", a % FZ_NPFX, pfx.len,
		   fz_lifetime(c));
		fz_pre(f, "prefix");
		if (op == FZ_OP_ADD_PREFIX)
			rc = ndp_add_prefix(f->ctx, f->now, &pfx,
					    fz_lifetime(c), f->out);
		else
			rc = ndp_del_prefix(f->ctx, f->now, &pfx, f->out);
		fz_check_out(f);
		check_rc(f, rc, "add/del_prefix");
		break;
	case FZ_OP_ADD_ROUTERS:
		a = r8(r) % 4;
		for (n = 0; n < 3; n++)
			ips[n] = fz_pool[r8(r) % FZ_NPOOL];
		b = r8(r);
		tr("add_routers %u lifetime %u", a, fz_lifetime(b));
		fz_pre(f, "add_routers");
		rc = ndp_add_routers(f->ctx, f->now, ips, a, fz_lifetime(b),
				     f->out);
		fz_check_out(f);
		if (rc < -ENOSPC || rc > 3)
			check_rc(f, rc, "add_routers");
		break;
	case FZ_OP_DEL_ROUTER:
		a = r8(r);
		tr("del_router %u", a % FZ_NPOOL);
		fz_pre(f, "del_router");
		rc = ndp_del_router(f->ctx, f->now, &fz_pool[a % FZ_NPOOL],
				    f->out);
		fz_check_out(f);
		check_rc(f, rc, "del_router");
		break;
	case FZ_OP_CONFIRM:
		a = r8(r);
		tr("confirm %u", a % FZ_NPOOL);
		fz_pre(f, "confirm");
		ndp_confirm(f->ctx, f->now, &fz_pool[a % FZ_NPOOL]);
		fz_check_out(f);
		break;
	case FZ_OP_FLUSH:
		tr("flush");
		fz_flush(f);
		break;
	case FZ_OP_GROUP:
		a = r8(r);
		b = r8(r);
		tr("%s %u", b & 1 ? "join" : "leave", a % FZ_NPOOL);
		fz_pre(f, "group");
		if (b & 1)
			rc = ndp_join_group(f->ctx, f->now,
					    &fz_pool[a % FZ_NPOOL], f->out);
		else
			rc = ndp_leave_group(f->ctx, f->now,
					     &fz_pool[a % FZ_NPOOL], f->out);
		fz_check_out(f);
		check_rc(f, rc, "join/leave_group");
		break;
	case FZ_OP_PARAM:
		a = r8(r);
		b = r8(r);
		tr("param %u = %u", a % 4, b);
		param(f, a, b);
		break;
	case FZ_OP_SQUEEZE:
		a = r8(r);
		f->squeeze = true;
		f->free_tx = a & 3;
		/* 1, 2, 3 or none: a call's own handle may find no room */
		f->free_done = ((a >> 2) & 3) == 3 ? 0 : 1 + ((a >> 2) & 3);
		f->free_arena = (u32)(a >> 4) * 48;
		tr("squeeze: next call has room for %u tx, %u done, %u bytes",
		   f->free_tx, f->free_done, f->free_arena);
		break;
	case FZ_OP_LINK:
		a = r8(r);
		tr("link %s", a & 1 ? "up" : "down");
		fz_pre(f, "link");
		ndp_link_change(f->ctx, f->now, a & 1, f->out);
		fz_check_out(f);
		if (f->out->n_tx != f->tx0)
			fz_fail(f, "link change sent %u frames",
				f->out->n_tx - f->tx0);
		break;
	case FZ_OP_QUERY:
	default:
		a = r8(r);
		b = r8(r);
		tr("query %u proto %u", a % FZ_NPOOL, b);
		query(f, a, b);
		break;
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	trace = !!getenv("FZ_TRACE");
	fz_world_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct rd r = { data, size };
	struct ndp_config cfg;
	static struct fz f;
	unsigned int ops;
	u8 cb;

	if (size > 8192)
		return -1;
	cb = r8(&r);
	config(cb, &cfg);
	fz_init(&f, &cfg);
	f.verbose = trace;
	if (cb & FZ_CFG_POPULATE)
		fz_populate(&f);
	fz_check_tables(&f);
	for (ops = 0; r.n && ops < MAX_OPS; ops++) {
		f.step = ops + 1;
		one_op(&f, &r);
		fz_check_tables(&f);
	}
	f.step = ops + 1;
	fz_flush(&f);
	fz_check_tables(&f);
	fz_free(&f);
	return 0;
}
