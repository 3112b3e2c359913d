// SPDX-License-Identifier: GPL-2.0
/*
 * The userspace tools' harness: the fixed world, a context, the wrappers
 * that call the core and check what comes out (fuzz_check.c).  See
 * fuzz_common.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

const u8 fz_mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
struct ndp_ip6 fz_pool[FZ_NPOOL];
struct ndp_ip6 fz_pfx[FZ_NPFX];

/* ---------------------------------------------------------------- world */

struct ndp_ip6 fz_ip(const char *s)
{
	struct ndp_ip6 a;

	if (nf_pton(s, &a)) {
		fprintf(stderr, "%s: bad address %s\n", __func__, s);
		abort();
	}
	return a;
}

void fz_nbr_mac(unsigned int i, bool alt, u8 *mac)
{
	mac[0] = 0x02;
	mac[1] = 0;
	mac[2] = 0;
	mac[3] = 0;
	mac[4] = alt ? 3 : (i < FZ_NNBR ? 1 : 2);
	mac[5] = (u8)(i < FZ_NNBR ? i : i - FZ_NNBR);
}

void fz_world_init(void)
{
	static bool done;
	static const char *const pfx[FZ_NPFX] = {
		"2001:db8:1::", "2001:db8:2::", "2001:db8:3::",
		"2001:db8:4::", "fe80::", "2001:db8:99::", "2001:db8:5::",
		"ff02::",
	};
	struct ndp_ip6 ll = fz_ip("fe80::");
	unsigned int i;
	char s[64];

	if (done)
		return;
	done = true;
	for (i = 0; i < FZ_NPFX; i++)
		fz_pfx[i] = fz_ip(pfx[i]);
	for (i = 0; i < FZ_NNBR; i++) {
		snprintf(s, sizeof(s), "fe80::%x", 0x10 + i);
		fz_pool[FZ_P_NBR_LL + i] = fz_ip(s);
		snprintf(s, sizeof(s), "2001:db8:1::%x", 0x10 + i);
		fz_pool[FZ_P_NBR_GUA + i] = fz_ip(s);
	}
	fz_pool[FZ_P_RTR] = fz_ip("fe80::1");
	fz_pool[FZ_P_RTR + 1] = fz_ip("fe80::2");
	fz_pool[FZ_P_OFFLINK] = fz_ip("2001:db8:99::1");
	fz_pool[FZ_P_OUR_LL] = nf_eui64(&ll, fz_mac);
	fz_pool[FZ_P_OUR_GUA] = fz_ip("2001:db8:1::1");
	fz_pool[FZ_P_OUR_SLAAC] = nf_eui64(&fz_pfx[1], fz_mac);
	fz_pool[FZ_P_PFX3] = fz_ip("2001:db8:3::5");
	fz_pool[FZ_P_ALLNODES] = fz_ip("ff02::1");
	fz_pool[FZ_P_MDNS] = fz_ip("ff02::fb");
	fz_pool[FZ_P_OUR_SNM] = nf_snm(&fz_pool[FZ_P_OUR_LL]);
	fz_pool[FZ_P_UNSPEC] = fz_ip("::");
	fz_pool[FZ_P_LOOPBACK] = fz_ip("::1");
	/* same solicited-node group as ours, not ours */
	fz_pool[28] = fz_ip("fe80::aaaa:bbff:fe00:1");
	fz_pool[29] = fz_ip("2001:db8:2::99");
	fz_pool[30] = fz_ip("ff05::2");
	fz_pool[31] = fz_ip("2001:db8:4::1");
}

void fz_random(void *opaque, void *buf, u32 len)
{
	u64 *s = opaque;
	u8 *p = buf;
	u32 i;

	for (i = 0; i < len; i++) {
		*s ^= *s << 13;
		*s ^= *s >> 7;
		*s ^= *s << 17;
		p[i] = (u8)(*s >> 24);
	}
}

u8 fz_plen(u8 b)
{
	static const u8 plens[16] = {
		64, 64, 64, 48, 56, 0, 128, 129, 1, 127, 65, 63, 255, 96, 80,
		64,
	};

	return plens[b & 15];
}

u32 fz_lifetime(u8 b)
{
	static const u32 lts[16] = {
		NDP_INFINITE, 0, 1, 2, 5, 30, 60, 3600, 7200, 7201, 86400,
		0xfffffffeU, 0x7fffffffU, 10, 100, 1800,
	};

	return lts[b & 15];
}

/* -------------------------------------------------------- the harness */

void fz_fail(const struct fz *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "INVARIANT VIOLATED (step %u, %s, now %lld): ",
		f->step, f->what ? f->what : "-", (long long)f->now);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void fz_init(struct fz *f, const struct ndp_config *cfg)
{
	fz_world_init();
	memset(f, 0, sizeof(*f));
	if (cfg)
		f->cfg = *cfg;
	else
		ndp_config_default(&f->cfg);
	f->size = ndp_ctx_size(&f->cfg);
	if (!f->size) {
		fprintf(stderr, "%s: invalid configuration\n", __func__);
		abort();
	}
	f->mem = calloc(1, f->size);
	f->out = calloc(1, sizeof(*f->out));
	f->pkts = calloc(FZ_NPKT, sizeof(*f->pkts));
	if (!f->mem || !f->out || !f->pkts)
		abort();
	f->rng = 0x9e3779b97f4a7c15ULL;
	f->now = NDP_NSEC_PER_SEC;
	ndp_out_reset(f->out);
	f->what = "ndp_local";
	f->ctx = ndp_local(f->mem, f->size, &f->cfg, fz_mac, f->now,
			   fz_random, &f->rng, f->out);
	if (!f->ctx) {
		fprintf(stderr, "%s: ndp_local failed\n", __func__);
		abort();
	}
	fz_check_out(f);
}

void fz_free(struct fz *f)
{
	free(f->mem);
	free(f->out);
	free(f->pkts);
	memset(f, 0, sizeof(*f));
}

void fz_pre(struct fz *f, const char *what)
{
	struct ndp_out *out = f->out;

	ndp_out_reset(out);
	f->tx0 = 0;
	f->done0 = 0;
	f->notes0 = 0;
	f->arena0 = 0;
	if (f->squeeze) {
		/* may leave no room at all, even for a call's own handle */
		f->squeeze = false;
		out->n_tx = NDP_OUT_TX - f->free_tx;
		out->n_done = NDP_OUT_DONE - f->free_done;
		out->n_notes = NDP_OUT_NOTES - 2;
		out->arena_used = NDP_OUT_ARENA - f->free_arena;
		f->tx0 = out->n_tx;
		f->done0 = out->n_done;
		f->notes0 = out->n_notes;
		f->arena0 = out->arena_used;
	}
	f->what = what;
	f->n_ips_before = ndp_get_ip(f->ctx, f->ips_before,
				     ARRAY_SIZE(f->ips_before));
	if (f->n_ips_before < 0 ||
	    f->n_ips_before > (int)ARRAY_SIZE(f->ips_before))
		fz_fail(f, "ndp_get_ip returned %d", f->n_ips_before);
}

/* ----------------------------------------------------------- wrappers */

void fz_handle(struct fz *f, const u8 *ip6, u32 len, u32 tot_len,
	       u32 pkt_flags)
{
	/* exactly @len bytes, so that ASan sees any read past them */
	u8 *buf = malloc(len ? len : 1);
	u32 u0, i;
	bool room;
	int rc;
	struct ndp_pkt pkt = {
		.data = buf,
		.len = len,
		.tot_len = tot_len,
		.headroom = 0,
		.flags = pkt_flags,
	};

	if (!buf)
		abort();
	memcpy(buf, ip6, len);
	pkt.handle = buf;
	fz_pre(f, "handle");
	u0 = f->out->n_useropts;
	f->rx = &pkt;
	f->rx_back = false;
	room = f->out->n_done < NDP_OUT_DONE;
	rc = ndp_handle(f->ctx, f->now, &pkt, f->out);
	if (rc != (room ? 0 : -ENOBUFS))
		fz_fail(f, "ndp_handle returned %d with%s room for its handle",
			rc, room ? "" : "out");
	if (rc)
		f->rx_back = true;	/* refused: the packet is still ours */
	fz_check_out(f);
	if (rc && f->out->n_done != f->done0)
		fz_fail(f, "ndp_handle refused its packet but gave handles");
	if (f->out->n_useropts > NDP_OUT_USEROPTS || f->out->n_useropts < u0)
		fz_fail(f, "%u RA options for userspace", f->out->n_useropts);
	for (i = u0; i < f->out->n_useropts; i++) {
		const struct ndp_useropt *u = &f->out->useropts[i];

		/* within the packet, whole options (ASan checks the read) */
		if (u->len < 8 || u->off > len || u->len > len - u->off ||
		    buf[u->off + 1] * 8u != u->len)
			fz_fail(f, "RA option for userspace at %u, %u bytes, in a packet of %u",
				u->off, u->len, len);
	}
	f->rx = NULL;
	free(buf);
}

void fz_send(struct fz *f, const struct ndp_ip6 *dst,
	     const struct ndp_ip6 *route, u32 flags, u32 data_len,
	     bool bad)
{
	struct fz_pkt *p = NULL;
	struct ndp_ip6 src;
	u8 l4[NF_MAX];
	unsigned int i;
	bool room;
	int rc;
	u32 n;

	for (i = 0; i < FZ_NPKT && !p; i++)
		if (!f->pkts[i].held)
			p = &f->pkts[i];
	if (!p)
		return;
	if (data_len > 1400)
		data_len = 1400;
	if (ndp_select_source(f->ctx, dst, &src))
		memset(&src, 0, sizeof(src));
	n = nf_udp(l4, 40000, 53, data_len);
	n = nf_packet(p->buf + FZ_HEADROOM, &src, dst, 64, NDP_NH_UDP, NULL, 0,
		      NDP_NH_UDP, l4, n);
	if (flags & NDP_SEND_FILL_LEN)
		ndp_put16(p->buf + FZ_HEADROOM + 4, 0xdead);
	if (bad)
		p->buf[FZ_HEADROOM] = 0x45;
	memset(p->buf, 0xee, FZ_HEADROOM);
	p->pkt.handle = p;
	p->pkt.data = p->buf + FZ_HEADROOM;
	p->pkt.len = n;
	p->pkt.tot_len = n;
	p->pkt.headroom = FZ_HEADROOM;
	p->route = route ? *route : *dst;
	p->held = true;
	f->n_held++;
	fz_pre(f, "send");
	room = f->out->n_done < NDP_OUT_DONE;
	rc = ndp_send(f->ctx, f->now, route, &p->pkt, flags, f->out);
	if (rc != (room ? 0 : -ENOBUFS))
		fz_fail(f, "ndp_send returned %d with%s room for its handle",
			rc, room ? "" : "out");
	if (rc) {
		/* refused: the packet is still ours, and nothing else moved */
		p->held = false;
		f->n_held--;
	}
	fz_check_out(f);
	if (rc && (f->out->n_done != f->done0 || f->out->n_tx != f->tx0))
		fz_fail(f, "ndp_send refused its packet but gave output");
}

static bool out_empty(const struct fz *f)
{
	const struct ndp_out *out = f->out;

	return out->n_tx == f->tx0 && out->n_done == f->done0 &&
	       out->n_notes == f->notes0 && !out->has_event;
}

void fz_tick(struct fz *f, s64 t)
{
	s64 d = ndp_next_deadline(f->ctx), exact = ndp_deadline_walk(f->ctx), d2;
	u32 gen = ndp_generation(f->ctx);
	bool squeezed = f->squeeze;

	if (t < f->now)
		t = f->now;
	f->now = t;
	fz_pre(f, "tick");
	ndp_tick(f->ctx, t, f->out);
	fz_check_out(f);
	if (t < exact && !out_empty(f))
		fz_fail(f, "tick at %lld before the deadline %lld had work: the deadline was late",
			(long long)t, (long long)exact);
	d2 = ndp_next_deadline(f->ctx);
	if (!squeezed && d <= t && d2 <= t && out_empty(f) &&
	    gen == ndp_generation(f->ctx))
		fz_fail(f, "tick at %lld (deadline %lld) made no progress, deadline now %lld",
			(long long)t, (long long)d, (long long)d2);
}

/* ndp_flush() is bounded by the output's room: call until all is back. */
void fz_flush(struct fz *f)
{
	unsigned int i;

	for (i = 0; i < 1 + NDP_MAX_QUEUE_SLOTS / NDP_OUT_DONE; i++) {
		fz_pre(f, "flush");
		ndp_flush(f->ctx, f->out);
		fz_check_out(f);
		if (!f->n_held)
			break;
		if (!f->out->n_done)
			fz_fail(f, "ndp_flush gave nothing back, %u held",
				f->n_held);
	}
	fz_check_all_back(f);
}

void fz_run_until(struct fz *f, s64 until)
{
	unsigned int guard;
	s64 d;

	for (guard = 0; guard < 100000; guard++) {
		d = ndp_next_deadline(f->ctx);
		if (d < f->now)
			d = f->now;
		if (d > until)
			break;
		fz_tick(f, d);
	}
	if (guard == 100000)
		fz_fail(f, "100000 ticks up to %lld: the tick loop does not settle",
			(long long)until);
	if (until > f->now)
		f->now = until;
}
