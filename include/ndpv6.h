/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 - the IPv6 Neighbor Discovery core of MirageOS's Ndpv6, in C.
 *
 * This is the public, sans-IO API.  Every function of Mirage's Ndpv6
 * (mirage-tcpip, module Ndpv6) has a C twin named after it behind the
 * prefix ndp_:
 *
 *   Mirage                   C
 *   ----------------------   ------------------------------------------
 *   local                    ndp_local()
 *   add_ip                   ndp_add_ip()
 *   get_ip                   ndp_get_ip()
 *   allocate_frame           ndp_allocate_frame()
 *   select_source            ndp_select_source()
 *   handle                   ndp_handle()
 *   send                     ndp_send()
 *   tick                     ndp_tick()
 *   add_prefix               ndp_add_prefix()
 *   get_prefix               ndp_get_prefix()
 *   add_routers              ndp_add_routers()
 *   get_routers              ndp_get_routers()
 *   checksum                 ndp_checksum()
 *   ipaddr_of_cstruct        ndp_ipaddr_of_cstruct()
 *   ipaddr_to_cstruct_raw    ndp_ipaddr_to_cstruct_raw()
 *
 * Rules of the road:
 *  - Time is int64 nanoseconds of a monotonic clock (Mirage's `time`),
 *    passed in as @now.  Randomness comes from the callback given to
 *    ndp_local().  The core never allocates, locks, prints, reads a clock or
 *    draws randomness by itself, never recurses, and does bounded work per
 *    call.
 *  - The context lives in memory the caller provides; ndp_ctx_size() says how
 *    much for a given configuration, and table capacities never change after
 *    ndp_local().
 *  - Results go into a caller-provided struct ndp_out: frames to transmit,
 *    events for the upper layers, packet handles given back, notes.
 *  - Packets are opaque caller handles (struct ndp_pkt).  Every handle passed
 *    to ndp_handle() or ndp_send() comes back out exactly once, in this call
 *    or a later one: as an event (deliver it up), as a transmission, or in the
 *    done list (free it).  ndp_flush() gives back what the core still holds.
 *  - The caller serialises all calls on one context (the core has no lock).
 *
 * The same header and sources build in the kernel and in userspace; in
 * userspace, tools/lib/include provides the kernel integer types.  The
 * core's design and policy: Documentation/ndpv6/core.rst.
 */
#ifndef _NDPV6_H
#define _NDPV6_H

#include <linux/types.h>

#define NDP_NSEC_PER_SEC	1000000000LL
#define NDP_NSEC_PER_MSEC	1000000LL
#define NDP_TIME_NEVER		((s64)0x7fffffffffffffffLL)
/* A lifetime of 0xffffffff seconds is infinite (RFC 4861 4.6.2). */
#define NDP_INFINITE		0xffffffffU

#define NDP_ETH_ALEN		6
#define NDP_ETH_HLEN		14
#define NDP_IP6_HLEN		40

struct ndp_ip6 {
	u8 b[16];
};

struct ndp_prefix {
	struct ndp_ip6 addr;
	u8 len;
};

struct ndp_ctx;

/**
 * typedef ndp_random_fn - Mirage's `random` callback.
 * @opaque: the pointer given to ndp_local()
 * @buf: to fill with @len random bytes
 * @len: how many
 */
typedef void (*ndp_random_fn)(void *opaque, void *buf, u32 len);

/* Configuration: table capacities are fixed for the life of a context. */
struct ndp_config {
	u16 max_addrs;		/* addresses, link-local included (16) */
	u32 max_nbrs;		/* neighbour cache entries (256) */
	u16 max_routers;	/* default router list (16) */
	u16 max_prefixes;	/* prefix list (64) */
	/* more-specific routes of RFC 4191 RIOs (16); 0: none kept */
	u16 max_routes;
	u16 max_groups;		/* multicast groups joined (32) */
	u16 nbr_queue_len;	/* packets queued per INCOMPLETE neighbour (3) */
	u16 queue_total;	/* packets queued over all neighbours (64) */
	u16 incomplete_quota;	/* INCOMPLETE entries at once (max_nbrs / 4) */
	u16 incomplete_rate;	/* new INCOMPLETE entries per second (100) */
	u16 icmp_rate;		/* ICMPv6 errors per second (10) */
	u16 icmp_burst;		/* ... and burst (10) */
	u8 dad_transmits;	/* DupAddrDetectTransmits (1), <= 16 */
	u8 rtr_solicits;	/* MAX_RTR_SOLICITATIONS (3) */
	u32 rtr_solicit_interval_ms;	/* RTR_SOLICITATION_INTERVAL (4000) */
	u32 rtr_solicit_delay_ms;	/* MAX_RTR_SOLICITATION_DELAY (1000) */
	u32 retrans_ms;		/* RetransTimer until an RA says (1000) */
	u32 base_reachable_ms;	/* BaseReachableTime until an RA says (30000) */
	u32 delay_first_probe_ms;	/* DELAY_FIRST_PROBE_TIME (5000) */
	u32 link_mtu;		/* the lower link's MTU (1500) */
	bool accept_ra;		/* Mirage's handle_ra: act on RAs (true) */
	bool reply_echo;	/* answer echo requests in the core (true) */
	/*
	 * RFC 4429: a new SLAAC address is usable while its DAD runs (true);
	 * shown as NDP_ADDR_OPTIMISTIC until it passes.
	 */
	bool optimistic_dad;
	/*
	 * RFC 7559 RS backoff: 0 (default) keeps RFC 4861's fixed
	 * rtr_solicit_interval_ms; otherwise each interval doubles (x1.9 to
	 * x2.1) up to about this many ms.  With rtr_solicits set to
	 * NDP_RS_UNLIMITED the host solicits until an RA comes (RFC 7559's
	 * MRC 0, MRT 3600000).
	 */
	u32 rtr_solicit_max_interval_ms;
	/*
	 * Interface identifiers of the link-local and SLAAC addresses
	 * (enum ndp_addr_gen, NDP_ADDR_GEN_EUI64); for stable privacy, the
	 * secret (RFC 7217's secret_key), drawn from the random callback at
	 * start unless @stable_secret_set.
	 */
	u8 addr_gen;
	bool stable_secret_set;
	u8 stable_secret[16];
};

/* How the core makes interface identifiers (ndp_config.addr_gen). */
enum ndp_addr_gen {
	NDP_ADDR_GEN_EUI64,		/* modified EUI-64 of the MAC */
	NDP_ADDR_GEN_STABLE_PRIVACY,	/* RFC 7217, from a secret */
};

#define NDP_RS_UNLIMITED	0xff	/* rtr_solicits: no limit (RFC 7559) */
/*
 * dad_transmits: at most this many DAD NS per run (the netlink policy's
 * NDPV6_MAX_DAD_TRANSMITS); the core keeps the nonce of each (RFC 7527).
 */
#define NDP_MAX_DAD_TRANSMITS	16

/* Fill @cfg with the defaults listed above. */
void ndp_config_default(struct ndp_config *cfg);
/* Bytes of memory a context with @cfg needs; 0 if @cfg is invalid. */
size_t ndp_ctx_size(const struct ndp_config *cfg);

/*
 * A packet owned by the caller.  @data is the IPv6 header; @len bytes from
 * there are readable (and writable for ndp_send()); @tot_len is the whole
 * packet (more may sit in fragments the core never reads: the caller makes
 * every IPv6 extension header and every ICMPv6 message linear).  @headroom
 * bytes before @data are writable; ndp_send() needs NDP_ETH_HLEN of them
 * for the Ethernet header.  @flags (NDP_PKT_*) describe how a received
 * packet arrived; ndp_handle() reads them, ndp_send() ignores them.
 */
struct ndp_pkt {
	void *handle;
	u8 *data;
	u32 len;
	u32 tot_len;
	u32 headroom;
	u32 flags;
};

/*
 * The frame's link-layer destination was multicast or broadcast (the
 * kernel's skb->pkt_type not PACKET_HOST): no ICMPv6 error answers it
 * but Packet Too Big and Parameter Problem code 2 for an option of type
 * 10xxxxxx (RFC 4443 2.4 e.4, e.5).
 */
#define NDP_PKT_L2_MCAST	0x1

enum ndp_event_kind {
	NDP_EV_TCP,
	NDP_EV_UDP,
	NDP_EV_DEFAULT,
};

/*
 * An event for the upper layers: Mirage's `Tcp/`Udp/`Default.  It refers
 * to the packet the caller passed to ndp_handle(): deliver that handle up.
 */
struct ndp_event {
	u8 kind;		/* enum ndp_event_kind */
	u8 proto;		/* upper-layer protocol (next header) */
	void *handle;
	u32 l3_off;		/* IPv6 header, from ndp_pkt.data (0) */
	u32 l4_off;		/* upper-layer payload, from ndp_pkt.data */
	struct ndp_ip6 src;
	struct ndp_ip6 dst;
};

/*
 * A frame to transmit.  With @handle NULL the frame was built by the core:
 * @frame (Ethernet header first) and @len point into ndp_out.arena.  With a
 * @handle, it is the caller's packet; the core wrote its Ethernet header
 * into the NDP_ETH_HLEN bytes before ndp_pkt.data (@frame points there).
 *
 * NDP_TX_RESOLVE in @flags: a frame the core built (a reply: echo reply,
 * NA, ICMPv6 error) whose next hop is being resolved.  Its Ethernet
 * destination is not written: the caller makes the IPv6 packet at @frame +
 * NDP_ETH_HLEN a packet of its own and gives it to ndp_send(), where it
 * waits for resolution like any packet (and is given back if it fails).
 */
#define NDP_TX_RESOLVE		0x1

struct ndp_tx {
	void *handle;
	u8 *frame;
	u32 len;
	u32 flags;
};

/**
 * enum ndp_done_reason - why the core gave a packet handle back.
 * @NDP_DONE_CONSUMED: not a drop: a received packet the core used up (an
 *	ND or MLD message acted on, an echo request it answered).
 * @NDP_DONE_RX_DROPPED: a received packet that a receive rule dropped (the
 *	rule's counter moved: IP6_*, EXT_*, ICMP_*, ND_*, ...).
 * @NDP_DONE_BAD_PACKET: ndp_send(): not an IPv6 packet, or too little
 *	headroom (TX_BAD_PACKET).
 * @NDP_DONE_NO_ROUTE: ndp_send(): off-link and no default router
 *	(TX_NO_ROUTE, RFC 5942).
 * @NDP_DONE_NO_NEIGHBOUR: ndp_send(): no neighbour entry could be made for
 *	the next hop (NBR_TABLE_FULL, NBR_INCOMPLETE_QUOTA, NBR_RATE_LIMITED).
 * @NDP_DONE_QUEUE_FULL: waiting for resolution, pushed out of a full
 *	queue: the neighbour's (QUEUE_OVERFLOW) or the global pool
 *	(QUEUE_TOTAL_OVERFLOW).  Oldest first, so it may be an earlier packet
 *	than the one of this call.
 * @NDP_DONE_UNREACHABLE: waiting for resolution, and resolution (or NUD)
 *	failed: no answer to the solicitations (QUEUE_RESOLUTION_FAILED).
 *	RFC 4861 7.2.2: the sender is to be told, ICMPv6 Destination
 *	Unreachable code 3 (address unreachable); the core leaves that to the
 *	caller, which knows the sender (it is usually on this host).
 * @NDP_DONE_EVICTED: waiting for resolution when its neighbour entry was
 *	evicted to make room for another (QUEUE_EVICTED, RFC 6583).
 * @NDP_DONE_FLUSHED: waiting for resolution when the caller called
 *	ndp_flush(), e.g. the device going down (QUEUE_FLUSHED).
 * @NDP_DONE_NO_ROOM: the call's output had no room to transmit it
 *	(TX_OUT_FULL).
 * @NDP_DONE_MAX: number of reasons.
 *
 * Every reason but @NDP_DONE_CONSUMED is a drop, counted once by the core
 * under the counter named with it.  Only @NDP_DONE_CONSUMED and
 * @NDP_DONE_RX_DROPPED are given for the packet of ndp_handle(); the other
 * drops are of packets given to ndp_send(), in that call or a later one.
 */
enum ndp_done_reason {
	NDP_DONE_CONSUMED,
	NDP_DONE_RX_DROPPED,
	NDP_DONE_BAD_PACKET,
	NDP_DONE_NO_ROUTE,
	NDP_DONE_NO_NEIGHBOUR,
	NDP_DONE_QUEUE_FULL,
	NDP_DONE_UNREACHABLE,
	NDP_DONE_EVICTED,
	NDP_DONE_FLUSHED,
	NDP_DONE_NO_ROOM,
	NDP_DONE_MAX
};

/**
 * struct ndp_done - a handle the core gives back for the caller to free.
 * @handle: the caller's packet
 * @reason: enum ndp_done_reason: consumed, or why it was dropped
 */
struct ndp_done {
	void *handle;
	u8 reason;
};

/**
 * ndp_done_dropped() - is @d a drop?
 * @d: a handle given back
 *
 * Return: true for anything but NDP_DONE_CONSUMED.
 */
static inline bool ndp_done_dropped(const struct ndp_done *d)
{
	return d->reason != NDP_DONE_CONSUMED;
}

/**
 * ndp_done_reason_name() - short name of a reason, for traces.
 * @reason: enum ndp_done_reason
 *
 * Return: "consumed", "unreachable", ...
 */
static inline const char *ndp_done_reason_name(unsigned int reason)
{
	static const char * const names[NDP_DONE_MAX] = {
		[NDP_DONE_CONSUMED] = "consumed",
		[NDP_DONE_RX_DROPPED] = "rx-dropped",
		[NDP_DONE_BAD_PACKET] = "bad-packet",
		[NDP_DONE_NO_ROUTE] = "no-route",
		[NDP_DONE_NO_NEIGHBOUR] = "no-neighbour",
		[NDP_DONE_QUEUE_FULL] = "queue-full",
		[NDP_DONE_UNREACHABLE] = "unreachable",
		[NDP_DONE_EVICTED] = "evicted",
		[NDP_DONE_FLUSHED] = "flushed",
		[NDP_DONE_NO_ROOM] = "no-room",
	};

	return reason < NDP_DONE_MAX ? names[reason] : "?";
}

enum ndp_note_kind {
	NDP_NOTE_ADDR_ADD,	/* address valid (DAD passed): addr, plen, lft */
	NDP_NOTE_ADDR_UPDATE,	/* lifetimes changed: addr, plen, lft */
	NDP_NOTE_ADDR_DEPRECATED,	/* preferred lifetime ran out: addr */
	NDP_NOTE_ADDR_DEL,	/* address gone: addr, plen */
	NDP_NOTE_DAD_FAILED,	/* duplicate found: addr (kept, DUPLICATE) */
	NDP_NOTE_ROUTER_ADD,	/* default router: addr, valid */
	NDP_NOTE_ROUTER_DEL,	/* router gone: addr */
	NDP_NOTE_PREFIX_ADD,	/* on-link prefix added or updated: addr, plen */
	NDP_NOTE_PREFIX_DEL,	/* on-link prefix gone: addr, plen */
	NDP_NOTE_NBR_UNREACHABLE,	/* resolution or NUD failed: addr */
	NDP_NOTE_MTU,		/* link MTU from an RA: value */
	NDP_NOTE_HOPLIMIT,	/* CurHopLimit from an RA: value */
	NDP_NOTE_GROUP_JOIN,	/* the core listens to group addr */
	NDP_NOTE_GROUP_LEAVE,	/* ... no longer */
	/*
	 * The EUI-64 link-local address (addr) is a duplicate: IP operation
	 * on the interface is disabled (RFC 4862 5.4.5): no RS, no SLAAC
	 */
	NDP_NOTE_IP_DISABLED,
	/* a DNS server or search domain came or went: value its kind */
	NDP_NOTE_DNS,
	/*
	 * A more-specific route (RFC 4191 RIO) came or changed: addr, plen,
	 * valid (its lifetime), value its preference; or went
	 */
	NDP_NOTE_ROUTE_ADD,
	NDP_NOTE_ROUTE_DEL,
};

struct ndp_note {
	u8 kind;		/* enum ndp_note_kind */
	u8 plen;
	struct ndp_ip6 addr;
	u32 valid_s;		/* remaining lifetimes, NDP_INFINITE if so */
	u32 preferred_s;
	u32 value;
};

#define NDP_OUT_TX	48
#define NDP_OUT_DONE	48
#define NDP_OUT_NOTES	64
#define NDP_OUT_ARENA	(16 * 1024)
#define NDP_OUT_USEROPTS	64

/**
 * struct ndp_useropt - an RA option for userspace, in the received packet.
 * @off: its first byte, from the start of the packet given to ndp_handle()
 * @len: its length in bytes (a multiple of 8)
 *
 * The options Linux passes up as RTM_NEWNDUSEROPT (ndisc_is_useropt()):
 * Prefix Information, RDNSS and DNSSL (RFC 8106), Captive Portal (RFC
 * 8910), PREF64 (RFC 8781).  They point into that packet: read them
 * before it is freed.
 */
struct ndp_useropt {
	u32 off;
	u32 len;
};

/**
 * struct ndp_out - what one call produced.
 * @n_tx: entries of @tx used
 * @n_done: entries of @done used
 * @n_notes: entries of @notes used
 * @arena_used: bytes of @arena used by the frames of @tx
 * @own_reserved: core-private: a @done entry kept for the packet handle
 *	of the current ndp_handle() or ndp_send() until it has its outcome
 * @has_event: @ev holds a packet to pass up (ndp_handle())
 * @notes_lost: notes did not fit: the caller re-reads the tables
 * @n_useropts: entries of @useropts used
 * @ev: the event, when @has_event
 * @tx: frames to transmit, in order
 * @done: handles given back, consumed or dropped
 * @notes: table changes for the caller's view
 * @useropts: the options of a valid RA (ndp_handle()) for userspace, in
 *	the order they came, whether or not accept_ra is on (as Linux)
 * @arena: the bytes of the frames the core built
 *
 * Reset it with ndp_out_reset() before each call that takes it.  Every
 * append goes through one checked helper, so no call writes past an
 * array: work that does not fit waits in the core for a later call (its
 * deadline is then due at once) or is dropped and counted (TX_OUT_FULL).
 * What a caller must leave free: ndp_handle() and ndp_send() need one free
 * @done entry (the place their packet comes back; without it they refuse
 * the packet with -ENOBUFS); every other call takes any output, even a
 * full one.  An output just reset has room for everything.
 */
struct ndp_out {
	u32 n_tx;
	u32 n_done;
	u32 n_notes;
	u32 arena_used;
	u32 own_reserved;
	bool has_event;
	bool notes_lost;
	u32 n_useropts;
	struct ndp_event ev;
	struct ndp_tx tx[NDP_OUT_TX];
	struct ndp_done done[NDP_OUT_DONE];
	struct ndp_note notes[NDP_OUT_NOTES];
	struct ndp_useropt useropts[NDP_OUT_USEROPTS];
	u8 arena[NDP_OUT_ARENA];	/* frames are read bytewise */
};

void ndp_out_reset(struct ndp_out *out);

/* --- Mirage's API --- */

/*
 * local: set up a context for the interface with hardware address @mac in
 * @mem (ndp_ctx_size(@cfg) bytes).  The link-local address starts
 * tentative; its DAD and the first RS leave from ndp_tick() after their
 * random delays, so @out may stay empty.  Returns the context, or NULL if
 * @size is too small or @cfg invalid.
 */
struct ndp_ctx *ndp_local(void *mem, size_t size, const struct ndp_config *cfg,
			  const u8 mac[NDP_ETH_ALEN], s64 now,
			  ndp_random_fn random, void *random_opaque,
			  struct ndp_out *out);

/*
 * ndp_local() in two steps, for a caller that must not clear a large
 * context where it cannot wait (a lock with BHs off: 8.9 MB at 100,000
 * neighbours).  ndp_prepare() clears @mem and lays out the tables for
 * @cfg: work in proportion to @size, no randomness, no output.
 * ndp_start() then starts the context it returned, once, and does no
 * more than any other call (it never walks the neighbour cache).  Each
 * returns NULL where ndp_local() would.
 */
struct ndp_ctx *ndp_prepare(void *mem, size_t size,
			    const struct ndp_config *cfg);
struct ndp_ctx *ndp_start(struct ndp_ctx *ctx, const u8 mac[NDP_ETH_ALEN],
			  s64 now, ndp_random_fn random, void *random_opaque,
			  struct ndp_out *out);

/*
 * add_ip: add @ip/@plen (tentative until DAD passes) with lifetimes in
 * seconds (NDP_INFINITE for ever).  A full table makes room by removing
 * a SLAAC address of a router that never proved two-way reachability
 * (note ADDR_DEL).  Returns 0, -EEXIST, -ENOSPC (table full of addresses
 * that stay) or -EINVAL (multicast, unspecified, ...).
 */
int ndp_add_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
	       u8 plen, u32 valid_s, u32 preferred_s, struct ndp_out *out);
int ndp_del_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
	       struct ndp_out *out);

/* get_ip: the usable (non-tentative) addresses; returns how many there are. */
int ndp_get_ip(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max);

/*
 * allocate_frame: write an Ethernet + IPv6 header for @dst and upper-layer
 * protocol @proto (IPPROTO_ICMPV6, _TCP, _UDP) into @buf (@cap bytes).
 * Returns the header length (NDP_ETH_HLEN + NDP_IP6_HLEN), or 0.
 */
u32 ndp_allocate_frame(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		       u8 proto, u8 *buf, u32 cap);

/* select_source: RFC 6724 source for @dst into @src; -ENOENT if none. */
int ndp_select_source(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		      struct ndp_ip6 *src);

/* handle: one received IPv6 packet (Mirage's handle; kernel-doc: rx.c). */
int ndp_handle(struct ndp_ctx *ctx, s64 now, const struct ndp_pkt *pkt,
	       struct ndp_out *out);

/* ndp_send(): set the IPv6 payload length from the packet's tot_len. */
#define NDP_SEND_FILL_LEN	0x1
/* send: route and transmit one IPv6 packet (kernel-doc: core.c). */
int ndp_send(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst,
	     const struct ndp_pkt *pkt, u32 flags, struct ndp_out *out);

/*
 * tick: run every timer that is due.  Work per call is bounded by @out's
 * room; when work remains, ndp_next_deadline() is @now.
 */
void ndp_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out);

/*
 * When ndp_tick() must run next (absolute); NDP_TIME_NEVER if nothing.
 * O(1), never late; after a lifetime was shortened or an entry removed it
 * may be early, and the tick then due finds nothing to do.
 */
s64 ndp_next_deadline(const struct ndp_ctx *ctx);

/* add_prefix: an on-link prefix, lifetime in seconds. */
int ndp_add_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx,
		   u32 valid_s, struct ndp_out *out);
int ndp_del_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx,
		   struct ndp_out *out);
int ndp_get_prefix(const struct ndp_ctx *ctx, struct ndp_prefix *pfx, int max);

/* add_routers: static default routers (link-local), lifetime in seconds. */
int ndp_add_routers(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ips,
		    int n, u32 lifetime_s, struct ndp_out *out);
int ndp_del_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   struct ndp_out *out);
int ndp_get_routers(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max);

/* checksum: ones'-complement sum of @pseudo (the pseudo-header) and @bufs. */
struct ndp_buf {
	const void *p;
	u32 len;
};

u16 ndp_checksum(const void *pseudo, u32 pseudo_len,
		 const struct ndp_buf *bufs, int nbufs);

void ndp_ipaddr_of_cstruct(const u8 *buf, struct ndp_ip6 *ip);
void ndp_ipaddr_to_cstruct_raw(const struct ndp_ip6 *ip, u8 *buf, u32 off);

/* --- beyond Mirage's API --- */

/*
 * Upper-layer reachability confirmation (RFC 4861 7.3.1), e.g. from TCP;
 * a router so confirmed is trusted when tables are full (ndp_add_ip()).
 */
void ndp_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip);

/* Groups the upper layers listen to (ndo_set_rx_mode): receive them. */
int ndp_join_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group,
		   struct ndp_out *out);
int ndp_leave_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group,
		    struct ndp_out *out);

/*
 * The lower link went down (carrier lost) or came back (RFC 4862 5.3, 5.4;
 * RFC 4861 6.3.7).  Down: DAD, MLD Reports and Router Solicitations wait
 * (their timers are held: nothing is due); addresses, routers, prefixes
 * and neighbours stay, lifetimes run on.  Up: DAD runs again for every
 * address but a DUPLICATE one; a valid address stays usable meanwhile
 * (in ndp_get_ip(), as a source, shown PREFERRED or DEPRECATED: no
 * ADDR_DEL/ADD) and a duplicate found then gives ADDR_DEL and DAD_FAILED;
 * every group is reported again (NDP_MLD_ROBUSTNESS Reports), Router
 * Solicitation starts over, REACHABLE neighbours become STALE (1024 in
 * this call, the rest in ticks due at once).  Frames leave from
 * ndp_tick(), after random delays; @out gets notes only.
 * Telling the core the state it is in already changes nothing.
 */
void ndp_link_change(struct ndp_ctx *ctx, s64 now, bool up,
		     struct ndp_out *out);

/* Give back every handle the core holds (queued packets), dropped. */
void ndp_flush(struct ndp_ctx *ctx, struct ndp_out *out);

/* The hardware address and current link parameters. */
void ndp_get_mac(const struct ndp_ctx *ctx, u8 mac[NDP_ETH_ALEN]);

struct ndp_params {
	u8 cur_hop_limit;
	u8 dad_transmits;
	bool accept_ra;
	bool reply_echo;
	bool optimistic_dad;
	u32 mtu;
	u32 base_reachable_ms;
	u32 reachable_ms;
	u32 retrans_ms;
	bool link_up;		/* ndp_link_change() */
	bool ip_disabled;	/* NDP_NOTE_IP_DISABLED (RFC 4862 5.4.5) */
	u8 addr_gen;		/* enum ndp_addr_gen in force */
	/*
	 * MLDv1 compatibility mode (RFC 3810 8.2.1): an MLDv1 Query was
	 * heard less than the Older Version Querier Present Timeout ago
	 */
	bool mld_v1;
};

void ndp_get_params(const struct ndp_ctx *ctx, struct ndp_params *p);
int ndp_set_link_mtu(struct ndp_ctx *ctx, u32 mtu);
void ndp_set_accept_ra(struct ndp_ctx *ctx, bool on);
void ndp_set_reply_echo(struct ndp_ctx *ctx, bool on);
void ndp_set_dad_transmits(struct ndp_ctx *ctx, u8 n);
void ndp_set_optimistic_dad(struct ndp_ctx *ctx, bool on);

/* --- tables, for netlink and tests --- */

enum ndp_addr_state {
	NDP_ADDR_TENTATIVE,
	NDP_ADDR_PREFERRED,
	NDP_ADDR_DEPRECATED,
	NDP_ADDR_DUPLICATE,
	NDP_ADDR_OPTIMISTIC,	/* new, usable while DAD runs (RFC 4429) */
};

enum ndp_origin {
	NDP_ORIGIN_LINKLOCAL,
	NDP_ORIGIN_SLAAC,
	NDP_ORIGIN_MANUAL,
	NDP_ORIGIN_RA,
	NDP_ORIGIN_STATIC,
};

struct ndp_addr_info {
	struct ndp_ip6 addr;
	u8 plen;
	u8 state;		/* enum ndp_addr_state */
	u8 origin;		/* enum ndp_origin */
	u32 valid_s;		/* remaining, NDP_INFINITE for ever */
	u32 preferred_s;
};

enum ndp_nbr_state {
	NDP_NUD_NONE,
	NDP_NUD_INCOMPLETE,
	NDP_NUD_REACHABLE,
	NDP_NUD_STALE,
	NDP_NUD_DELAY,
	NDP_NUD_PROBE,
	NDP_NUD_UNREACHABLE,	/* NUD failed, MAC kept, probed while used */
};

struct ndp_nbr_info {
	struct ndp_ip6 addr;
	u8 mac[NDP_ETH_ALEN];
	u8 state;		/* enum ndp_nbr_state */
	bool is_router;
	u16 queued;
};

/*
 * Default Router Preference and Route Preference (RFC 4191 2.1), in the
 * order they rank: a greater value is preferred.  The reserved wire value
 * (10) is taken as medium in an RA (2.2); a RIO with it is ignored (2.3).
 */
enum ndp_pref {
	NDP_PREF_LOW,
	NDP_PREF_MEDIUM,
	NDP_PREF_HIGH,
};

struct ndp_router_info {
	struct ndp_ip6 addr;
	u8 origin;		/* NDP_ORIGIN_RA or NDP_ORIGIN_STATIC */
	u8 nud;			/* enum ndp_nbr_state of its cache entry */
	u8 pref;		/* enum ndp_pref (static: medium) */
	u32 lifetime_s;		/* remaining */
};

/* A more-specific route from a Route Information option (RFC 4191 2.3). */
struct ndp_route_info {
	struct ndp_prefix pfx;	/* 0..128 bits; ::/0 is a route too */
	struct ndp_ip6 rtr;	/* the router whose RA gave it: next hop */
	u8 pref;		/* enum ndp_pref */
	u32 lifetime_s;		/* remaining, NDP_INFINITE if so */
};

struct ndp_prefix_info {
	struct ndp_prefix pfx;
	u8 origin;
	bool onlink;
	bool autonomous;
	u32 valid_s;
	u32 preferred_s;
};

/* DNS configuration from RAs (RFC 8106): what an entry is. */
enum ndp_dns_kind {
	NDP_DNS_SERVER,		/* RDNSS: @server */
	NDP_DNS_DOMAIN,		/* DNSSL: @name */
	NDP_DNS_CAPTIVE_PORTAL,	/* RFC 8910: @name is the URI */
	NDP_DNS_PREF64,		/* RFC 8781: @server/@plen, a NAT64 prefix */
};

#define NDP_DNS_NAME_MAX	254	/* a domain or URI as text, NUL included */

struct ndp_dns_info {
	u8 kind;		/* enum ndp_dns_kind */
	u8 plen;		/* PREF64 */
	struct ndp_ip6 server;
	char name[NDP_DNS_NAME_MAX];
	struct ndp_ip6 rtr;	/* the router whose RA gave it */
	u32 lifetime_s;		/* remaining, NDP_INFINITE if so */
};

/* A Redirect's entry: @nh is the first hop for @dst (RFC 4861 8.3). */
struct ndp_redirect_info {
	struct ndp_ip6 dst;
	struct ndp_ip6 nh;	/* a better router, or @dst itself (on-link) */
	struct ndp_ip6 rtr;	/* the router that sent the Redirect */
	u32 lifetime_s;		/* remaining */
};

/*
 * Walk a table: @*pos starts at 0; each call fills one entry, advances
 * @*pos and returns true, or returns false at the end.
 *
 * ndp_table_generation() moves when an entry enters or leaves table @t:
 * what can make a walk resumed later (a dump over several messages) miss
 * an entry or show one twice.  It does not move when an entry's state,
 * lifetimes or link-layer address change (NUD runs all the time on a busy
 * link): a walk shows each entry as it is when it is read.
 * ndp_generation() moves at any change of any table or parameter.
 */
enum ndp_table {
	NDP_TABLE_ADDRS,
	NDP_TABLE_NBRS,
	NDP_TABLE_ROUTERS,
	NDP_TABLE_PREFIXES,
	NDP_TABLE_DNS,
	NDP_TABLE_DESTS,	/* the destination cache of Redirects */
	NDP_TABLE_ROUTES,
	NDP_TABLE_MAX
};

bool ndp_addr_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		   struct ndp_addr_info *ai);
bool ndp_nbr_next(const struct ndp_ctx *ctx, u32 *pos,
		  struct ndp_nbr_info *ni);
bool ndp_router_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		     struct ndp_router_info *ri);
bool ndp_prefix_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		     struct ndp_prefix_info *pi);
u32 ndp_generation(const struct ndp_ctx *ctx);
bool ndp_dns_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		  struct ndp_dns_info *di);
bool ndp_redirect_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		       struct ndp_redirect_info *ri);
bool ndp_route_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		    struct ndp_route_info *ri);
u32 ndp_table_generation(const struct ndp_ctx *ctx, enum ndp_table t);
int ndp_nbr_lookup(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
		   struct ndp_nbr_info *ni);

/* --- counters: one per drop rule, plus table events --- */

enum ndp_stat {
#define NDP_STAT(name, desc) NDP_STAT_##name,
#include "ndpv6_stats.h"
#undef NDP_STAT
	NDP_STAT_MAX
};

const u64 *ndp_stats(const struct ndp_ctx *ctx);
const char *ndp_stat_name(unsigned int i);

struct ndp_fill {
	u16 addrs, max_addrs;
	u32 nbrs, max_nbrs;
	u16 routers, max_routers;
	u16 prefixes, max_prefixes;
	u16 groups, max_groups;
	/* held: waiting on a neighbour, or to come back (giving_back) */
	u16 queued, max_queued;
	u16 incomplete;
	u16 giving_back;	/* dropped, waiting for room in an output */
	u16 routes, max_routes;	/* RFC 4191 more-specific routes */
};

void ndp_get_fill(const struct ndp_ctx *ctx, struct ndp_fill *f);

#endif /* _NDPV6_H */
