/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the fuzz targets, the corpus generator, the replay tool and the
 * benchmarks: a small fixed "world" (our MAC, neighbours, routers, prefixes,
 * addresses), the deterministic random callback, a context with tables
 * already filled through the public API, and the invariant checks run after
 * every call into the core.
 *
 * Invariants (fz_check_out(), fz_check_tables()) abort() with a message on
 * violation, which libFuzzer reports as a crash.
 *
 * fuzz_common.c: the world, a context, the wrappers around each call;
 * fuzz_check.c: the invariants; fuzz_frames.c: fz_populate() and the
 * frames of FZ_OP_FRAME.
 */
#ifndef _FUZZ_COMMON_H
#define _FUZZ_COMMON_H

#include <linux/compiler.h>	/* tools/lib/include: __printf ... */
#include <linux/types.h>
#include "../../module/core/ndp_private.h"
#include "../../kunit/ndp_frames.h"

/* ---------------------------------------------------------------- world */

#define FZ_NNBR		8	/* neighbours fe80::10+i, 2001:db8:1::10+i */
#define FZ_NRTR		2	/* routers fe80::1, fe80::2 */
#define FZ_NPOOL	32	/* addresses the operations pick from */
#define FZ_NPFX		8

extern const u8 fz_mac[NDP_ETH_ALEN];	/* 02:00:00:00:00:01 */
extern struct ndp_ip6 fz_pool[FZ_NPOOL];
extern struct ndp_ip6 fz_pfx[FZ_NPFX];	/* prefixes (the /64 part) */

/* Indices into fz_pool. */
enum {
	FZ_P_NBR_LL = 0,	/* .. +7 */
	FZ_P_NBR_GUA = 8,	/* .. +15 */
	FZ_P_RTR = 16,		/* .. +1 */
	FZ_P_OFFLINK = 18,
	FZ_P_OUR_LL = 19,
	FZ_P_OUR_GUA = 20,	/* 2001:db8:1::1, added by hand */
	FZ_P_OUR_SLAAC = 21,	/* 2001:db8:2:: + EUI-64, from the RA */
	FZ_P_PFX3 = 22,		/* 2001:db8:3::5, on-link by add_prefix */
	FZ_P_ALLNODES = 23,
	FZ_P_MDNS = 24,		/* ff02::fb */
	FZ_P_OUR_SNM = 25,
	FZ_P_UNSPEC = 26,
	FZ_P_LOOPBACK = 27,
};

/* "fe80::1" -> address (nf_pton()); aborts on a bad string. */
struct ndp_ip6 fz_ip(const char *s);
/* MAC of neighbour @i (0..7), router @i (8..9); @alt: a second MAC. */
void fz_nbr_mac(unsigned int i, bool alt, u8 *mac);
/* Fill fz_pool and fz_pfx (idempotent). */
void fz_world_init(void);

/* xorshift64, seeded: the `random` callback of every tool. */
void fz_random(void *opaque, void *buf, u32 len);

/* -------------------------------------------------------- the harness */

#define FZ_HEADROOM	64
#define FZ_NPKT		48	/* packets the caller can have at the core */

/* A packet of the caller's (its address is the handle). */
struct fz_pkt {
	struct ndp_pkt pkt;
	bool held;		/* given to the core, not come back yet */
	struct ndp_ip6 route;	/* the destination it was sent to */
	u8 buf[FZ_HEADROOM + NF_MAX];
};

struct fz {
	struct ndp_config cfg;
	struct ndp_ctx *ctx;
	void *mem;
	size_t size;
	struct ndp_out *out;
	u64 rng;
	s64 now;
	struct fz_pkt *pkts;	/* FZ_NPKT */
	u32 n_held;
	/* the packet of the current ndp_handle() (NULL outside it) */
	const struct ndp_pkt *rx;
	bool rx_back;
	/* addresses usable before the current call (for source checks) */
	struct ndp_ip6 ips_before[64];
	int n_ips_before;
	/*
	 * FZ_OP_SQUEEZE: the next call gets an output already holding
	 * entries (left free: tx, done, arena bytes); the checks look at
	 * what the call added, from tx0/done0/notes0 on.
	 */
	bool squeeze;
	u8 free_tx, free_done;
	u32 free_arena;
	u32 tx0, done0, notes0, arena0;
	/* what is running, for messages */
	const char *what;
	unsigned int step;
	bool verbose;
};

/* Allocate and set up with @cfg (NULL: defaults) at 1 s. */
void fz_init(struct fz *f, const struct ndp_config *cfg);
void fz_free(struct fz *f);

__noreturn __printf(2, 3)
void fz_fail(const struct fz *f, const char *fmt, ...);

/*
 * Wrappers: reset the output, snapshot the usable addresses, call the core,
 * check the output (fz_check_out()).  @pkt_flags: ndp_pkt.flags
 * (NDP_PKT_L2_MCAST: the frame came as a link-layer multicast).
 */
void fz_handle(struct fz *f, const u8 *ip6, u32 len, u32 tot_len,
	       u32 pkt_flags);
/* Send a UDP packet to @dst (header destination; @route NULL: the same). */
void fz_send(struct fz *f, const struct ndp_ip6 *dst,
	     const struct ndp_ip6 *route, u32 flags, u32 data_len,
	     bool bad);
void fz_tick(struct fz *f, s64 t);
void fz_flush(struct fz *f);
/*
 * Tick at every deadline up to @until, checking that every tick at a
 * deadline makes progress and that the loop settles.
 */
void fz_run_until(struct fz *f, s64 until);

/* Before a call: reset out, remember usable addresses. */
void fz_pre(struct fz *f, const char *what);
/* After a call: every output entry well-formed, handles exactly once. */
void fz_check_out(struct fz *f);
/* Between calls: capacities, get_ip, table walks, queue accounting. */
void fz_check_tables(struct fz *f);
/* After a final ndp_flush(): no handle left in the core. */
void fz_check_all_back(struct fz *f);

/* Check one core-built frame (Ethernet first); returns NULL or why not. */
const char *fz_frame_problem(const struct fz *f, const u8 *frame, u32 len);

/*
 * A context with tables filled through the public API: link-local valid,
 * 2001:db8:1::1/64 by hand, a static router fe80::1, an RA from fe80::2
 * (SLLA, MTU, PIO 2001:db8:2::/64 LA, PIO 2001:db8:5::/64 L), on-link
 * prefix 2001:db8:3::/64, neighbours 0-3 STALE by NS, 0-1 REACHABLE by
 * NA, neighbour 4 INCOMPLETE with a packet queued, group ff02::fb.
 */
void fz_populate(struct fz *f);

/* ------------------------------------------------ stateful operations */

/*
 * The fuzz_ops input: one configuration byte (FZ_CFG_*), then operations,
 * each an opcode byte (modulo FZ_OP_MAX) and its argument bytes (missing
 * bytes read as 0).
 */
#define FZ_CFG_SMALL		0x01	/* tiny tables: eviction, full paths */
#define FZ_CFG_NO_RA		0x02	/* accept_ra off */
#define FZ_CFG_NO_DAD		0x04	/* dad_transmits 0 */
#define FZ_CFG_POPULATE		0x08	/* start from fz_populate() */
#define FZ_CFG_STABLE		0x10	/* RFC 7217 identifiers, fixed secret */

enum fz_op {
	/*
	 * u16 len (low 11 bits; 0x800: tot_len + 8, 0x1000: link-layer
	 * multicast), bytes: ndp_handle
	 */
	FZ_OP_FRAME_RAW,
	FZ_OP_FRAME,		/* kind, 6 bytes: a built frame (FZ_F_*) */
	FZ_OP_SEND,		/* dst, flags, len, route */
	FZ_OP_TICK_MS,		/* u16 ms later */
	FZ_OP_TICK_S,		/* u16 s later */
	FZ_OP_RUN_MS,		/* u16 ms: tick at every deadline */
	FZ_OP_ADD_IP,		/* addr, plen, valid, preferred */
	FZ_OP_DEL_IP,		/* addr */
	FZ_OP_ADD_PREFIX,	/* pfx, plen, valid */
	FZ_OP_DEL_PREFIX,	/* pfx, plen */
	FZ_OP_ADD_ROUTERS,	/* n, addr, addr, addr, lifetime */
	FZ_OP_DEL_ROUTER,	/* addr */
	FZ_OP_CONFIRM,		/* addr */
	FZ_OP_FLUSH,
	FZ_OP_GROUP,		/* addr, join (bit 0) or leave */
	FZ_OP_PARAM,		/* which, value */
	FZ_OP_QUERY,		/* addr, proto: select_source, allocate_frame */
	FZ_OP_SQUEEZE,		/* room: the next call's output almost full */
	FZ_OP_LINK,		/* up (bit 0): ndp_link_change */
	FZ_OP_MAX
};

/* FZ_OP_FRAME kinds; a..f are the argument bytes (see fz_build_frame). */
enum fz_frame {
	FZ_F_NS,
	FZ_F_NA,
	FZ_F_RA,
	FZ_F_ECHO,
	FZ_F_MLD_QUERY,
	FZ_F_REDIRECT,
	FZ_F_RS,
	FZ_F_UPPER,		/* UDP/TCP, through extension headers */
	FZ_F_ICMP_ERROR,
	FZ_F_MAX
};

/* Build the FZ_OP_FRAME frame into @p; returns its length. */
u32 fz_build_frame(u8 *p, u8 kind, const u8 *a6);

/* Table lookups used by the operations. */
u8 fz_plen(u8 b);
u32 fz_lifetime(u8 b);

/*
 * libFuzzer's entry points, defined by each target (fuzz_handle.c,
 * fuzz_ops.c) and called by libFuzzer or by standalone.c.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

#endif /* _FUZZ_COMMON_H */
