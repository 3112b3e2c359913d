/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * Documentation
 * =============
 *
 * The enums and macros below are the interface to ndpv6 devices (link type
 * "ndpv6": an IPv6 host whose Neighbor Discovery is the ndpv6 core's) over
 * generic netlink, family NDPV6_GENL_NAME, version NDPV6_GENL_VERSION.  The
 * YNL spec Documentation/netlink/specs/ndpv6.yaml describes the same family
 * and is kept equal to this file by tools/netlink/check-spec.py (`make
 * check`).
 *
 * The family is network-namespace aware: a request sees only the devices of
 * the network namespace of the socket it arrives on; a device in another
 * namespace does not exist for it (ENODEV).  Every request names one ndpv6
 * device with one, not both, of
 *
 *    NDPV6_A_IFINDEX: NLA_U32, the interface index
 *    NDPV6_A_IFNAME: NLA_NUL_STRING, maxlen IFNAMSIZ - 1
 *
 * and is answered ENODEV (no such device) or EOPNOTSUPP (the device is not
 * an ndpv6 device).  Reading needs no privilege.  Writing (NDPV6_CMD_NEW_*,
 * NDPV6_CMD_DEL_*, NDPV6_CMD_SET_PARAMS) needs CAP_NET_ADMIN in the user
 * namespace that owns the device's network namespace (EPERM otherwise).
 *
 * Validation is strict: an unknown attribute, an attribute the command does
 * not take, a read-only attribute in a request, a wrong length (addresses
 * are exactly 16 bytes) or a number out of its range is refused (EINVAL or
 * ERANGE) with an extended ACK message naming the attribute.  Every other
 * refusal carries an extended ACK message as well, but on kernels before
 * 6.5 that of a dump request refused for its key or its device (they give
 * a dump's start callback no extended ACK to fill).
 *
 * Tables (routers, prefixes, addresses, neighbours) are read with
 * NLM_F_DUMP, one message per entry (NLM_F_MULTI), each carrying
 * NDPV6_A_IFINDEX and one nest (NDPV6_A_ROUTER, NDPV6_A_PREFIX, NDPV6_A_ADDR
 * or NDPV6_A_NEIGH).  A dump may take several reads; if an entry entered
 * or left the table being dumped in between, or the device went down or
 * away, the next message, or the final NLMSG_DONE, carries
 * NLM_F_DUMP_INTR: the listing may miss an entry or show one twice, and
 * the reader should dump again.  Changes of an entry (its NUD state,
 * lifetimes, link-layer address) and changes of the other tables do not
 * interrupt a dump: each message shows its entry as it was when read.
 * Without NLM_F_DUMP the same commands look up one
 * entry by its key and answer with one message, or ENOENT.  While the
 * device is down its tables are empty.
 *
 * Lifetimes are remaining seconds, NDPV6_INFINITE (0xffffffff) for ever.
 *
 * NDPV6_CMD_GET_ROUTER
 * --------------------
 *
 * The default router list.  Request: the device; without NLM_F_DUMP also
 *
 *    NDPV6_A_ROUTER: NLA_NESTED
 *        NDPV6_ROUTER_A_ADDRESS: NLA_BINARY, exactly 16 bytes
 *
 * Reply, per router:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_ROUTER: NLA_NESTED
 *        NDPV6_ROUTER_A_ADDRESS: NLA_BINARY, 16 bytes, link-local
 *        NDPV6_ROUTER_A_LIFETIME: NLA_U32, remaining seconds
 *        NDPV6_ROUTER_A_ORIGIN: NLA_U8, enum ndpv6_origin (RA or STATIC)
 *        NDPV6_ROUTER_A_NUD: NLA_U8, enum ndpv6_nud, the reachability of
 *                            its neighbour cache entry (NONE if it has none)
 *        NDPV6_ROUTER_A_PREF: NLA_U8, enum ndpv6_pref, its Default Router
 *                             Preference (RFC 4191; static: MEDIUM)
 *
 * NDPV6_CMD_NEW_ROUTER, NDPV6_CMD_DEL_ROUTER
 * ------------------------------------------
 *
 * Add a static default router (Mirage's add_routers; a router already
 * known becomes static with the new lifetime), or delete a router whatever
 * its origin.  Request: the device and
 *
 *    NDPV6_A_ROUTER: NLA_NESTED
 *        NDPV6_ROUTER_A_ADDRESS: NLA_BINARY, exactly 16 bytes, link-local
 *                                unicast (fe80::/10), required
 *        NDPV6_ROUTER_A_LIFETIME: NLA_U32, seconds, at least 1; NEW only,
 *                                 default NDPV6_INFINITE
 *
 * Errors: ENETDOWN (device down), ENOSPC (router list full), ENOENT (DEL:
 * no such router).
 *
 * NDPV6_CMD_GET_PREFIX
 * --------------------
 *
 * The prefix list.  Request: the device; without NLM_F_DUMP also
 * NDPV6_A_PREFIX with NDPV6_PREFIX_A_ADDRESS and NDPV6_PREFIX_A_LEN.
 * Reply, per prefix:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_PREFIX: NLA_NESTED
 *        NDPV6_PREFIX_A_ADDRESS: NLA_BINARY, 16 bytes
 *        NDPV6_PREFIX_A_LEN: NLA_U8, 0..128
 *        NDPV6_PREFIX_A_VALID_LFT: NLA_U32, remaining seconds
 *        NDPV6_PREFIX_A_PREFERRED_LFT: NLA_U32, remaining seconds
 *        NDPV6_PREFIX_A_ORIGIN: NLA_U8, enum ndpv6_origin (RA or STATIC)
 *        NDPV6_PREFIX_A_ONLINK: NLA_FLAG, on-link (always, today)
 *        NDPV6_PREFIX_A_AUTONOMOUS: NLA_FLAG, the RA allowed SLAAC
 *
 * NDPV6_CMD_NEW_PREFIX, NDPV6_CMD_DEL_PREFIX
 * ------------------------------------------
 *
 * Add a static on-link prefix (Mirage's add_prefix; a known prefix
 * becomes static with the new lifetime), or delete a prefix whatever its
 * origin.  Bits beyond the length are ignored.  Request: the device and
 *
 *    NDPV6_A_PREFIX: NLA_NESTED
 *        NDPV6_PREFIX_A_ADDRESS: NLA_BINARY, exactly 16 bytes, required,
 *                                not multicast
 *        NDPV6_PREFIX_A_LEN: NLA_U8, 0..128, required
 *        NDPV6_PREFIX_A_VALID_LFT: NLA_U32, seconds, at least 1; NEW only,
 *                                  default NDPV6_INFINITE
 *
 * Errors: ENETDOWN, ENOSPC (prefix list full), ENOENT (DEL).
 *
 * NDPV6_CMD_GET_ADDR
 * ------------------
 *
 * The device's own addresses, tentative and duplicate ones included.
 * Request: the device; without NLM_F_DUMP also NDPV6_A_ADDR with
 * NDPV6_ADDR_A_ADDRESS.  Reply, per address:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_ADDR: NLA_NESTED
 *        NDPV6_ADDR_A_ADDRESS: NLA_BINARY, 16 bytes
 *        NDPV6_ADDR_A_PREFIX_LEN: NLA_U8, 1..128
 *        NDPV6_ADDR_A_STATE: NLA_U8, enum ndpv6_addr_state
 *        NDPV6_ADDR_A_ORIGIN: NLA_U8, enum ndpv6_origin (LINKLOCAL, SLAAC
 *                             or MANUAL)
 *        NDPV6_ADDR_A_VALID_LFT: NLA_U32, remaining seconds
 *        NDPV6_ADDR_A_PREFERRED_LFT: NLA_U32, remaining seconds
 *
 * NDPV6_CMD_NEW_ADDR, NDPV6_CMD_DEL_ADDR
 * --------------------------------------
 *
 * Add an address (Mirage's add_ip: tentative until the core's DAD
 * passes, see NDPV6_EVENT_ADDR_ADD and NDPV6_EVENT_DAD_FAILED), or delete
 * one whatever its state or origin.  Request: the device and
 *
 *    NDPV6_A_ADDR: NLA_NESTED
 *        NDPV6_ADDR_A_ADDRESS: NLA_BINARY, exactly 16 bytes, unicast, not
 *                              :: or ::1, required
 *        NDPV6_ADDR_A_PREFIX_LEN: NLA_U8, 1..128; NEW only, default 128
 *        NDPV6_ADDR_A_VALID_LFT: NLA_U32, seconds, at least 1; NEW only,
 *                                default NDPV6_INFINITE
 *        NDPV6_ADDR_A_PREFERRED_LFT: NLA_U32, seconds, not above the valid
 *                                    lifetime; NEW only, default the
 *                                    valid lifetime
 *
 * Errors: ENETDOWN, EEXIST (NEW: already ours), ENOSPC (address or
 * multicast group table full), ENOENT (DEL).
 *
 * NDPV6_CMD_GET_NEIGH
 * -------------------
 *
 * The neighbour cache.  Request: the device; without NLM_F_DUMP also
 * NDPV6_A_NEIGH with NDPV6_NEIGH_A_ADDRESS.  Reply, per entry:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_NEIGH: NLA_NESTED
 *        NDPV6_NEIGH_A_ADDRESS: NLA_BINARY, 16 bytes
 *        NDPV6_NEIGH_A_LLADDR: NLA_BINARY, 6 bytes; absent while the
 *                              link-layer address is unknown (INCOMPLETE)
 *        NDPV6_NEIGH_A_STATE: NLA_U8, enum ndpv6_nud
 *        NDPV6_NEIGH_A_ROUTER: NLA_FLAG, the neighbour is a router
 *        NDPV6_NEIGH_A_QUEUED: NLA_U32, packets queued while resolving
 *
 * NDPV6_CMD_GET_STATS
 * -------------------
 *
 * The core's counters: one per drop rule (RFC 4861, 4862, 4443, 8200, 6980,
 * 6583) plus table events.  Request: the device, no NLM_F_DUMP.  Reply:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_STATS: NLA_NESTED
 *        NDPV6_STATS_A_STAT: NLA_NESTED, once per counter, in ID order
 *            NDPV6_STAT_A_ID: NLA_U32, the counter's number
 *            NDPV6_STAT_A_NAME: NLA_NUL_STRING, its stable name, e.g.
 *                               "ND_HOPLIMIT" (tools key on names: numbers
 *                               may change between versions)
 *            NDPV6_STAT_A_VALUE: NLA_U64
 *        ...
 *
 * While the device is down NDPV6_A_STATS is empty.
 *
 * NDPV6_CMD_GET_PARAMS
 * --------------------
 *
 * The device's ND parameters, table capacities and fill.  Request: the
 * device, no NLM_F_DUMP.  Reply:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_IFNAME: NLA_NUL_STRING
 *    NDPV6_A_PARAMS: NLA_NESTED
 *        NDPV6_PARAMS_A_RUNNING: NLA_FLAG, the core runs (device up)
 *        NDPV6_PARAMS_A_HOP_LIMIT: NLA_U8, CurHopLimit (0: unspecified)
 *        NDPV6_PARAMS_A_MTU: NLA_U32, link MTU (lowered by an RA's option)
 *        NDPV6_PARAMS_A_BASE_REACHABLE_TIME: NLA_U32, milliseconds
 *        NDPV6_PARAMS_A_REACHABLE_TIME: NLA_U32, milliseconds, the
 *                                       randomised ReachableTime in use
 *        NDPV6_PARAMS_A_RETRANS_TIME: NLA_U32, milliseconds
 *        NDPV6_PARAMS_A_DAD_TRANSMITS: NLA_U8
 *        NDPV6_PARAMS_A_ACCEPT_RA: NLA_U8, 0 or 1
 *        NDPV6_PARAMS_A_REPLY_ECHO: NLA_U8, 1: the core answers echo
 *                                   requests (in softirq, past ip6tables);
 *                                   0: they go up to the kernel
 *        NDPV6_PARAMS_A_OPTIMISTIC_DAD: NLA_U8, 1: a new SLAAC address is
 *                                       usable while its DAD runs (RFC
 *                                       4429; state OPTIMISTIC)
 *        NDPV6_PARAMS_A_LINK_UP: NLA_FLAG, the lower device has its link
 *                                (carrier) as the core knows it; without
 *                                it DAD, MLD Reports and RS wait
 *        NDPV6_PARAMS_A_MLD_V1: NLA_FLAG, MLDv1 compatibility mode (RFC
 *                               3810 8.2.1): an MLDv1 Query was heard
 *                               less than the Older Version Querier
 *                               Present Timeout ago; the core speaks MLDv1
 *        NDPV6_PARAMS_A_IP_DISABLED: NLA_FLAG, the EUI-64 link-local
 *                                    address is a duplicate: IP operation
 *                                    is disabled (RFC 4862 5.4.5: no RS,
 *                                    no SLAAC) until the next down/up
 *        NDPV6_PARAMS_A_ADDR_GEN_MODE: NLA_U8, enum ndpv6_addr_gen_mode
 *                                      in force (the secret is never read
 *                                      back)
 *        NDPV6_PARAMS_A_MAX_ADDRS, _MAX_NBRS, _MAX_ROUTERS, _MAX_PREFIXES,
 *        _MAX_ROUTES, _MAX_GROUPS, _MAX_QUEUED: NLA_U32, the capacities
 *        in force
 *        NDPV6_PARAMS_A_NUM_ADDRS, _NUM_NBRS, _NUM_ROUTERS, _NUM_PREFIXES,
 *        _NUM_ROUTES, _NUM_GROUPS, _NUM_QUEUED, _NUM_INCOMPLETE: NLA_U32,
 *        the fill
 *        NDPV6_PARAMS_A_PENDING: NLA_NESTED, present only when capacities
 *                                were set that are not in force yet
 *            NDPV6_PARAMS_A_MAX_ADDRS, _MAX_NBRS, _MAX_ROUTERS,
 *            _MAX_PREFIXES, _MAX_ROUTES: NLA_U32, those for the next
 *            down/up
 *            NDPV6_PARAMS_A_ADDR_GEN_MODE: NLA_U8, the same
 *
 * While the device is down, the timers, hop limit, MTU and the three
 * flags LINK_UP, MLD_V1 and IP_DISABLED are absent, the capacities are
 * those the next up will use and the fill is absent.
 *
 * NDPV6_CMD_SET_PARAMS
 * --------------------
 *
 * Request: the device and
 *
 *    NDPV6_A_PARAMS: NLA_NESTED, at least one of
 *        NDPV6_PARAMS_A_DAD_TRANSMITS: NLA_U8, 0..NDPV6_MAX_DAD_TRANSMITS;
 *                                      for addresses added from now on
 *        NDPV6_PARAMS_A_ACCEPT_RA: NLA_U8, 0 or 1; at once
 *        NDPV6_PARAMS_A_REPLY_ECHO: NLA_U8, 0 or 1; at once
 *        NDPV6_PARAMS_A_OPTIMISTIC_DAD: NLA_U8, 0 or 1; for SLAAC
 *                                       addresses made from now on
 *        NDPV6_PARAMS_A_MAX_ADDRS: NLA_U32, 1..NDPV6_MAX_ADDRS
 *        NDPV6_PARAMS_A_MAX_NBRS: NLA_U32, 1..NDPV6_MAX_NBRS
 *        NDPV6_PARAMS_A_MAX_ROUTERS: NLA_U32, 1..NDPV6_MAX_ROUTERS
 *        NDPV6_PARAMS_A_MAX_PREFIXES: NLA_U32, 1..NDPV6_MAX_PREFIXES
 *        NDPV6_PARAMS_A_MAX_ROUTES: NLA_U32, 0..NDPV6_MAX_ROUTES: RFC
 *                                   4191 routes (0: Route Information
 *                                   options ignored)
 *        NDPV6_PARAMS_A_ADDR_GEN_MODE: NLA_U8, enum ndpv6_addr_gen_mode
 *        NDPV6_PARAMS_A_STABLE_SECRET: NLA_BINARY, exactly
 *                                      NDPV6_STABLE_SECRET_LEN bytes: RFC
 *                                      7217's secret_key (without one, a
 *                                      random secret is drawn at each up)
 *
 * DAD transmits, accept-RA, reply-echo and optimistic DAD apply at once
 * and are kept across down/up.  The address generation mode and the secret apply from
 * the next down/up (the link-local address is made at up), as the
 * capacities.
 * The table capacities size the core's tables, which are allocated when
 * the device comes up: new capacities take effect at the next down/up.
 * Two limits follow them: the multicast group table holds the addresses'
 * solicited-node groups (MAX_ADDRS + 16, at least 32) and at most a
 * quarter of the neighbour cache may be INCOMPLETE (RFC 6583).
 * The reply is an NDPV6_CMD_SET_PARAMS message shaped as the GET_PARAMS
 * reply, with NDPV6_PARAMS_A_PENDING when capacities wait for the next
 * up; the extended ACK (with NLM_F_ACK) then says so as a warning.  All or
 * nothing: a refused request changes nothing.
 *
 * Multicast group NDPV6_MCGRP_EVENTS
 * ----------------------------------
 *
 * Subscribing needs CAP_NET_ADMIN in the user namespace that owns the
 * socket's network namespace (EPERM otherwise) where generic netlink can
 * check it (GENL_MCAST_CAP_NET_ADMIN: 6.7 on, and the 6.1 stable series);
 * on older kernels it needs no privilege, as rtnetlink's groups.  A
 * listener hears the devices of its own network namespace.  Each event is
 * an NDPV6_CMD_EVENT message:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_IFNAME: NLA_NUL_STRING
 *    NDPV6_A_EVENT: NLA_U8, enum ndpv6_event
 *    and, by event:
 *    ADDR_ADD, ADDR_DEPRECATED, ADDR_DEL, DAD_FAILED:
 *        NDPV6_A_ADDR: NLA_NESTED
 *            NDPV6_ADDR_A_ADDRESS; NDPV6_ADDR_A_PREFIX_LEN when known;
 *            NDPV6_ADDR_A_VALID_LFT and _PREFERRED_LFT for ADDR_ADD
 *    ROUTER_ADD, ROUTER_DEL:
 *        NDPV6_A_ROUTER: NLA_NESTED
 *            NDPV6_ROUTER_A_ADDRESS; NDPV6_ROUTER_A_LIFETIME for ROUTER_ADD
 *    PREFIX_ADD, PREFIX_DEL:
 *        NDPV6_A_PREFIX: NLA_NESTED
 *            NDPV6_PREFIX_A_ADDRESS, NDPV6_PREFIX_A_LEN;
 *            NDPV6_PREFIX_A_VALID_LFT and _PREFERRED_LFT for PREFIX_ADD
 *    NEIGH_UNREACHABLE:
 *        NDPV6_A_NEIGH: NLA_NESTED
 *            NDPV6_NEIGH_A_ADDRESS
 *    IP_DISABLED (the EUI-64 link-local address is a duplicate: no more
 *    RS or SLAAC until the next down/up; see NDPV6_PARAMS_A_IP_DISABLED):
 *        NDPV6_A_ADDR: NLA_NESTED
 *            NDPV6_ADDR_A_ADDRESS, the link-local address;
 *            NDPV6_ADDR_A_PREFIX_LEN
 *    LOST: nothing more: events were dropped; read the tables again.
 *    ADDR_REFUSED (an address a user added on the device, e.g. with
 *    `ip -6 addr add`, that the core could not take: it was removed from
 *    the device again, so that the kernel never uses an address nobody
 *    defends; the kernel log says so too):
 *        NDPV6_A_ADDR: NLA_NESTED
 *            NDPV6_ADDR_A_ADDRESS, NDPV6_ADDR_A_PREFIX_LEN;
 *            NDPV6_ADDR_A_ERROR: NLA_U32, the core's errno (ENOSPC: its
 *            address table is full; EINVAL: values it does not take)
 *    KERNEL_REFUSED (an address or route of the core's that the kernel
 *    refused to take, e.g. with disable_ipv6 set on the device; the
 *    mirror tries again at the next change; the kernel log says so too):
 *        one of NDPV6_A_ADDR (NDPV6_ADDR_A_ADDRESS, _PREFIX_LEN: an
 *        address), NDPV6_A_PREFIX (NDPV6_PREFIX_A_ADDRESS, _LEN: the route
 *        of an on-link prefix) or NDPV6_A_ROUTER (NDPV6_ROUTER_A_ADDRESS:
 *        the default route via that router);
 *        NDPV6_A_ERROR: NLA_U32, the kernel's errno
 *    DNS (a DNS server or search domain of an RA came or went, the
 *    lifetimes aside): nothing more; read NDPV6_CMD_GET_DNS again.
 *
 * NDPV6_CMD_GET_REDIRECT
 * ----------------------
 *
 * The destination cache of Redirects (RFC 4861 8.3): a dump (the device,
 * NLM_F_DUMP), a message per redirected destination:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_REDIRECT: NLA_NESTED
 *        NDPV6_REDIRECT_A_DESTINATION: NLA_BINARY (16)
 *        NDPV6_REDIRECT_A_NEXT_HOP: NLA_BINARY (16), the first hop for it
 *                                   now: a better router, or the
 *                                   destination itself (on-link)
 *        NDPV6_REDIRECT_A_ROUTER: NLA_BINARY (16), the router that sent
 *                                 the Redirect
 *        NDPV6_REDIRECT_A_LIFETIME: NLA_U32, seconds left
 *
 * An entry goes when its time is over, when its router leaves the router
 * list or its next hop fails NUD.
 *
 * NDPV6_CMD_GET_DNS
 * -----------------
 *
 * The DNS configuration of the device's RAs (RFC 8106), their captive
 * portal (RFC 8910) and NAT64 prefixes (RFC 8781), with accept_ra on:
 * a dump (the device, NLM_F_DUMP), a message per entry:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_DNS: NLA_NESTED
 *        NDPV6_DNS_A_KIND: NLA_U8, enum ndpv6_dns_kind
 *        NDPV6_DNS_A_SERVER: NLA_BINARY (16), a recursive DNS server
 *                            (NDPV6_DNS_SERVER)
 *        NDPV6_DNS_A_DOMAIN: NLA_NUL_STRING, a search domain as dotted
 *                            text, no final dot (NDPV6_DNS_DOMAIN)
 *        NDPV6_DNS_A_URI: NLA_NUL_STRING, the captive portal API's URI
 *                         (NDPV6_DNS_CAPTIVE_PORTAL, RFC 8910; its
 *                         lifetime is the router's)
 *        NDPV6_DNS_A_PREFIX: NLA_BINARY (16), NDPV6_DNS_A_PREFIX_LEN:
 *                            NLA_U8, a NAT64 prefix (NDPV6_DNS_PREF64,
 *                            RFC 8781)
 *        NDPV6_DNS_A_ROUTER: NLA_BINARY (16), the router whose RA gave it
 *        NDPV6_DNS_A_LIFETIME: NLA_U32, seconds left, NDPV6_INFINITE if so
 *
 * Entries whose lifetime ran out are gone; at most 16 at once (the rest
 * are counted: DNS_TABLE_FULL).
 *
 * NDPV6_CMD_GET_ROUTE
 * -------------------
 *
 * The more-specific routes of the device's RAs (RFC 4191 Route
 * Information options), with accept_ra on: a dump (the device,
 * NLM_F_DUMP), a message per route:
 *
 *    NDPV6_A_IFINDEX: NLA_U32
 *    NDPV6_A_ROUTE: NLA_NESTED
 *        NDPV6_ROUTE_A_PREFIX: NLA_BINARY (16), NDPV6_ROUTE_A_PREFIX_LEN:
 *                              NLA_U8, the destination (::/0 too)
 *        NDPV6_ROUTE_A_ROUTER: NLA_BINARY (16), the router whose RA gave
 *                              it: the next hop
 *        NDPV6_ROUTE_A_PREF: NLA_U8, enum ndpv6_pref
 *        NDPV6_ROUTE_A_LIFETIME: NLA_U32, seconds left, NDPV6_INFINITE
 *                                if so
 *
 * At most NDPV6_PARAMS_A_MAX_ROUTES at once (the rest are counted:
 * ROUTE_TABLE_FULL, ROUTE_ROUTER_SHARE).
 */

#ifndef _UAPI_LINUX_NDPV6_H
#define _UAPI_LINUX_NDPV6_H

#include <linux/types.h>

#define NDPV6_GENL_NAME		"ndpv6"
#define NDPV6_GENL_VERSION	1
#define NDPV6_MCGRP_EVENTS	"events"

#define NDPV6_INFINITE		0xffffffffU

/* Upper bounds of NDPV6_CMD_SET_PARAMS. */
#define NDPV6_MAX_DAD_TRANSMITS	16

/* NDPV6_PARAMS_A_ADDR_GEN_MODE: how interface identifiers are made */
enum ndpv6_addr_gen_mode {
	NDPV6_ADDR_GEN_EUI64,		/* modified EUI-64 of the MAC */
	NDPV6_ADDR_GEN_STABLE_PRIVACY,	/* RFC 7217, from a secret */
	__NDPV6_ADDR_GEN_MAX
};

#define NDPV6_ADDR_GEN_MAX (__NDPV6_ADDR_GEN_MAX - 1)

#define NDPV6_STABLE_SECRET_LEN	16
#define NDPV6_MAX_ADDRS		1024
#define NDPV6_MAX_NBRS		100000
#define NDPV6_MAX_ROUTERS	256
#define NDPV6_MAX_PREFIXES	1024
#define NDPV6_MAX_ROUTES	1024

enum ndpv6_cmd {
	NDPV6_CMD_UNSPEC,
	NDPV6_CMD_GET_ROUTER,
	NDPV6_CMD_NEW_ROUTER,
	NDPV6_CMD_DEL_ROUTER,
	NDPV6_CMD_GET_PREFIX,
	NDPV6_CMD_NEW_PREFIX,
	NDPV6_CMD_DEL_PREFIX,
	NDPV6_CMD_GET_ADDR,
	NDPV6_CMD_NEW_ADDR,
	NDPV6_CMD_DEL_ADDR,
	NDPV6_CMD_GET_NEIGH,
	NDPV6_CMD_GET_STATS,
	NDPV6_CMD_GET_PARAMS,
	NDPV6_CMD_SET_PARAMS,
	NDPV6_CMD_EVENT,
	NDPV6_CMD_GET_DNS,
	NDPV6_CMD_GET_REDIRECT,
	NDPV6_CMD_GET_ROUTE,
	__NDPV6_CMD_MAX
};

#define NDPV6_CMD_MAX (__NDPV6_CMD_MAX - 1)

/* Where an entry comes from (the same numbers as the core's). */
enum ndpv6_origin {
	NDPV6_ORIGIN_LINKLOCAL,	/* the link-local address, from the MAC */
	NDPV6_ORIGIN_SLAAC,	/* an address from an RA's prefix */
	NDPV6_ORIGIN_MANUAL,	/* an address added with NDPV6_CMD_NEW_ADDR */
	NDPV6_ORIGIN_RA,	/* a router or prefix learnt from an RA */
	NDPV6_ORIGIN_STATIC,	/* a router or prefix added with NEW_* */
	__NDPV6_ORIGIN_MAX
};

#define NDPV6_ORIGIN_MAX (__NDPV6_ORIGIN_MAX - 1)

enum ndpv6_addr_state {
	NDPV6_ADDR_STATE_TENTATIVE,	/* DAD running: not used yet */
	NDPV6_ADDR_STATE_PREFERRED,
	NDPV6_ADDR_STATE_DEPRECATED,	/* preferred lifetime over */
	NDPV6_ADDR_STATE_DUPLICATE,	/* DAD failed */
	NDPV6_ADDR_STATE_OPTIMISTIC,	/* new, usable while DAD runs (RFC 4429) */
	__NDPV6_ADDR_STATE_MAX
};

#define NDPV6_ADDR_STATE_MAX (__NDPV6_ADDR_STATE_MAX - 1)

/* Neighbour Unreachability Detection states (RFC 4861 7.3.2). */
enum ndpv6_nud {
	NDPV6_NUD_NONE,		/* no cache entry */
	NDPV6_NUD_INCOMPLETE,
	NDPV6_NUD_REACHABLE,
	NDPV6_NUD_STALE,
	NDPV6_NUD_DELAY,
	NDPV6_NUD_PROBE,
	NDPV6_NUD_UNREACHABLE,	/* NUD failed, probed while used (RFC 7048) */
	__NDPV6_NUD_MAX
};

#define NDPV6_NUD_MAX (__NDPV6_NUD_MAX - 1)

enum ndpv6_event {
	NDPV6_EVENT_UNSPEC,
	NDPV6_EVENT_ADDR_ADD,		/* DAD succeeded (or was off) */
	NDPV6_EVENT_ADDR_DEPRECATED,	/* preferred lifetime ran out */
	NDPV6_EVENT_ADDR_DEL,		/* removed or valid lifetime ran out */
	NDPV6_EVENT_DAD_FAILED,		/* a duplicate: the address is gone */
	NDPV6_EVENT_ROUTER_ADD,		/* default router added or refreshed */
	NDPV6_EVENT_ROUTER_DEL,		/* removed or its lifetime ran out */
	NDPV6_EVENT_PREFIX_ADD,		/* on-link prefix added or refreshed */
	NDPV6_EVENT_PREFIX_DEL,		/* removed or its lifetime ran out */
	NDPV6_EVENT_NEIGH_UNREACHABLE,	/* resolution or NUD failed */
	NDPV6_EVENT_LOST,		/* events were dropped: dump again */
	NDPV6_EVENT_IP_DISABLED,	/* EUI-64 link-local a duplicate */
	NDPV6_EVENT_ADDR_REFUSED,	/* a user's address the core refused */
	NDPV6_EVENT_KERNEL_REFUSED,	/* the kernel refused the core's */
	NDPV6_EVENT_DNS,		/* a DNS server or domain came or went */
	__NDPV6_EVENT_MAX
};

#define NDPV6_EVENT_MAX (__NDPV6_EVENT_MAX - 1)

enum ndpv6_attr {
	NDPV6_A_UNSPEC,
	NDPV6_A_IFINDEX,
	NDPV6_A_IFNAME,
	NDPV6_A_ROUTER,
	NDPV6_A_PREFIX,
	NDPV6_A_ADDR,
	NDPV6_A_NEIGH,
	NDPV6_A_STATS,
	NDPV6_A_PARAMS,
	NDPV6_A_EVENT,
	NDPV6_A_ERROR,
	NDPV6_A_DNS,
	NDPV6_A_REDIRECT,
	NDPV6_A_ROUTE,
	__NDPV6_A_MAX
};

#define NDPV6_A_MAX (__NDPV6_A_MAX - 1)

enum ndpv6_router_attr {
	NDPV6_ROUTER_A_UNSPEC,
	NDPV6_ROUTER_A_ADDRESS,
	NDPV6_ROUTER_A_LIFETIME,
	NDPV6_ROUTER_A_ORIGIN,
	NDPV6_ROUTER_A_NUD,
	NDPV6_ROUTER_A_PREF,
	__NDPV6_ROUTER_A_MAX
};

#define NDPV6_ROUTER_A_MAX (__NDPV6_ROUTER_A_MAX - 1)

/* Router and route preferences (RFC 4191), in the order they rank. */
enum ndpv6_pref {
	NDPV6_PREF_LOW,
	NDPV6_PREF_MEDIUM,
	NDPV6_PREF_HIGH,
	__NDPV6_PREF_MAX
};

#define NDPV6_PREF_MAX (__NDPV6_PREF_MAX - 1)

enum ndpv6_prefix_attr {
	NDPV6_PREFIX_A_UNSPEC,
	NDPV6_PREFIX_A_ADDRESS,
	NDPV6_PREFIX_A_LEN,
	NDPV6_PREFIX_A_VALID_LFT,
	NDPV6_PREFIX_A_PREFERRED_LFT,
	NDPV6_PREFIX_A_ORIGIN,
	NDPV6_PREFIX_A_ONLINK,
	NDPV6_PREFIX_A_AUTONOMOUS,
	__NDPV6_PREFIX_A_MAX
};

#define NDPV6_PREFIX_A_MAX (__NDPV6_PREFIX_A_MAX - 1)

enum ndpv6_addr_attr {
	NDPV6_ADDR_A_UNSPEC,
	NDPV6_ADDR_A_ADDRESS,
	NDPV6_ADDR_A_PREFIX_LEN,
	NDPV6_ADDR_A_STATE,
	NDPV6_ADDR_A_ORIGIN,
	NDPV6_ADDR_A_VALID_LFT,
	NDPV6_ADDR_A_PREFERRED_LFT,
	NDPV6_ADDR_A_ERROR,
	__NDPV6_ADDR_A_MAX
};

#define NDPV6_ADDR_A_MAX (__NDPV6_ADDR_A_MAX - 1)

enum ndpv6_neigh_attr {
	NDPV6_NEIGH_A_UNSPEC,
	NDPV6_NEIGH_A_ADDRESS,
	NDPV6_NEIGH_A_LLADDR,
	NDPV6_NEIGH_A_STATE,
	NDPV6_NEIGH_A_ROUTER,
	NDPV6_NEIGH_A_QUEUED,
	__NDPV6_NEIGH_A_MAX
};

#define NDPV6_NEIGH_A_MAX (__NDPV6_NEIGH_A_MAX - 1)

enum ndpv6_stats_attr {
	NDPV6_STATS_A_UNSPEC,
	NDPV6_STATS_A_STAT,
	__NDPV6_STATS_A_MAX
};

#define NDPV6_STATS_A_MAX (__NDPV6_STATS_A_MAX - 1)

enum ndpv6_stat_attr {
	NDPV6_STAT_A_UNSPEC,
	NDPV6_STAT_A_ID,
	NDPV6_STAT_A_NAME,
	NDPV6_STAT_A_VALUE,
	NDPV6_STAT_A_PAD,
	__NDPV6_STAT_A_MAX
};

#define NDPV6_STAT_A_MAX (__NDPV6_STAT_A_MAX - 1)

enum ndpv6_params_attr {
	NDPV6_PARAMS_A_UNSPEC,
	NDPV6_PARAMS_A_RUNNING,
	NDPV6_PARAMS_A_HOP_LIMIT,
	NDPV6_PARAMS_A_MTU,
	NDPV6_PARAMS_A_BASE_REACHABLE_TIME,
	NDPV6_PARAMS_A_REACHABLE_TIME,
	NDPV6_PARAMS_A_RETRANS_TIME,
	NDPV6_PARAMS_A_DAD_TRANSMITS,
	NDPV6_PARAMS_A_ACCEPT_RA,
	NDPV6_PARAMS_A_MAX_ADDRS,
	NDPV6_PARAMS_A_MAX_NBRS,
	NDPV6_PARAMS_A_MAX_ROUTERS,
	NDPV6_PARAMS_A_MAX_PREFIXES,
	NDPV6_PARAMS_A_MAX_GROUPS,
	NDPV6_PARAMS_A_MAX_QUEUED,
	NDPV6_PARAMS_A_NUM_ADDRS,
	NDPV6_PARAMS_A_NUM_NBRS,
	NDPV6_PARAMS_A_NUM_ROUTERS,
	NDPV6_PARAMS_A_NUM_PREFIXES,
	NDPV6_PARAMS_A_NUM_GROUPS,
	NDPV6_PARAMS_A_NUM_QUEUED,
	NDPV6_PARAMS_A_NUM_INCOMPLETE,
	NDPV6_PARAMS_A_PENDING,
	NDPV6_PARAMS_A_REPLY_ECHO,
	NDPV6_PARAMS_A_LINK_UP,
	NDPV6_PARAMS_A_MLD_V1,
	NDPV6_PARAMS_A_IP_DISABLED,
	NDPV6_PARAMS_A_ADDR_GEN_MODE,
	NDPV6_PARAMS_A_STABLE_SECRET,
	NDPV6_PARAMS_A_OPTIMISTIC_DAD,
	NDPV6_PARAMS_A_MAX_ROUTES,
	NDPV6_PARAMS_A_NUM_ROUTES,
	__NDPV6_PARAMS_A_MAX
};

#define NDPV6_PARAMS_A_MAX (__NDPV6_PARAMS_A_MAX - 1)

/* NDPV6_DNS_A_KIND: what an NDPV6_A_DNS entry is */
enum ndpv6_dns_kind {
	NDPV6_DNS_SERVER,		/* RDNSS (RFC 8106 5.1) */
	NDPV6_DNS_DOMAIN,		/* DNSSL (RFC 8106 5.2) */
	NDPV6_DNS_CAPTIVE_PORTAL,	/* RFC 8910 */
	NDPV6_DNS_PREF64,		/* RFC 8781 */
	__NDPV6_DNS_MAX
};

#define NDPV6_DNS_MAX (__NDPV6_DNS_MAX - 1)

enum ndpv6_dns_attr {
	NDPV6_DNS_A_UNSPEC,
	NDPV6_DNS_A_KIND,
	NDPV6_DNS_A_SERVER,
	NDPV6_DNS_A_DOMAIN,
	NDPV6_DNS_A_ROUTER,
	NDPV6_DNS_A_LIFETIME,
	NDPV6_DNS_A_URI,
	NDPV6_DNS_A_PREFIX,
	NDPV6_DNS_A_PREFIX_LEN,
	__NDPV6_DNS_A_MAX
};

#define NDPV6_DNS_A_MAX (__NDPV6_DNS_A_MAX - 1)

enum ndpv6_redirect_attr {
	NDPV6_REDIRECT_A_UNSPEC,
	NDPV6_REDIRECT_A_DESTINATION,
	NDPV6_REDIRECT_A_NEXT_HOP,
	NDPV6_REDIRECT_A_ROUTER,
	NDPV6_REDIRECT_A_LIFETIME,
	__NDPV6_REDIRECT_A_MAX
};

#define NDPV6_REDIRECT_A_MAX (__NDPV6_REDIRECT_A_MAX - 1)
enum ndpv6_route_attr {
	NDPV6_ROUTE_A_UNSPEC,
	NDPV6_ROUTE_A_PREFIX,
	NDPV6_ROUTE_A_PREFIX_LEN,
	NDPV6_ROUTE_A_ROUTER,
	NDPV6_ROUTE_A_PREF,
	NDPV6_ROUTE_A_LIFETIME,
	__NDPV6_ROUTE_A_MAX
};

#define NDPV6_ROUTE_A_MAX (__NDPV6_ROUTE_A_MAX - 1)

#endif /* _UAPI_LINUX_NDPV6_H */
