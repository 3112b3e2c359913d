// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6-bench: the cost of the core's hot operations.
 *
 *   ndpv6-bench [--runs R]          time every operation: median and
 *                                   minimum ns over R runs (default 101)
 *                                   of about 100 us each (short runs: on a
 *                                   shared machine few are preempted)
 *   ndpv6-bench --op NAME --iters N do NAME N times (after the warm-up)
 *                                   through bench_measured(), for callgrind
 *                                   --toggle-collect=bench_measured
 *                                   (instructions = Collected / N)
 *   ndpv6-bench --list              the operations, one per line
 *
 * Every context is set up through the public API (NS then solicited NA
 * from each neighbour: REACHABLE entries), with explicit times and a
 * deterministic random; measuring starts from a steady state (one warm-up
 * call).  tools/bench/bench.sh runs all of it and prints a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../fuzz/fuzz_common.h"

#define BIG	100000

/*
 * K_SEND_DL and K_RX_DL are the glue's per-packet sequence: the call, then
 * ndp_next_deadline() to re-arm its timer.
 */
enum op_kind { K_HANDLE, K_SEND, K_SEND_DL, K_RX_DL, K_TICK, K_TICK_ALL };

struct op {
	const char *name;
	const char *what;
	u32 nbrs;		/* neighbours cached */
	enum op_kind kind;
	u32 iters;		/* per timing run */
	bool full;		/* every table at the largest netlink allows */
};

static const struct op ops[] = {
	{ "ns_na", "handle NS -> NA", 10, K_HANDLE, 1000 },
	{ "echo", "handle echo request -> reply", 10, K_HANDLE, 1000 },
	{ "ra_pio", "handle RA with one PIO", 10, K_HANDLE, 1000 },
	{ "send", "send to a REACHABLE neighbour", 10, K_SEND, 2000 },
	{ "send_100k", "send to a REACHABLE neighbour, 100,000 cached",
	  BIG, K_SEND, 2000 },
	{ "ns_na_100k", "handle NS -> NA, 100,000 cached", BIG, K_HANDLE,
	  1000 },
	{ "send_dl", "send + next deadline (the glue's xmit)", 10,
	  K_SEND_DL, 2000 },
	{ "send_dl_100k", "send + next deadline, 100,000 cached", BIG,
	  K_SEND_DL, 2000 },
	{ "rx_tcp_dl", "handle TCP for us + next deadline (the glue's rx)",
	  10, K_RX_DL, 2000 },
	{ "rx_tcp_dl_100k", "handle TCP for us + next deadline, 100,000 cached",
	  BIG, K_RX_DL, 2000 },
	{ "tick_idle", "tick, 10 neighbours, nothing due", 10, K_TICK,
	  2000 },
	{ "tick_idle_full",
	  "tick, nothing due, tables at 1024 addresses, 256 routers, 1024 prefixes",
	  10, K_TICK, 2000, true },
	{ "tick_idle_100k", "tick, 100,000 neighbours, nothing due", BIG,
	  K_TICK, 2000 },
	{ "tick_due_100k",
	  "tick until idle, 100,000 neighbours all due (to STALE), whole run",
	  BIG, K_TICK_ALL, 1 },
};

static struct fz F;
static u8 rx[NF_MAX];
static u32 rx_len;
static struct ndp_pkt rx_pkt, tx_pkt;
static u8 tx_buf[FZ_HEADROOM + 256];
static s64 t_op;
/* global: the deadline query's result is stored, not optimised out */
s64 dl_sink;
static void *snap;

static void nbr_addr(u32 i, struct ndp_ip6 *ip, u8 *mac)
{
	*ip = fz_ip("fe80::a:0:0:0");
	ip->b[12] = (u8)(i >> 24);
	ip->b[13] = (u8)(i >> 16);
	ip->b[14] = (u8)(i >> 8);
	ip->b[15] = (u8)i;
	mac[0] = 0x02;
	mac[1] = 0x01;
	mac[2] = (u8)(i >> 24);
	mac[3] = (u8)(i >> 16);
	mac[4] = (u8)(i >> 8);
	mac[5] = (u8)i;
}

/* A context with @n REACHABLE neighbours; f->now just after. */
static void setup(u32 n, bool full)
{
	const struct ndp_ip6 *ll = &fz_pool[FZ_P_OUR_LL];
	struct ndp_ip6 snm = nf_snm(ll), ip;
	u8 m[128], p[256], mac[6];
	struct ndp_config cfg;
	u32 i, k, len;

	ndp_config_default(&cfg);
	if (cfg.max_nbrs < n + 16)
		cfg.max_nbrs = n + 16;
	if (full) {
		cfg.max_addrs = 1024;
		cfg.max_routers = 256;
		cfg.max_prefixes = 1024;
		cfg.max_groups = 1024 + 16;
	}
	fz_init(&F, &cfg);
	fz_run_until(&F, F.now + 3 * NDP_NSEC_PER_SEC);
	for (i = 0; i < n; i++) {
		nbr_addr(i, &ip, mac);
		k = nf_ns(m, ll);
		k += nf_opt_lla(m + k, 1, mac);
		len = nf_icmp(p, &ip, &snm, 255, m, k);
		fz_handle(&F, p, len, len, 0);
		k = nf_na(m, 0x60, &ip);
		k += nf_opt_lla(m + k, 2, mac);
		len = nf_icmp(p, &ip, ll, 255, m, k);
		fz_handle(&F, p, len, len, 0);
	}
	F.now += NDP_NSEC_PER_MSEC;
}

static void prepare(const struct op *o)
{
	const struct ndp_ip6 *ll = &fz_pool[FZ_P_OUR_LL];
	struct ndp_ip6 snm = nf_snm(ll), ip, rtr = fz_ip("fe80::2");
	u8 m[256], l4[64], mac[6];
	u32 k, victim = o->nbrs / 2;

	setup(o->nbrs, o->full);
	nbr_addr(victim, &ip, mac);
	if (!strncmp(o->name, "ns_na", 5)) {
		k = nf_ns(m, ll);
		k += nf_opt_lla(m + k, 1, mac);
		rx_len = nf_icmp(rx, &ip, &snm, 255, m, k);
	} else if (!strcmp(o->name, "echo")) {
		k = nf_echo(m, 128, 1, 1, 56);
		rx_len = nf_icmp(rx, &ip, ll, 64, m, k);
	} else if (!strcmp(o->name, "ra_pio")) {
		k = nf_ra(m, 64, 0, 1800, 0, 0);
		k += nf_opt_pio(m + k, &fz_pfx[1], 64, 0xc0, 86400, 14400);
		rx_len = nf_icmp(rx, &rtr, &fz_pool[FZ_P_ALLNODES], 255, m,
				 k);
	} else if (o->kind == K_RX_DL) {
		k = nf_tcp_syn(l4, 40000, 80);
		rx_len = nf_packet(rx, &ip, ll, 64, NDP_NH_TCP, NULL, 0,
				   NDP_NH_TCP, l4, k);
	} else if (o->kind == K_SEND || o->kind == K_SEND_DL) {
		k = nf_udp(l4, 40000, 53, 32);
		k = nf_packet(tx_buf + FZ_HEADROOM, ll, &ip, 64, NDP_NH_UDP,
			      NULL, 0, NDP_NH_UDP, l4, k);
		tx_pkt.handle = tx_buf;
		tx_pkt.data = tx_buf + FZ_HEADROOM;
		tx_pkt.len = k;
		tx_pkt.tot_len = k;
		tx_pkt.headroom = FZ_HEADROOM;
	}
	rx_pkt.handle = rx;
	rx_pkt.data = rx;
	rx_pkt.len = rx_len;
	rx_pkt.tot_len = rx_len;
	t_op = F.now;
	if (o->kind == K_TICK_ALL) {
		/* every REACHABLE entry has expired (ReachableTime <= 45 s) */
		t_op = F.now + 50 * NDP_NSEC_PER_SEC;
		snap = malloc(F.size);
		if (!snap)
			abort();
		memcpy(snap, F.mem, F.size);
	}
}

/* The measured operation: what a caller does for one event. */
noinline void bench_one(const struct op *o);
noinline void bench_one(const struct op *o)
{
	unsigned int guard = 0;

	switch (o->kind) {
	case K_HANDLE:
		ndp_out_reset(F.out);
		ndp_handle(F.ctx, t_op, &rx_pkt, F.out);
		break;
	case K_SEND:
		ndp_out_reset(F.out);
		ndp_send(F.ctx, t_op, NULL, &tx_pkt, 0, F.out);
		break;
	case K_SEND_DL:
		ndp_out_reset(F.out);
		ndp_send(F.ctx, t_op, NULL, &tx_pkt, 0, F.out);
		dl_sink = ndp_next_deadline(F.ctx);
		break;
	case K_RX_DL:
		ndp_out_reset(F.out);
		ndp_handle(F.ctx, t_op, &rx_pkt, F.out);
		dl_sink = ndp_next_deadline(F.ctx);
		break;
	case K_TICK:
		ndp_out_reset(F.out);
		ndp_tick(F.ctx, t_op, F.out);
		break;
	case K_TICK_ALL:
		/* until nothing is due: TICK_BUDGET entries per call */
		while (ndp_next_deadline(F.ctx) <= t_op && guard++ < 1000000) {
			ndp_out_reset(F.out);
			ndp_tick(F.ctx, t_op, F.out);
		}
		break;
	}
}

/* Only what runs inside this function is counted (callgrind). */
noinline void bench_measured(const struct op *o);
noinline void bench_measured(const struct op *o)
{
	bench_one(o);
}

/* The first call reaches the steady state and checks the output. */
static void warm_up(const struct op *o)
{
	if (o->kind == K_TICK_ALL)
		return;
	bench_one(o);
	if ((o->kind == K_HANDLE && (F.out->n_tx != 1 ||
				     !strcmp(o->name, "ra_pio"))) ||
	    ((o->kind == K_SEND || o->kind == K_SEND_DL) &&
	     (F.out->n_tx != 1 || F.out->tx[0].handle != tx_buf)) ||
	    (o->kind == K_RX_DL && (F.out->n_tx || !F.out->has_event)) ||
	    (o->kind == K_TICK && (F.out->n_tx || F.out->n_notes))) {
		if (!(o->kind == K_HANDLE && !strcmp(o->name, "ra_pio") &&
		      F.out->n_done == 1)) {
			fprintf(stderr, "%s: unexpected output (tx %u done %u notes %u)\n",
				o->name, F.out->n_tx, F.out->n_done,
				F.out->n_notes);
			exit(1);
		}
	}
	if (o->kind == K_TICK && ndp_next_deadline(F.ctx) <= t_op) {
		fprintf(stderr, "%s: something is due\n", o->name);
		exit(1);
	}
	bench_one(o);
}

static s64 ns_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (s64)ts.tv_sec * NDP_NSEC_PER_SEC + ts.tv_nsec;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void time_op(const struct op *o, unsigned int runs)
{
	double *v = calloc(runs, sizeof(*v));
	unsigned int r;
	s64 t;
	u32 i;

	if (!v)
		abort();
	prepare(o);
	warm_up(o);
	for (r = 0; r < runs; r++) {
		if (o->kind == K_TICK_ALL)
			memcpy(F.mem, snap, F.size);
		t = ns_now();
		for (i = 0; i < o->iters; i++)
			bench_one(o);
		v[r] = (double)(ns_now() - t) / o->iters;
	}
	qsort(v, runs, sizeof(*v), cmp_d);
	printf("%s %.1f %.1f\n", o->name, v[runs / 2], v[0]);
	fflush(stdout);
	free(v);
	free(snap);
	snap = NULL;
	fz_free(&F);
}

static const struct op *find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(ops[i].name, name))
			return &ops[i];
	fprintf(stderr, "no operation %s (--list)\n", name);
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned int runs = 101, i, iters = 1000;
	const struct op *one = NULL;

	fz_world_init();
	for (i = 1; i < (unsigned int)argc; i++) {
		if (!strcmp(argv[i], "--list")) {
			for (i = 0; i < ARRAY_SIZE(ops); i++)
				printf("%s\t%s\n", ops[i].name, ops[i].what);
			return 0;
		} else if (!strcmp(argv[i], "--runs") && i + 1 < (unsigned int)argc) {
			runs = (unsigned int)atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--op") && i + 1 < (unsigned int)argc) {
			one = find(argv[++i]);
		} else if (!strcmp(argv[i], "--iters") && i + 1 < (unsigned int)argc) {
			iters = (unsigned int)atoi(argv[++i]);
		} else {
			fprintf(stderr,
				"usage: ndpv6-bench [--runs R] | --op NAME --iters N | --list\n");
			return 2;
		}
	}
	if (!runs)
		runs = 1;
	if (one) {
		prepare(one);
		warm_up(one);
		for (i = 0; i < iters; i++) {
			if (one->kind == K_TICK_ALL)
				memcpy(F.mem, snap, F.size);
			bench_measured(one);
		}
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		time_op(&ops[i], ops[i].kind == K_TICK_ALL ? 7 : runs);
	return 0;
}
