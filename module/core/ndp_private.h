/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the core (the files of module/core): what they share.  This
 * header is the only place that knows whether the core is built in the
 * kernel or in userspace.  The files, the timers and the tables:
 * Documentation/ndpv6/core.rst.
 */
#ifndef _NDP_PRIVATE_H
#define _NDP_PRIVATE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/stddef.h>
#include <linux/minmax.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/bits.h>
#else
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <linux/types.h>	/* tools/lib/include shim: u8 ... s64, bool */
#ifndef min
#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
		     _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
		     _a > _b ? _a : _b; })
#define min_t(t, a, b) ({ t _a = (a), _b = (b); _a < _b ? _a : _b; })
#define max_t(t, a, b) ({ t _a = (a), _b = (b); _a > _b ? _a : _b; })
#endif
#ifndef likely
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#ifndef fallthrough
#define fallthrough __attribute__((__fallthrough__))
#endif
#ifndef BIT
#define BIT(n) (1UL << (n))
#endif
#ifndef __stringify
#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)
#endif
#endif

#include "../../include/ndpv6.h"

/* Protocol numbers and constants (RFC 4861, 4443, 8200, 3810). */
#define NDP_NH_HOPOPTS		0
#define NDP_NH_TCP		6
#define NDP_NH_UDP		17
#define NDP_NH_ROUTING		43
#define NDP_NH_FRAGMENT		44
#define NDP_NH_ICMPV6		58
#define NDP_NH_NONE		59
#define NDP_NH_DSTOPTS		60

#define NDP_ICMP_DST_UNREACH	1
#define NDP_ICMP_PKT_TOO_BIG	2
#define NDP_ICMP_TIME_EXCEEDED	3
#define NDP_ICMP_PARAM_PROB	4
#define NDP_ICMP_ECHO_REQUEST	128
#define NDP_ICMP_ECHO_REPLY	129
#define NDP_ICMP_MLD_QUERY	130
#define NDP_ICMP_MLD1_REPORT	131
#define NDP_ICMP_MLD1_DONE	132
#define NDP_ICMP_RS		133
#define NDP_ICMP_RA		134
#define NDP_ICMP_NS		135
#define NDP_ICMP_NA		136
#define NDP_ICMP_REDIRECT	137
#define NDP_ICMP_MLD2_REPORT	143

#define NDP_OPT_SLLA		1
#define NDP_OPT_TLLA		2
#define NDP_OPT_PIO		3
#define NDP_OPT_REDIR_HDR	4
#define NDP_OPT_MTU		5
#define NDP_OPT_NONCE		14
#define NDP_OPT_RIO		24	/* RFC 4191 */
#define NDP_OPT_RDNSS		25	/* RFC 8106 */
#define NDP_OPT_DNSSL		31
#define NDP_OPT_CAPTIVE_PORTAL	37	/* RFC 8910 */
#define NDP_OPT_PREF64		38	/* RFC 8781 */

#define NDP_NA_FLAG_R		0x80
#define NDP_NA_FLAG_S		0x40
#define NDP_NA_FLAG_O		0x20
#define NDP_PIO_FLAG_L		0x80
#define NDP_PIO_FLAG_A		0x40
/* Prf (RFC 4191): bits 3-4 of the RA's flags byte and of a RIO's byte 3 */
#define NDP_PRF_SHIFT		3
#define NDP_PRF_MASK		0x3
#define NDP_PRF_RESERVED	0x2	/* 10: medium in an RA, invalid in a RIO */

#define NDP_MIN_MTU		1280
#define NDP_HOPLIMIT_DEFAULT	64
#define NDP_MAX_EXT_HDRS	8	/* longer chains are dropped */
/* per Hop-by-Hop or Destination Options header, as Linux's defaults */
#define NDP_MAX_EXT_OPTS	8	/* options other than padding */
#define NDP_MAX_PAD_RUN		7	/* bytes of padding in a row */
#define NDP_NONCE_LEN		6
#define NDP_MLD_ROBUSTNESS	2
#define NDP_MLD_UNSOL_IVL_MS	1000	/* RFC 3810 9.11 */
#define NDP_REACHABLE_REDRAW_NS	(2LL * 3600 * NDP_NSEC_PER_SEC)
#define NDP_TWO_HOURS_S		7200U
/* RFC 7217 6: new stable identifiers after a duplicate, and the pause */
#define NDP_IDGEN_RETRIES	3
#define NDP_IDGEN_DELAY_MS	1000
#define NDP_MAX_QUEUE_SLOTS	4096
#define NDP_MAX_NBRS		BIT(20)		/* hash_buckets() stays bounded */

static inline s64 ndp_ms(u32 ms)
{
	return (s64)ms * NDP_NSEC_PER_MSEC;
}

static inline s64 ndp_sec(u32 s)
{
	return (s64)s * NDP_NSEC_PER_SEC;
}

/* Absolute expiry for a lifetime in seconds; NDP_INFINITE never expires. */
static inline s64 ndp_expiry(s64 now, u32 lifetime_s)
{
	return lifetime_s == NDP_INFINITE ? NDP_TIME_NEVER :
	       now + ndp_sec(lifetime_s);
}

/* Remaining seconds (rounded up) until @until; NDP_INFINITE if never. */
static inline u32 ndp_remaining_s(s64 now, s64 until)
{
	s64 d;

	if (until == NDP_TIME_NEVER)
		return NDP_INFINITE;
	if (until <= now)
		return 0;
	d = (until - now + NDP_NSEC_PER_SEC - 1) / NDP_NSEC_PER_SEC;
	return d >= NDP_INFINITE ? NDP_INFINITE - 1 : (u32)d;
}

/* Byte access: the core never assumes alignment. */
static inline u16 ndp_get16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static inline u32 ndp_get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static inline void ndp_put16(u8 *p, u16 v)
{
	p[0] = (v >> 8) & 0xff;
	p[1] = v & 0xff;
}

static inline void ndp_put32(u8 *p, u32 v)
{
	p[0] = (v >> 24) & 0xff;
	p[1] = (v >> 16) & 0xff;
	p[2] = (v >> 8) & 0xff;
	p[3] = v & 0xff;
}

/* A 16-bit ones'-complement sum of native-order words, in network order. */
static inline u32 ndp_sum16_to_be(u32 s)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return ((s & 0xff) << 8) | (s >> 8);
#else
	return s;
#endif
}

/* Address predicates. */
static inline bool ndp_ip6_eq(const struct ndp_ip6 *a, const struct ndp_ip6 *b)
{
	return !memcmp(a, b, sizeof(*a));
}

static inline bool ndp_ip6_is_mcast(const struct ndp_ip6 *a)
{
	return a->b[0] == 0xff;
}

static inline bool ndp_ip6_is_unspec(const struct ndp_ip6 *a)
{
	static const struct ndp_ip6 zero;

	return ndp_ip6_eq(a, &zero);
}

static inline bool ndp_ip6_is_linklocal(const struct ndp_ip6 *a)
{
	return a->b[0] == 0xfe && (a->b[1] & 0xc0) == 0x80;
}

static inline bool ndp_ip6_is_loopback(const struct ndp_ip6 *a)
{
	static const struct ndp_ip6 lo = { .b = { [15] = 1 } };

	return ndp_ip6_eq(a, &lo);
}

/* ff02::1:ffXX:XXXX for @a */
static inline void ndp_solicited_node(const struct ndp_ip6 *a,
				      struct ndp_ip6 *sn)
{
	memset(sn, 0, sizeof(*sn));
	sn->b[0] = 0xff;
	sn->b[1] = 0x02;
	sn->b[11] = 0x01;
	sn->b[12] = 0xff;
	sn->b[13] = a->b[13];
	sn->b[14] = a->b[14];
	sn->b[15] = a->b[15];
}

static inline bool ndp_ip6_is_solicited_node(const struct ndp_ip6 *a)
{
	static const u8 pfx[13] = { 0xff, 0x02, [11] = 0x01, [12] = 0xff };

	return !memcmp(a->b, pfx, sizeof(pfx));
}

/* 33:33 + low 32 bits (RFC 2464 7) */
static inline void ndp_mcast_mac(const struct ndp_ip6 *a, u8 *mac)
{
	mac[0] = 0x33;
	mac[1] = 0x33;
	memcpy(mac + 2, a->b + 12, 4);
}

bool ndp_prefix_match(const struct ndp_ip6 *a, const struct ndp_ip6 *b,
		      unsigned int plen);
unsigned int ndp_common_prefix_len(const struct ndp_ip6 *a,
				   const struct ndp_ip6 *b);

extern const struct ndp_ip6 ndp_all_nodes;	/* ff02::1 */
extern const struct ndp_ip6 ndp_all_routers;	/* ff02::2 */
extern const struct ndp_ip6 ndp_all_mldv2_routers;	/* ff02::16 */
extern const struct ndp_ip6 ndp_unspecified;	/* :: */

/* ---------------------------------------------------------------- tables */

struct ndp_qslot {			/* a packet waiting for resolution */
	struct ndp_pkt pkt;
	u32 next;			/* next slot in its FIFO, or NDP_NIL */
	u8 reason;			/* on the give-back FIFO: why dropped */
};

#define NDP_NIL 0xffffffffU

struct ndp_nbr {
	struct ndp_ip6 ip;
	u8 mac[NDP_ETH_ALEN];
	u8 state;			/* enum ndp_nbr_state; NONE: free */
	u8 probes;			/* solicitations sent in this state */
	bool is_router;
	bool has_mac;
	bool pinned;			/* on the Default Router List: kept */
	bool proven;			/* answered our NS with this MAC */
	/* UNREACHABLE: a packet went since the last NS (probes 0: waiting) */
	bool tx_since_ns;
	u16 qlen;
	u32 qhead, qtail;		/* struct ndp_qslot FIFO */
	u32 hnext;			/* hash chain */
	u32 heap_pos;			/* index in ctx->heap, or NDP_NIL */
	u32 lru_prev, lru_next;		/* evict list (state's, see lru_list()) */
	s64 timer;			/* NUD deadline, NDP_TIME_NEVER if none */
	s64 confirmed;			/* last reachability confirmation */
	s64 used;			/* last packet sent through it */
	s64 created;
};

struct ndp_addr {
	struct ndp_ip6 ip;
	u8 plen;
	u8 state;			/* enum ndp_addr_state */
	u8 origin;			/* enum ndp_origin */
	u8 dad_left;			/* DAD NS still to send */
	bool used;
	bool dad_started;		/* first NS sent */
	/*
	 * DAD again after the link came back (ndp_link_change()) for an
	 * address that was valid: state TENTATIVE, but usable and shown as
	 * @held (PREFERRED or DEPRECATED) until DAD ends; a new SLAAC one
	 * (RFC 4429) is shown as OPTIMISTIC.
	 */
	bool optimistic;
	u8 held;
	u8 n_nonces;			/* DAD NS sent in this run */
	/* RFC 7527: the nonce of each DAD NS of this run */
	u8 nonces[NDP_MAX_DAD_TRANSMITS][NDP_NONCE_LEN];
	s64 timer;			/* DAD deadline; made again (regen) */
	/*
	 * RFC 7217: @stable identifier made with @dad_counter; a DUPLICATE
	 * one is made again with the next counter at @timer (@regen)
	 */
	bool stable;
	bool regen;
	u8 dad_counter;
	s64 preferred_until;
	s64 valid_until;
	struct ndp_ip6 rtr;		/* SLAAC: the router of its PIO */
};

/* A DNS server or search domain from an RA (dns.c). */
/* The destination cache of Redirects (redirect.c). */
#define NDP_MAX_DESTS	32
struct ndp_dest {
	bool used;
	struct ndp_ip6 dst;
	struct ndp_ip6 nh;		/* the Target: first hop for @dst */
	struct ndp_ip6 rtr;		/* the router that redirected */
	s64 until;
};

#define NDP_MAX_DNS	16
struct ndp_dns {
	bool used;
	u8 kind;			/* enum ndp_dns_kind */
	u8 plen;			/* PREF64 */
	struct ndp_ip6 server;		/* SERVER; PREF64: the prefix */
	struct ndp_ip6 rtr;
	s64 expires;
	char name[NDP_DNS_NAME_MAX];
};

struct ndp_group {
	struct ndp_ip6 ip;
	u16 users;			/* addresses using it (solicited-node) */
	bool upper;			/* joined by the upper layer */
	bool used;
	u8 reports_left;		/* unsolicited Reports still to send */
	bool leaving;			/* a leave (TO_IN {}) report pending */
	bool from_unspec;		/* a Report went from :: (RFC 3590 4) */
	bool again;			/* reports_left repeat ones from :: */
	s64 timer;			/* next Report */
};

/* A token bucket; credit in ns (one token is NDP_NSEC_PER_SEC). */
struct ndp_bucket {
	s64 tokens;
	s64 last;
};

/* Routers asked to prove themselves (ndp_nbr_probe()): per second, burst */
#define NDP_RTR_PROBE_RATE	10
#define NDP_RTR_PROBE_BURST	10

struct ndp_router {
	struct ndp_ip6 ip;
	u8 origin;			/* NDP_ORIGIN_RA or _STATIC */
	u8 pref;			/* enum ndp_pref */
	bool used;
	s64 expires;
};

/* A more-specific route of a RIO (rio.c): one per prefix and router. */
struct ndp_route {
	struct ndp_prefix pfx;		/* bits past its length zero */
	struct ndp_ip6 rtr;
	u8 pref;			/* enum ndp_pref */
	bool used;
	s64 expires;
};

struct ndp_pfx {
	struct ndp_prefix pfx;
	struct ndp_ip6 rtr;		/* RA origin: the router of its PIO */
	u8 origin;
	bool used;
	bool autonomous;		/* an address was made from it */
	s64 valid_until;
	s64 preferred_until;
};

struct ndp_ctx {
	struct ndp_config cfg;
	u8 mac[NDP_ETH_ALEN];
	ndp_random_fn random;
	void *random_opaque;

	/* link parameters (RFC 4861 6.3.2) */
	u8 cur_hop_limit;
	u32 mtu;
	u32 base_reachable_ms;
	u32 reachable_ms;		/* randomised */
	u32 retrans_ms;
	s64 reachable_redraw;

	/* the lower link is down: DAD, MLD and RS timers held */
	bool link_down;
	/*
	 * The link came back at link_up_at: the REACHABLE entries confirmed
	 * before become STALE, a budget at a time from nbrs[stale_next]
	 * (cfg.max_nbrs: done).
	 */
	s64 link_up_at;
	u32 stale_next;

	/* router solicitation */
	u8 rs_sent;
	bool rs_done;
	s64 rs_timer;
	s64 rs_interval;		/* ns until the next RS (RFC 7559) */

	/* MLDv2 General Query response (one pending at a time) */
	s64 mld_general_timer;
	/*
	 * RFC 3810 8.2.1: the Older Version Querier Present timer; while it
	 * runs (not NDP_TIME_NEVER) the host speaks MLDv1 (addr.c)
	 */
	s64 mld_v1_until;

	/*
	 * At or before the earliest timer of addresses, groups, routers,
	 * prefixes, RS and MLD: lowered by ndp_due() as timers are set,
	 * made exact by the tick that reaches it (core.rst, "Deadlines").
	 */
	s64 tables_due;

	/* RFC 4862 5.4.5: the EUI-64 link-local was a duplicate (addr.c) */
	bool ip_disabled;
	u8 stable_secret[16];		/* RFC 7217 secret_key (iid.c) */

	struct ndp_bucket icmp_bucket;	/* ICMPv6 errors (RFC 4443 2.4 f) */
	struct ndp_bucket probe_bucket;	/* routers asked to prove themselves */

	/* neighbour cache */
	u32 hash_seed;
	u32 hash_mask;
	u32 *buckets;			/* hash_mask + 1 heads */
	struct ndp_nbr *nbrs;		/* cfg.max_nbrs */
	u32 n_nbrs;
	u32 n_incomplete;
	u32 *heap;			/* min-heap of nbr indices by timer */
	u32 heap_len;
	u32 free_nbr;			/* free list through hnext */
	u32 evict_inc_head, evict_inc_tail;	/* INCOMPLETE, oldest first */
	u32 evict_stale_head, evict_stale_tail;	/* STALE, oldest first */
	/* UNREACHABLE, least recently used first: evicted before the others */
	u32 evict_unreach_head, evict_unreach_tail;
	struct ndp_bucket inc_bucket;	/* new INCOMPLETE entries */
	struct ndp_qslot *qslots;	/* cfg.queue_total */
	u32 free_qslot;
	u32 n_queued;			/* slots in use: queued or giving back */
	u32 gb_head, gb_tail, n_gb;	/* dropped, waiting for room in out */
	u32 rr_next;			/* router round robin */

	struct ndp_addr *addrs;		/* cfg.max_addrs */
	struct ndp_group *groups;	/* cfg.max_groups */
	struct ndp_router *routers;	/* cfg.max_routers */
	struct ndp_pfx *pfxs;		/* cfg.max_prefixes */
	struct ndp_route *routes;	/* cfg.max_routes (rio.c) */
	struct ndp_dns dns[NDP_MAX_DNS];	/* RFC 8106 (dns.c) */
	struct ndp_dest dests[NDP_MAX_DESTS];	/* Redirects (redirect.c) */

	u32 generation;			/* any change (ndp_generation()) */
	u32 table_gen[NDP_TABLE_MAX];	/* entries in or out, per table */
	u64 stats[NDP_STAT_MAX];
};

static inline void ndp_count(struct ndp_ctx *ctx, enum ndp_stat s)
{
	ctx->stats[s]++;
}

static inline void ndp_changed(struct ndp_ctx *ctx)
{
	ctx->generation++;
}

/*
 * A timer of the tables (ctx->tables_due) was set to @at, or something
 * the walk skips (a held or tentative timer) counts again from @at.
 */
static inline void ndp_due(struct ndp_ctx *ctx, s64 at)
{
	if (at < ctx->tables_due)
		ctx->tables_due = at;
}

/* An entry entered or left table @t (ndp_table_generation()). */
static inline void ndp_table_changed(struct ndp_ctx *ctx, enum ndp_table t)
{
	ctx->table_gen[t]++;
	ctx->generation++;
}

static inline u32 ndp_random_u32(struct ndp_ctx *ctx)
{
	u32 v = 0;

	ctx->random(ctx->random_opaque, &v, sizeof(v));
	return v;
}

/* BaseReachableTime from an RA: re-draws ReachableTime if it changed. */
void ndp_set_base_reachable(struct ndp_ctx *ctx, s64 now, u32 ms);

/* Uniform in [0, span_ns). */
s64 ndp_random_delay(struct ndp_ctx *ctx, s64 span_ns);

/* A full bucket of @burst tokens at @now. */
void ndp_bucket_init(struct ndp_bucket *b, s64 now, u32 burst);
/* Refill for the time since the last call: is a token there? */
bool ndp_bucket_ready(struct ndp_bucket *b, s64 now, u32 rate, u32 burst);
/* ndp_bucket_ready(), and the token taken if it is. */
bool ndp_bucket_take(struct ndp_bucket *b, s64 now, u32 rate, u32 burst);

/* ---------------------------------------------------------------- output */

/* Room check before building: @ntx frames, @ndone handles, @bytes arena. */
bool ndp_out_room(const struct ndp_out *out, u32 ntx, u32 ndone, u32 bytes);
/* Reserve @len arena bytes for a frame and queue it for transmission. */
u8 *ndp_out_frame(struct ndp_out *out, u32 len);
/* The last frame from ndp_out_frame() waits for resolution (NDP_TX_RESOLVE). */
void ndp_out_resolve_last(struct ndp_out *out);
/* Shrink the last frame from ndp_out_frame() to @len. */
void ndp_out_trim(struct ndp_out *out, u32 len);
/* Transmit the caller's packet (Ethernet header written); false: no room. */
bool ndp_out_tx_handle(struct ndp_out *out, const struct ndp_pkt *pkt);
/* Give a handle back; false: no room (see ndp_nbr_give_back()). */
bool ndp_out_done(struct ndp_out *out, void *handle,
		  enum ndp_done_reason reason);
/*
 * ndp_handle() and ndp_send() keep one @done entry for their own packet
 * from begin to end; ndp_out_own_done() gives the packet back in it.
 */
bool ndp_out_own_begin(struct ndp_out *out);
void ndp_out_own_end(struct ndp_out *out);
void ndp_out_own_done(struct ndp_out *out, void *handle,
		      enum ndp_done_reason reason);
void ndp_out_note(struct ndp_out *out, enum ndp_note_kind kind,
		  const struct ndp_ip6 *addr, u8 plen, u32 valid_s,
		  u32 preferred_s, u32 value);

/* ---------------------------------------------------------------- wire.c */

u32 ndp_csum_add(u32 sum, const void *data, u32 len);
u16 ndp_csum_fold(u32 sum);
/* ICMPv6 checksum of @len bytes at @icmp between @src and @dst. */
u16 ndp_icmp_csum(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		  const u8 *icmp, u32 len);

/* Ethernet header: dst, our MAC, ETH_P_IPV6. */
void ndp_write_eth(const struct ndp_ctx *ctx, u8 *frame, const u8 *dst_mac);
/* IPv6 header (no extension headers). */
void ndp_write_ip6(u8 *ip6, const struct ndp_ip6 *src,
		   const struct ndp_ip6 *dst, u8 nh, u8 hop_limit,
		   u16 payload_len);

/*
 * Build an ICMPv6 frame in @out's arena: Ethernet to @dst_mac, IPv6 from
 * @src to @dst with @hop_limit, and ICMPv6 body @body of @len bytes (type
 * first; the checksum is filled in).  Returns false (and counts
 * TX_OUT_FULL) when @out is full.
 */
bool ndp_emit_icmp(struct ndp_ctx *ctx, struct ndp_out *out,
		   const u8 *dst_mac, const struct ndp_ip6 *src,
		   const struct ndp_ip6 *dst, u8 hop_limit,
		   const u8 *body, u32 len);
/*
 * Finish a frame whose ICMPv6 body (@len bytes) the caller already wrote at
 * @f + NDP_ETH_HLEN + NDP_IP6_HLEN: headers and checksum.
 */
void ndp_finish_icmp(const struct ndp_ctx *ctx, u8 *f, const u8 *dst_mac,
		     const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		     u8 hop_limit, u32 len);
/* Same with a Hop-by-Hop Router Alert (MLD). */
bool ndp_emit_icmp_ra(struct ndp_ctx *ctx, struct ndp_out *out,
		      const u8 *dst_mac, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, const u8 *body, u32 len);

/* Parsed ND options: the last of each kind wins; PIOs are walked again. */
struct ndp_opts {
	const u8 *slla;			/* 6 bytes, or NULL */
	const u8 *tlla;
	const u8 *mtu;			/* whole option */
	const u8 *nonce;		/* NDP_NONCE_LEN bytes */
	u8 nonce_len;
	u16 n_pio;
};

/*
 * Validate and index the options in [@p, @p + @len): every length non-zero
 * and inside; SLLA/TLLA of Ethernet size; a PIO under 32 bytes is skipped
 * (ND_OPT_SHORT), longer PIO and MTU options are taken.  Returns 0 or the
 * ndp_stat that failed (already counted).
 */
int ndp_opts_parse(struct ndp_ctx *ctx, const u8 *p, u32 len,
		   struct ndp_opts *o);

/* Send an NS for @target: @src NULL means DAD (from ::, with @nonce). */
bool ndp_send_ns(struct ndp_ctx *ctx, struct ndp_out *out,
		 const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		 const u8 *dst_mac, const struct ndp_ip6 *target,
		 const u8 *nonce);
bool ndp_send_na(struct ndp_ctx *ctx, struct ndp_out *out,
		 const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		 const u8 *dst_mac, const struct ndp_ip6 *target, u8 flags);

/* ---------------------------------------------------------------- rx.c */

struct ndp_rx {				/* one received packet, parsed */
	const struct ndp_pkt *pkt;
	const u8 *ip6;
	struct ndp_ip6 src, dst;
	u8 hop_limit;
	u8 proto;			/* upper-layer protocol */
	bool fragmented;		/* a Fragment header was seen */
	u32 l4_off;			/* from ip6 */
	u32 l4_len;
	const u8 *l4;			/* ICMPv6 message: l4_len linear bytes */
};

/* ICMPv6 error @type/@code about @rx with @pointer (rate-limited). */
void ndp_icmp_error(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		    u8 type, u8 code, u32 pointer, struct ndp_out *out);

/* ---------------------------------------------------------------- nbr.c */

int ndp_nbr_init(struct ndp_ctx *ctx);
/* nbr_table.c: the storage under nbr.c */
static inline u32 ndp_nbr_idx(const struct ndp_ctx *ctx,
			      const struct ndp_nbr *n)
{
	return (u32)(n - ctx->nbrs);
}

u32 ndp_nbr_hash(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
/* (Re)arm @n's timer in the heap; NDP_TIME_NEVER takes it out. */
void ndp_nbr_set_timer(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 when);
void ndp_nbr_heap_remove(struct ndp_ctx *ctx, struct ndp_nbr *n);
/* The eviction list of @n's state (INCOMPLETE, STALE; not if pinned). */
void ndp_nbr_lru_unlink(struct ndp_ctx *ctx, struct ndp_nbr *n);
void ndp_nbr_lru_append(struct ndp_ctx *ctx, struct ndp_nbr *n);
u32 ndp_nbr_q_pop(struct ndp_ctx *ctx, struct ndp_nbr *n);
void ndp_nbr_slot_free(struct ndp_ctx *ctx, u32 s);
void ndp_nbr_drop_queue(struct ndp_ctx *ctx, struct ndp_nbr *n,
			struct ndp_out *out, enum ndp_stat why,
			enum ndp_done_reason reason);
void ndp_nbr_enqueue(struct ndp_ctx *ctx, struct ndp_nbr *n,
		     const struct ndp_pkt *pkt, struct ndp_out *out);
bool ndp_nbr_xmit(struct ndp_ctx *ctx, const struct ndp_nbr *n,
		  const struct ndp_pkt *pkt, struct ndp_out *out);
struct ndp_nbr *ndp_nbr_find(const struct ndp_ctx *ctx,
			     const struct ndp_ip6 *ip);
void ndp_rx_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out);
void ndp_rx_na(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out);
/*
 * A link-layer address learned from an RS, RA or Redirect option (RFC 4861
 * 6.3.4, 7.2.3 rules): create STALE or update to STALE if changed.
 */
void ndp_nbr_learn(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   const u8 *mac, bool is_router);
/* Mark/unmark the cache entry of a router (exists or not). */
void ndp_nbr_set_router(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			bool is_router);
/* @ip joined (or left) the Default Router List: never evicted while on it. */
void ndp_nbr_set_pinned(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			bool pinned);
/* Is the neighbour known not to be reachable (INCOMPLETE or absent)? */
bool ndp_nbr_probably_unreachable(const struct ndp_ctx *ctx,
				  const struct ndp_ip6 *ip);
/* Has @ip been REACHABLE with the MAC its entry has now? */
bool ndp_nbr_proven(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
/* Ask a router whose RA did not fit to prove it is there (rate-limited). */
void ndp_nbr_probe(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   struct ndp_out *out);
/*
 * Link-layer destination for a frame the core builds to @dst: multicast
 * maps to 33:33:..; unicast goes through ndp_next_hop() and the cache (a
 * STALE entry moves to DELAY as for any send).  Returns 0 with @mac set,
 * -EAGAIN when resolution has just started (the frame is dropped: only the
 * caller's packets are queued) or -EHOSTUNREACH.
 */
int ndp_resolve(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst,
		u8 *mac, struct ndp_out *out);
/* Transmit @pkt to on-link next hop @nh (resolving, queueing). */
void ndp_nbr_output(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *nh,
		    const struct ndp_pkt *pkt, struct ndp_out *out);
void ndp_nbr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
/*
 * The exact next deadline, every table walked: what ndp_next_deadline()
 * never exceeds (for the tests and fuzzers).
 */
s64 ndp_deadline_walk(const struct ndp_ctx *ctx);
s64 ndp_nbr_deadline(const struct ndp_ctx *ctx);
void ndp_nbr_flush(struct ndp_ctx *ctx, struct ndp_out *out);
bool ndp_nbr_give_back_pending(struct ndp_ctx *ctx, struct ndp_out *out);
void ndp_nbr_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip);
/* ReachableTime changed: nothing to do now, entries pick it up. */

/* ---------------------------------------------------------------- addr.c */

/* A valid address (or one DAD checks again, optimistic): ours to use. */
static inline bool ndp_addr_usable(const struct ndp_addr *a)
{
	return a->used && (a->state == NDP_ADDR_PREFERRED ||
			   a->state == NDP_ADDR_DEPRECATED || a->optimistic);
}

/* Multicast scope (RFC 4291 2.7); 2 for link-local unicast, 14 else. */
static inline unsigned int ndp_ip6_scope(const struct ndp_ip6 *a)
{
	if (ndp_ip6_is_mcast(a))
		return a->b[1] & 0x0f;
	if (ndp_ip6_is_linklocal(a) || ndp_ip6_is_loopback(a))
		return 2;
	return 14;
}

/*
 * No Report of this join has gone out yet.  The RFC 3590 repeats (again)
 * do not count: the group was reported, from ::.
 */
static inline bool ndp_group_unreported(const struct ndp_group *g)
{
	return g->reports_left == NDP_MLD_ROBUSTNESS && !g->again;
}

void ndp_addr_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
struct ndp_addr *ndp_addr_find(const struct ndp_ctx *ctx,
			       const struct ndp_ip6 *ip);
/* Is @ip one of our addresses in a usable (non-tentative) state? */
bool ndp_addr_is_ours(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
/* The valid link-local address, or NULL while it is tentative. */
const struct ndp_addr *ndp_addr_linklocal(const struct ndp_ctx *ctx);
int ndp_addr_add(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		 u8 plen, u8 origin, const struct ndp_ip6 *rtr, u32 valid_s,
		 u32 preferred_s, struct ndp_out *out);
int ndp_addr_del(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		 struct ndp_out *out);
void ndp_addr_note(struct ndp_out *out, enum ndp_note_kind kind,
		   const struct ndp_addr *a, s64 now);
/* iid.c: interface identifiers (EUI-64, RFC 7217) */
void ndp_eui64_iid(const u8 *mac, u8 *iid);
u64 ndp_siphash24(const u8 key[16], const u8 *data, u32 len);
bool ndp_iid_reserved(const u8 *iid);
bool ndp_iid_make(const struct ndp_ctx *ctx, struct ndp_ip6 *ip,
		  u8 *dad_counter);
/*
 * A link-local or SLAAC address: the prefix in @ip's first 8 bytes, its
 * identifier made here (ndp_iid_make()), then ndp_addr_add().
 */
int ndp_addr_add_iid(struct ndp_ctx *ctx, s64 now, struct ndp_ip6 *ip,
		     u8 origin, const struct ndp_ip6 *rtr, u8 dad_counter,
		     u32 valid_s, u32 preferred_s, struct ndp_out *out);
/* DAD inputs (RFC 4862 5.4.3, 5.4.4); true if the message was about DAD. */
bool ndp_addr_dad_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		     const struct ndp_ip6 *target, const struct ndp_opts *o,
		     struct ndp_out *out);
bool ndp_addr_dad_na(struct ndp_ctx *ctx, s64 now,
		     const struct ndp_ip6 *target, struct ndp_out *out);
/* Timers of addr.c and mld.c: lifetimes, MLD, then DAD. */
void ndp_addr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
s64 ndp_addr_deadline(const struct ndp_ctx *ctx);
/* The link went down or came back (ctx->link_down already set). */
void ndp_addr_link_change(struct ndp_ctx *ctx, s64 now, bool up,
			  struct ndp_out *out);

/* ---------------------------------------------------------------- mld.c */

void ndp_mld_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
struct ndp_group *ndp_mld_find(const struct ndp_ctx *ctx,
			       const struct ndp_ip6 *ip);
/* Is @ip a group we listen to (all-nodes, solicited-node, upper)? */
bool ndp_group_is_joined(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
int ndp_mld_join(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		 bool upper, struct ndp_out *out);
int ndp_mld_leave(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		  bool upper, struct ndp_out *out);
void ndp_rx_mld_query(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		      struct ndp_out *out);
/* A link-local address is valid: Reports sent from :: go again. */
void ndp_mld_rereport(struct ndp_ctx *ctx, s64 now);
void ndp_mld_v1_expire(struct ndp_ctx *ctx, s64 now);
void ndp_mld_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
s64 ndp_mld_deadline(const struct ndp_ctx *ctx);
void ndp_mld_link_change(struct ndp_ctx *ctx, s64 now, bool up);

/* --------------------------------------------------------------- slaac.c */

/* SLAAC (RFC 4862 5.5.3) for one PIO with A=1 from router @rtr. */
int ndp_addr_slaac(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		   const struct ndp_prefix *pfx, u32 valid_s, u32 preferred_s,
		   struct ndp_out *out);

/* ---------------------------------------------------------------- rtr.c */

void ndp_rtr_init(struct ndp_ctx *ctx, s64 now);
/* dns.c: RFC 8106 servers and domains (ndp_dns_next() is public) */
void ndp_dns_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		u16 router_lifetime_s, const u8 *opts, u32 len,
		struct ndp_out *out);
void ndp_dns_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
bool ndp_redirect_lookup(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
			 struct ndp_ip6 *nh);
void ndp_redirect_forget(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			 bool unreachable);
void ndp_redirect_tick(struct ndp_ctx *ctx, s64 now);
s64 ndp_redirect_deadline(const struct ndp_ctx *ctx);
s64 ndp_dns_deadline(const struct ndp_ctx *ctx);
/* The options of a valid RA that userspace reads (out->useropts). */
void ndp_ra_useropts(struct ndp_ctx *ctx, const struct ndp_rx *rx,
		     struct ndp_out *out);
void ndp_rx_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out);
void ndp_rx_rs(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out);
void ndp_rx_redirect(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		     const struct ndp_opts *o, struct ndp_out *out);
/* An NA with R=0 from @ip: drop it from the default router list. */
void ndp_rtr_not_router(struct ndp_ctx *ctx, s64 now,
			const struct ndp_ip6 *ip, struct ndp_out *out);
bool ndp_rtr_is_router(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
/*
 * Does what @ip advertised hold its place under pressure: a static router
 * of ours, or a neighbour that proved two-way reachability (core.rst)?
 */
bool ndp_rtr_trusted(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip);
/*
 * Does a router that holds @held entries of a table of @max have its
 * share, half of it?  Tables under 4 have no shares (the caller's choice).
 */
static inline bool ndp_rtr_has_share(u32 held, u32 max)
{
	return max >= 4 && held >= max / 2;
}

/* Zero the bits of @p beyond its length (@p->len <= 128). */
void ndp_prefix_mask(struct ndp_prefix *p);
/* Is @dst on-link (link-local, or in an on-link prefix)? */
bool ndp_is_onlink(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst);
/*
 * Next hop for @dst (RFC 4861 5.2): @dst itself if on-link, else a default
 * router.  Returns -EHOSTUNREACH when off-link with no router (RFC 5942).
 */
int ndp_next_hop(struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		 struct ndp_ip6 *nh);
/* The same answer without side effects (the round robin stays put). */
int ndp_next_hop_peek(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		      struct ndp_ip6 *nh);
void ndp_rtr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
s64 ndp_rtr_deadline(const struct ndp_ctx *ctx);
/* The link came back (ctx->link_down already clear): solicit again. */
void ndp_rtr_link_up(struct ndp_ctx *ctx, s64 now);

/* ---------------------------------------------------------------- rio.c */

/* The Route Information options of a valid RA from @rtr (RFC 4191 3.1). */
void ndp_route_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		  const u8 *opts, u32 len, struct ndp_out *out);
/* @rtr is no router any more (NA with R=0): its routes go. */
void ndp_route_del_rtr(struct ndp_ctx *ctx, const struct ndp_ip6 *rtr,
		       struct ndp_out *out);
/*
 * The best RIO route for @dst whose router is not known unreachable:
 * longest prefix, then preference (RFC 4191 3.2); NULL if none.
 */
const struct ndp_route *ndp_route_lookup(const struct ndp_ctx *ctx,
					 const struct ndp_ip6 *dst);
void ndp_route_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);
s64 ndp_route_deadline(const struct ndp_ctx *ctx);

/* ----------------------------------------------------------------- rs.c */

void ndp_rs_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);

#endif /* _NDP_PRIVATE_H */
