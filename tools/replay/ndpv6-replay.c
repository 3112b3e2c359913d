// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6-replay: feed a capture of the lower device through the core and
 * print what comes out, one line per frame, event, handle and note.  The
 * way to reproduce a field bug on a desk: deterministic given the seed.
 *
 *   ndpv6-replay FILE.pcap [--seed N] [--mac MAC] [--tick-ms N]
 *                [--warmup-ms N] [--tail-ms N] [--no-send] [--stats]
 *
 * Time: the context is made (ndp_local) at core time 1 s; the first frame
 * of the capture is at 1 s + warmup (default 3000 ms: link-local DAD and
 * the first RS are over), every later frame at its capture timestamp
 * relative to the first one.  Between frames, ndp_tick() runs at every
 * deadline (rounded up to a multiple of --tick-ms, like a kernel timer of
 * that resolution; 0, the default, is exact).  --tail-ms goes on ticking
 * after the last frame.  Times print as seconds since ndp_local.
 *
 * Frames (pcap or pcap-nsec, either byte order, link type Ethernet):
 *  - IPv6 to our MAC or to a multicast MAC: ndp_handle();
 *  - IPv6 from our MAC: what the host sent.  ND, MLD, echo replies and
 *    ICMPv6 errors are the core's own (skipped: the replay makes them);
 *    anything else is upper-layer traffic and goes through ndp_send()
 *    (unless --no-send), which drives resolution as it did on the host;
 *  - anything else is skipped, with a line saying why.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fuzz/fuzz_common.h"

#define HEADROOM 64

struct rpkt {
	unsigned int no;	/* frame number in the capture (from 1) */
	struct ndp_pkt pkt;
	u8 *buf;
};

static struct ndp_ctx *ctx;
static struct ndp_out *out;
static u8 mac[6] = { 0x02, 0, 0, 0, 0, 0x01 };
static s64 now, t0;
static s64 tick_ns;
static bool opt_send = true;
static unsigned int held;

/* ------------------------------------------------------------ printing */

static void pt(s64 t)
{
	s64 d = t - t0;

	printf("%4lld.%06lld ", (long long)(d / NDP_NSEC_PER_SEC),
	       (long long)(d % NDP_NSEC_PER_SEC / 1000));
}

static const char *ip(const u8 *b)
{
	static char s[4][INET6_ADDRSTRLEN];
	static int k;

	k = (k + 1) % 4;
	inet_ntop(AF_INET6, b, s[k], sizeof(s[k]));
	return s[k];
}

static const char *macs(const u8 *m)
{
	static char s[2][20];
	static int k;

	k = (k + 1) % 2;
	snprintf(s[k], sizeof(s[k]), "%02x:%02x:%02x:%02x:%02x:%02x", m[0],
		 m[1], m[2], m[3], m[4], m[5]);
	return s[k];
}

static void opts(const u8 *p, u32 len)
{
	u32 ol;

	while (len >= 2) {
		ol = (u32)p[1] * 8;
		if (!ol || ol > len) {
			printf(" [bad option]");
			return;
		}
		switch (p[0]) {
		case 1:
		case 2:
			printf(" [%s %s]", p[0] == 1 ? "slla" : "tlla",
			       ol >= 8 ? macs(p + 2) : "?");
			break;
		case 3:
			if (ol == 32)
				printf(" [pio %s/%u%s%s valid %u pref %u]",
				       ip(p + 16), p[2], p[3] & 0x80 ? " L" : "",
				       p[3] & 0x40 ? " A" : "",
				       ndp_get32(p + 4), ndp_get32(p + 8));
			else
				printf(" [pio ?]");
			break;
		case 4:
			printf(" [redirected header %u]", ol - 8);
			break;
		case 5:
			printf(" [mtu %u]", ol >= 8 ? ndp_get32(p + 4) : 0);
			break;
		case 14:
			printf(" [nonce %02x%02x%02x%02x%02x%02x]", p[2], p[3],
			       p[4], p[5], p[6], p[7]);
			break;
		default:
			printf(" [opt %u len %u]", p[0], ol);
			break;
		}
		p += ol;
		len -= ol;
	}
}

static void mld(const u8 *m, u32 len)
{
	switch (m[0]) {
	case 130:
		printf(" mld-query%s max-resp %u group %s",
		       len >= 28 ? "v2" : "v1", len >= 6 ? ndp_get16(m + 4) : 0,
		       len >= 24 ? ip(m + 8) : "?");
		if (len >= 28)
			printf(" sources %u", ndp_get16(m + 26));
		return;
	case 131:
	case 132:
		printf(" mld1-%s %s", m[0] == 131 ? "report" : "done",
		       len >= 24 ? ip(m + 8) : "?");
		return;
	case 143: {
		u32 n = len >= 8 ? ndp_get16(m + 6) : 0, off = 8, i;

		printf(" mld2-report");
		for (i = 0; i < n && off + 20 <= len; i++) {
			u32 ns = ndp_get16(m + off + 2);

			printf(" [type %u %s%s]", m[off], ip(m + off + 4),
			       ns ? " +sources" : "");
			off += 20 + 16 * ns + 4 * m[off + 1];
		}
		return;
	}
	}
}

static void nd(const u8 *m, u32 len)
{
	const char *flags;

	switch (m[0]) {
	case 133:
		printf(" RS");
		if (len >= 8)
			opts(m + 8, len - 8);
		return;
	case 134:
		if (len < 16) {
			printf(" RA truncated");
			return;
		}
		printf(" RA hop %u flags %02x lifetime %u reach %u retrans %u",
		       m[4], m[5], ndp_get16(m + 6), ndp_get32(m + 8),
		       ndp_get32(m + 12));
		opts(m + 16, len - 16);
		return;
	case 135:
		if (len < 24) {
			printf(" NS truncated");
			return;
		}
		printf(" NS who-has %s", ip(m + 8));
		opts(m + 24, len - 24);
		return;
	case 136:
		if (len < 24) {
			printf(" NA truncated");
			return;
		}
		flags = m[4] & 0x80 ? (m[4] & 0x40 ? (m[4] & 0x20 ? "RSO" :
				"RS") : (m[4] & 0x20 ? "RO" : "R")) :
			(m[4] & 0x40 ? (m[4] & 0x20 ? "SO" : "S") :
			 (m[4] & 0x20 ? "O" : "-"));
		printf(" NA %s tgt %s", flags, ip(m + 8));
		opts(m + 24, len - 24);
		return;
	case 137:
		if (len < 40) {
			printf(" redirect truncated");
			return;
		}
		printf(" redirect tgt %s dst %s", ip(m + 8), ip(m + 24));
		opts(m + 40, len - 40);
		return;
	}
}

static void icmp6(const u8 *m, u32 len)
{
	static const char *const err[5] = {
		"", "dst-unreach", "too-big", "time-exceeded", "param-problem"
	};

	if (len < 4) {
		printf(" icmp6 truncated");
		return;
	}
	switch (m[0]) {
	case 1: case 2: case 3: case 4:
		printf(" %s code %u %s %u", err[m[0]], m[1],
		       m[0] == 2 ? "mtu" : "ptr", len >= 8 ? ndp_get32(m + 4) : 0);
		if (len >= 48)
			printf(" about %s > %s", ip(m + 16), ip(m + 32));
		return;
	case 128:
	case 129:
		printf(" echo-%s id %u seq %u len %u",
		       m[0] == 128 ? "request" : "reply",
		       len >= 8 ? ndp_get16(m + 4) : 0,
		       len >= 8 ? ndp_get16(m + 6) : 0, len);
		return;
	case 130: case 131: case 132: case 143:
		mld(m, len);
		return;
	case 133: case 134: case 135: case 136: case 137:
		nd(m, len);
		return;
	default:
		printf(" icmp6 type %u code %u len %u", m[0], m[1], len);
		return;
	}
}

/* One line's worth about an IPv6 packet of @len bytes. */
static void describe(const u8 *p, u32 len)
{
	u32 off = 40, end, hl;
	u8 nh;
	int n;

	if (len < 40 || p[0] >> 4 != 6) {
		printf("not IPv6 (%u bytes)", len);
		return;
	}
	end = 40 + ndp_get16(p + 4);
	if (end > len)
		end = len;
	printf("%s > %s hlim %u", ip(p + 8), ip(p + 24), p[7]);
	nh = p[6];
	for (n = 0; n < 10; n++) {
		if (nh == 0 || nh == 60 || nh == 43) {
			if (off + 8 > end)
				break;
			hl = ((u32)p[off + 1] + 1) * 8;
			if (nh == 43)
				printf(" rt(type %u sl %u)", p[off + 2],
				       p[off + 3]);
			else
				printf(" %s", nh ? "dst" : "hbh");
			nh = p[off];
			off += hl;
		} else if (nh == 44) {
			if (off + 8 > end)
				break;
			printf(" frag(off %u%s)", ndp_get16(p + off + 2) >> 3,
			       ndp_get16(p + off + 2) & 1 ? " M" : "");
			nh = p[off];
			off += 8;
			if (ndp_get16(p + off - 6) >> 3) {
				printf(" proto %u", nh);
				return;
			}
		} else {
			break;
		}
	}
	if (off > end) {
		printf(" truncated");
		return;
	}
	switch (nh) {
	case 58:
		icmp6(p + off, end - off);
		break;
	case 17:
		if (end - off >= 8)
			printf(" udp %u > %u len %u", ndp_get16(p + off),
			       ndp_get16(p + off + 2), end - off);
		break;
	case 6:
		if (end - off >= 14)
			printf(" tcp %u > %u flags %02x", ndp_get16(p + off),
			       ndp_get16(p + off + 2), p[off + 13]);
		break;
	case 59:
		printf(" no-next-header");
		break;
	default:
		printf(" proto %u len %u", nh, end - off);
		break;
	}
}

static const char *note_name(u8 k)
{
	static const char *const names[] = {
		"ADDR_ADD", "ADDR_UPDATE", "ADDR_DEPRECATED", "ADDR_DEL",
		"DAD_FAILED", "ROUTER_ADD", "ROUTER_DEL", "PREFIX_ADD",
		"PREFIX_DEL", "NBR_UNREACHABLE", "MTU", "HOPLIMIT",
		"GROUP_JOIN", "GROUP_LEAVE", "IP_DISABLED", "DNS", "ROUTE_ADD",
		"ROUTE_DEL",
	};

	return k < ARRAY_SIZE(names) ? names[k] : "?";
}

static void give_back(struct rpkt *r)
{
	free(r->buf);
	free(r);
}

static void print_tx(void)
{
	u32 i;

	for (i = 0; i < out->n_tx; i++) {
		const struct ndp_tx *tx = &out->tx[i];

		pt(now);
		printf("  tx");
		if (tx->handle)
			printf(" #%u", ((struct rpkt *)tx->handle)->no);
		/* a caller would queue it with ndp_send(); replay drops it */
		if (tx->flags & NDP_TX_RESOLVE)
			printf(" (to resolve: dropped here)");
		printf(" %s > %s ", macs(tx->frame + 6), macs(tx->frame));
		if (tx->len >= 14 && ndp_get16(tx->frame + 12) == 0x86dd)
			describe(tx->frame + 14, tx->len - 14);
		else
			printf("ethertype %04x", ndp_get16(tx->frame + 12));
		printf("\n");
	}
}

static void print_note(const struct ndp_note *n)
{
	pt(now);
	printf("  note %s", note_name(n->kind));
	switch (n->kind) {
	case NDP_NOTE_MTU:
	case NDP_NOTE_HOPLIMIT:
		printf(" %u", n->value);
		break;
	case NDP_NOTE_ADDR_ADD:
	case NDP_NOTE_ADDR_UPDATE:
		printf(" %s/%u valid %u pref %u", ip(n->addr.b),
		       n->plen, n->valid_s, n->preferred_s);
		break;
	case NDP_NOTE_PREFIX_ADD:
	case NDP_NOTE_PREFIX_DEL:
	case NDP_NOTE_ADDR_DEL:
		printf(" %s/%u", ip(n->addr.b), n->plen);
		break;
	case NDP_NOTE_ROUTER_ADD:
		printf(" %s lifetime %u", ip(n->addr.b), n->valid_s);
		break;
	default:
		printf(" %s", ip(n->addr.b));
		break;
	}
	printf("\n");
}

/* Give the handles back: tx'd, done, or the event's. */
static void settle(struct rpkt *rx)
{
	u32 i;

	for (i = 0; i < out->n_tx; i++)
		if (out->tx[i].handle) {
			give_back(out->tx[i].handle);
			held--;
		}
	for (i = 0; i < out->n_done; i++) {
		if (out->done[i].handle != rx)
			held--;
		give_back(out->done[i].handle);
	}
	if (out->has_event)
		give_back(out->ev.handle);
}

/* Print (and settle) what one call produced. */
static void print_out(struct rpkt *rx)
{
	u32 i;

	print_tx();
	if (out->has_event) {
		static const char *const kinds[3] = { "TCP", "UDP", "Default" };

		pt(now);
		printf("  event %s #%u proto %u %s > %s l4 at %u\n",
		       out->ev.kind < 3 ? kinds[out->ev.kind] : "?",
		       ((struct rpkt *)out->ev.handle)->no, out->ev.proto,
		       ip(out->ev.src.b), ip(out->ev.dst.b), out->ev.l4_off);
	}
	for (i = 0; i < out->n_done; i++) {
		struct rpkt *r = out->done[i].handle;

		pt(now);
		printf("  done #%u %s\n", r->no,
		       ndp_done_reason_name(out->done[i].reason));
	}
	for (i = 0; i < out->n_notes; i++)
		print_note(&out->notes[i]);
	if (out->notes_lost) {
		pt(now);
		printf("  notes lost\n");
	}
	settle(rx);
}

/* ------------------------------------------------------------- driving */

static s64 round_tick(s64 d)
{
	if (!tick_ns || d == NDP_TIME_NEVER)
		return d;
	return (d + tick_ns - 1) / tick_ns * tick_ns;
}

static void advance(s64 until)
{
	unsigned int same = 0;
	s64 d, last = -1;

	for (;;) {
		d = ndp_next_deadline(ctx);
		if (d == NDP_TIME_NEVER)
			break;
		d = round_tick(d);
		if (d < now)
			d = now;
		if (d > until)
			break;
		if (d == last && ++same > 1000) {
			pt(d);
			printf("# tick loop: deadline %lld not cleared, giving up\n",
			       (long long)ndp_next_deadline(ctx));
			break;
		}
		if (d != last)
			same = 0;
		last = d;
		now = d;
		ndp_out_reset(out);
		ndp_tick(ctx, now, out);
		if (out->n_tx || out->n_done || out->n_notes) {
			pt(now);
			printf("tick\n");
			print_out(NULL);
		}
	}
	if (until > now)
		now = until;
}

static struct rpkt *mkpkt(unsigned int no, const u8 *ip6, u32 len)
{
	struct rpkt *r = calloc(1, sizeof(*r));

	if (!r)
		abort();
	r->buf = malloc(HEADROOM + len);
	if (!r->buf)
		abort();
	memcpy(r->buf + HEADROOM, ip6, len);
	r->no = no;
	r->pkt.handle = r;
	r->pkt.data = r->buf + HEADROOM;
	r->pkt.len = len;
	r->pkt.tot_len = len;
	r->pkt.headroom = HEADROOM;
	return r;
}

/* The core makes these itself: a capture of them is not replayed. */
static bool core_made(const u8 *p, u32 len)
{
	u32 off = 40;
	u8 nh = p[6], t;

	if (nh == 0 && len >= 48) {
		nh = p[40];
		off += ((u32)p[41] + 1) * 8;
	}
	if (nh != 58 || off >= len)
		return false;
	t = p[off];
	return t < 128 || t == 129 || (t >= 130 && t <= 137) || t == 143;
}

static void frame(unsigned int no, const u8 *f, u32 len)
{
	struct rpkt *r;
	u16 type;

	if (len < 14) {
		pt(now);
		printf("skip #%u: runt frame\n", no);
		return;
	}
	type = ndp_get16(f + 12);
	if (type != 0x86dd) {
		pt(now);
		printf("skip #%u: ethertype %04x\n", no, type);
		return;
	}
	if (!memcmp(f + 6, mac, 6)) {
		if (!opt_send || len < 54 || core_made(f + 14, len - 14)) {
			pt(now);
			printf("skip #%u: sent by us:", no);
			if (len >= 54)
				printf(" ");
			describe(f + 14, len - 14);
			printf("\n");
			return;
		}
		r = mkpkt(no, f + 14, len - 14);
		pt(now);
		printf("send #%u ", no);
		describe(f + 14, len - 14);
		printf("\n");
		held++;
		ndp_out_reset(out);
		ndp_send(ctx, now, NULL, &r->pkt, 0, out);
		print_out(NULL);
		return;
	}
	if (!(f[0] & 1) && memcmp(f, mac, 6)) {
		pt(now);
		printf("skip #%u: to %s\n", no, macs(f));
		return;
	}
	r = mkpkt(no, f + 14, len - 14);
	/* as the kernel's skb->pkt_type: multicast or broadcast */
	if (f[0] & 1)
		r->pkt.flags |= NDP_PKT_L2_MCAST;
	pt(now);
	printf("rx #%u %s > %s ", no, macs(f + 6), macs(f));
	describe(f + 14, len - 14);
	printf("\n");
	ndp_out_reset(out);
	ndp_handle(ctx, now, &r->pkt, out);
	print_out(r);
}

/* ---------------------------------------------------------------- pcap */

static u32 rd32(const u8 *p, bool swap)
{
	u32 v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static int parse_mac(const char *s, u8 *m)
{
	unsigned int b[6], i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++) {
		if (b[i] > 255)
			return -1;
		m[i] = (u8)b[i];
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: ndpv6-replay FILE.pcap [--seed N] [--mac MAC] [--tick-ms N]\n"
		"                    [--warmup-ms N] [--tail-ms N] [--no-send] [--stats]\n");
	exit(2);
}

struct replay_opts {
	const char *path;
	unsigned long long seed, warmup_ms, tail_ms;
	bool stats;
};

static void parse_args(int argc, char **argv, struct replay_opts *o)
{
	unsigned int i;

	for (i = 1; i < (unsigned int)argc; i++) {
		const char *a = argv[i], *v = i + 1 < (unsigned int)argc ?
					      argv[i + 1] : NULL;

		if (!strcmp(a, "--seed") && v) {
			o->seed = strtoull(v, NULL, 0);
			i++;
		} else if (!strcmp(a, "--mac") && v) {
			if (parse_mac(v, mac) || (mac[0] & 1))
				usage();
			i++;
		} else if (!strcmp(a, "--tick-ms") && v) {
			tick_ns = (s64)strtoull(v, NULL, 0) * NDP_NSEC_PER_MSEC;
			i++;
		} else if (!strcmp(a, "--warmup-ms") && v) {
			o->warmup_ms = strtoull(v, NULL, 0);
			i++;
		} else if (!strcmp(a, "--tail-ms") && v) {
			o->tail_ms = strtoull(v, NULL, 0);
			i++;
		} else if (!strcmp(a, "--no-send")) {
			opt_send = false;
		} else if (!strcmp(a, "--stats")) {
			o->stats = true;
		} else if (a[0] != '-' && !o->path) {
			o->path = a;
		} else {
			usage();
		}
	}
	if (!o->path)
		usage();
}

/* @path opened past its global header, or NULL (said on stderr). */
static FILE *pcap_open(const char *path, bool *nsec, bool *swap)
{
	u8 gh[24];
	u32 magic;
	FILE *fp;

	fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return NULL;
	}
	if (fread(gh, 1, sizeof(gh), fp) != sizeof(gh)) {
		fprintf(stderr, "%s: not a pcap file\n", path);
		return NULL;
	}
	switch (rd32(gh, false)) {
	case 0xa1b2c3d4:
	case 0xd4c3b2a1:
	case 0xa1b23c4d:
	case 0x4d3cb2a1:
		magic = rd32(gh, false);
		*nsec = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
		*swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
		break;
	default:
		fprintf(stderr, "%s: not a pcap file (pcapng? convert with editcap -F pcap)\n",
			path);
		return NULL;
	}
	if ((rd32(gh + 20, *swap) & 0xffff) != 1) {
		fprintf(stderr, "%s: link type %u, not Ethernet\n", path,
			rd32(gh + 20, *swap));
		return NULL;
	}
	return fp;
}

/*
 * Every record of @fp, the first at @base; the count in *@no, whether
 * there was one in *@any.  Return: 0, or 1 for a truncated record.
 */
static int replay_records(FILE *fp, const char *path, bool nsec, bool swap,
			  s64 base, unsigned int *no, bool *any)
{
	u8 rh[16], *f = malloc(1 << 18);
	s64 first = 0, t;

	if (!f)
		return 1;
	while (fread(rh, 1, sizeof(rh), fp) == sizeof(rh)) {
		u32 incl = rd32(rh + 8, swap), orig = rd32(rh + 12, swap);
		s64 ts = (s64)rd32(rh, swap) * NDP_NSEC_PER_SEC +
			 (s64)rd32(rh + 4, swap) * (nsec ? 1 : 1000);

		if (incl > (1 << 18) || fread(f, 1, incl, fp) != incl) {
			fprintf(stderr, "%s: truncated record\n", path);
			free(f);
			return 1;
		}
		(*no)++;
		if (!*any) {
			first = ts;
			*any = true;
		}
		t = base + (ts - first);
		if (t < now) {
			pt(now);
			printf("# frame #%u goes back in time: fed now\n", *no);
			t = now;
		}
		advance(t);
		if (incl < orig) {
			pt(now);
			printf("skip #%u: captured %u of %u bytes\n", *no, incl,
			       orig);
			continue;
		}
		frame(*no, f, incl);
	}
	free(f);
	return 0;
}

/* After the capture: what is still held, flushed; the counters. */
static void finish(unsigned int no, bool stats)
{
	const u64 *st;
	unsigned int i;

	for (i = 0; held && i < 1000; i++) {
		ndp_out_reset(out);
		ndp_flush(ctx, out);	/* bounded by out's room: repeat */
		if (!out->n_done)
			break;
		pt(now);
		printf("flush\n");
		print_out(NULL);
	}
	printf("# %u frames; handles still held: %u\n", no, held);
	if (stats) {
		st = ndp_stats(ctx);
		for (i = 0; i < NDP_STAT_MAX; i++)
			if (st[i])
				printf("# %-24s %llu\n", ndp_stat_name(i),
				       (unsigned long long)st[i]);
	}
}

int main(int argc, char **argv)
{
	struct replay_opts o = { .seed = 1, .warmup_ms = 3000 };
	bool nsec, swap, any = false;
	struct ndp_config cfg;
	unsigned int no = 0;
	size_t size;
	void *mem;
	s64 base;
	u64 rng;
	FILE *fp;

	parse_args(argc, argv, &o);
	fp = pcap_open(o.path, &nsec, &swap);
	if (!fp)
		return 1;

	ndp_config_default(&cfg);
	size = ndp_ctx_size(&cfg);
	mem = calloc(1, size);
	out = calloc(1, sizeof(*out));
	if (!mem || !out)
		return 1;
	/* xorshift needs a non-zero state: splitmix the seed */
	rng = (o.seed + 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL;
	rng ^= rng >> 31;
	if (!rng)
		rng = 1;
	t0 = NDP_NSEC_PER_SEC;
	now = t0;
	printf("# ndpv6-replay %s: mac %s seed %llu tick-ms %lld warmup-ms %llu\n",
	       o.path, macs(mac), o.seed,
	       (long long)(tick_ns / NDP_NSEC_PER_MSEC), o.warmup_ms);
	ndp_out_reset(out);
	ctx = ndp_local(mem, size, &cfg, mac, now, fz_random, &rng, out);
	if (!ctx) {
		fprintf(stderr, "ndp_local failed\n");
		return 1;
	}
	pt(now);
	printf("local\n");
	print_out(NULL);
	base = t0 + (s64)o.warmup_ms * NDP_NSEC_PER_MSEC;

	if (replay_records(fp, o.path, nsec, swap, base, &no, &any))
		return 1;
	fclose(fp);
	advance((any ? now : base) + (s64)o.tail_ms * NDP_NSEC_PER_MSEC);
	finish(no, o.stats);
	free(mem);
	free(out);
	return held ? 3 : 0;
}
