/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core's counters, one per rule: a list of NDP_STAT(name, description)
 * for the includer to define (an "X-include": no include guard).  It makes
 * enum ndp_stat (NDP_STAT_<name>, in include/ndpv6.h), the names in
 * ndp_stat_name() (the ethtool -S strings and the netlink counter dump).
 * Append only: user tools key on the names.
 */
/* received, by outcome */
NDP_STAT(RX_PACKETS, "IPv6 packets given to handle")
NDP_STAT(RX_DELIVERED, "packets passed up as events")
NDP_STAT(RX_ND, "ND/MLD messages acted on")
NDP_STAT(RX_ECHO, "echo requests answered")

/* IPv6 header (RFC 8200) */
NDP_STAT(IP6_TRUNCATED, "shorter than its header or payload length")
NDP_STAT(IP6_VERSION, "version is not 6")
NDP_STAT(IP6_SRC_MCAST, "multicast source address")
NDP_STAT(IP6_NOT_FOR_US, "destination neither ours nor a joined group")
NDP_STAT(IP6_LOOPBACK, "loopback source or destination (RFC 4291 2.5.3)")
NDP_STAT(IP6_MCAST_SCOPE, "to a group of scope 0 or 1 (RFC 4291 2.7)")

/* extension headers (RFC 8200 4) */
NDP_STAT(EXT_HBH_NOT_FIRST, "Hop-by-Hop header not first")
NDP_STAT(EXT_TRUNCATED, "extension header overruns the packet")
NDP_STAT(EXT_TOO_MANY, "extension header chain too long")
NDP_STAT(EXT_OPT_DISCARD, "unknown option, action: discard")
NDP_STAT(EXT_OPT_PARAMPROB, "unknown option, action: Parameter Problem")
NDP_STAT(EXT_ROUTING, "Routing header with Segments Left > 0")
NDP_STAT(EXT_UNKNOWN_NH, "unknown next header after an extension")

/* ICMPv6 (RFC 4443) */
NDP_STAT(ICMP_TRUNCATED, "ICMPv6 shorter than its header")
NDP_STAT(ICMP_CSUM, "ICMPv6 checksum wrong")
NDP_STAT(ICMP_ERR_RATELIMITED, "ICMPv6 error not sent: rate limit")
NDP_STAT(ICMP_ERR_SUPPRESSED, "ICMPv6 error not sent: RFC 4443 2.4 e")
NDP_STAT(ECHO_TOO_BIG, "echo reply does not fit the output arena")
NDP_STAT(ECHO_NO_SOURCE, "echo to a group but no source to reply from")

/* ND validation (RFC 4861 6.1, 7.1, 8.1; RFC 6980) */
NDP_STAT(ND_IN_FRAGMENT, "ND message inside a fragment (RFC 6980)")
NDP_STAT(ND_HOPLIMIT, "ND hop limit not 255")
NDP_STAT(ND_CODE, "ND code not 0")
NDP_STAT(ND_LEN, "ND message shorter than its fixed part")
NDP_STAT(ND_OPT_ZERO_LEN, "ND option with length 0")
NDP_STAT(ND_OPT_OVERRUN, "ND option overruns the message")
NDP_STAT(ND_OPT_BAD, "ND option malformed (SLLA/TLLA size, PIO prefix)")
NDP_STAT(ND_OPT_SHORT, "PIO shorter than 32 bytes: that option skipped")
NDP_STAT(NS_TARGET_MCAST, "NS target is multicast")
NDP_STAT(NS_DAD_BAD_DST, "NS from :: not to a solicited-node group")
NDP_STAT(NS_DAD_SLLA, "NS from :: with a source link-layer option")
NDP_STAT(NS_NOT_OURS, "NS for an address that is not ours")
NDP_STAT(NA_TARGET_MCAST, "NA target is multicast")
NDP_STAT(NA_SOLICITED_MCAST, "solicited NA to a multicast destination")
NDP_STAT(NA_NO_ENTRY, "NA for a neighbour not in the cache")
NDP_STAT(RS_UNSPEC_SLLA, "RS from :: with a source link-layer option")
NDP_STAT(RS_IGNORED, "RS (hosts do not answer)")
NDP_STAT(RA_SRC_NOT_LL, "RA source not link-local")
NDP_STAT(RA_IGNORED, "RA ignored: accept_ra off")
NDP_STAT(RA_MTU_INVALID, "RA MTU outside [1280, link MTU]")
NDP_STAT(REDIRECT_SRC_NOT_LL, "Redirect source not link-local")
NDP_STAT(REDIRECT_DST_MCAST, "Redirect Destination is multicast")
NDP_STAT(REDIRECT_BAD_TARGET, "Redirect Target not link-local nor Destination")
NDP_STAT(REDIRECT_NOT_FIRST_HOP, "Redirect not from Destination's first hop")
NDP_STAT(PIO_LINKLOCAL, "PIO for the link-local prefix ignored")
NDP_STAT(PIO_PREF_GT_VALID, "PIO preferred > valid ignored")
NDP_STAT(PIO_BAD_PLEN, "PIO prefix length unfit for SLAAC (not 64)")
NDP_STAT(MLD_INVALID, "MLD message invalid (hop limit, source, length)")

/* DAD (RFC 4862 5.4) */
NDP_STAT(DAD_NS_LOOPED, "own DAD NS looped back (RFC 7527 nonce)")
NDP_STAT(DAD_FAILED, "duplicate address detected")
NDP_STAT(NA_FOR_OWN_ADDR, "NA for a valid own address ignored")
/* ... and the lower link (ndp_link_change(), RFC 4862 5.3; 4861 6.3.7) */
NDP_STAT(LINK_DOWN, "link lost: DAD, MLD and RS held")
NDP_STAT(LINK_UP, "link back: DAD, MLD Reports and RS again")

/* neighbour cache (RFC 4861 7.3, RFC 6583) */
NDP_STAT(NBR_CREATED, "neighbour entries created")
NDP_STAT(NBR_EVICTED, "neighbour entries evicted for room")
NDP_STAT(NBR_TABLE_FULL, "no neighbour entry could be made")
NDP_STAT(NBR_INCOMPLETE_QUOTA, "INCOMPLETE quota reached")
NDP_STAT(NBR_RATE_LIMITED, "new INCOMPLETE entries rate-limited")
NDP_STAT(NBR_ROUTER_PROBED, "router whose RA did not fit asked to prove itself")
NDP_STAT(NBR_PROBE_RATE_LIMITED, "router probe rate-limited")
NDP_STAT(NBR_FAILED, "resolution or NUD failed")
NDP_STAT(QUEUE_OVERFLOW, "queued packet dropped: neighbour queue full")
NDP_STAT(QUEUE_TOTAL_OVERFLOW, "queued packet dropped: global queue full")
NDP_STAT(QUEUE_RESOLUTION_FAILED, "queued packet dropped: no answer")
NDP_STAT(QUEUE_EVICTED, "queued packet dropped: its entry was evicted")
NDP_STAT(QUEUE_FLUSHED, "queued packet dropped: flush")
NDP_STAT(NA_NO_TLLA, "NA without TLLA for an INCOMPLETE entry")
NDP_STAT(NA_NO_OVERRIDE, "NA with O=0 and another TLLA not applied")
NDP_STAT(NS_NO_SOURCE, "NS not sent: no usable source address")

/* send */
NDP_STAT(TX_PACKETS, "packets transmitted for the caller")
NDP_STAT(TX_NO_ROUTE, "no route: off-link and no router (RFC 5942)")
NDP_STAT(TX_BAD_PACKET, "send: not an IPv6 packet or no headroom")
NDP_STAT(TX_OUT_FULL, "output full: frame not built")
NDP_STAT(TX_CORE_UNRESOLVED, "reply handed back to wait for resolution")

/* tables */
NDP_STAT(ADDR_TABLE_FULL, "address not added: table full")
NDP_STAT(ROUTER_TABLE_FULL, "router not added: table full")
NDP_STAT(PREFIX_TABLE_FULL, "prefix not added: table full")
NDP_STAT(GROUP_TABLE_FULL, "group not joined: table full")
NDP_STAT(ROUTER_DISPLACED, "unproven router made room for a proven one")
NDP_STAT(PREFIX_DISPLACED, "unproven router's prefix made room")
NDP_STAT(ADDR_DISPLACED, "unproven router's SLAAC address made room")
NDP_STAT(PREFIX_ROUTER_SHARE, "prefix not added: its router has its share")
NDP_STAT(SLAAC_ROUTER_SHARE, "SLAAC address not made: router has its share")

/* IP operation disabled: the EUI-64 link-local failed DAD (RFC 4862 5.4.5) */
NDP_STAT(IP_DISABLED, "EUI-64 link-local a duplicate: no RS, no SLAAC")
NDP_STAT(SLAAC_IP_DISABLED, "PIO not used for SLAAC: IP operation off")

/* MLDv1 compatibility mode (RFC 3810 8.2.1) */
NDP_STAT(MLD_V1_QUERY, "MLDv1 Query: MLDv1 mode on or renewed")
NDP_STAT(MLD_V1_EXPIRED, "no MLDv1 Query for a while: back to MLDv2")

/* the output contract (struct ndp_out) */
NDP_STAT(OUT_NO_ROOM, "handle/send refused: no free done entry in out")
NDP_STAT(OUT_GIVE_BACK_LATER, "dropped handle kept: out full, given later")

/* extension header options, as Linux drops them (RFC 4942 2.1.9.5) */
NDP_STAT(EXT_PAD_TOO_LONG, "more than 7 bytes of padding in a row")
NDP_STAT(EXT_PADN_NOT_ZERO, "PadN option carrying non-zero bytes")
NDP_STAT(EXT_OPTS_TOO_MANY, "more than 8 options in one options header")

/* RA options passed up for userspace, as Linux's RTM_NEWNDUSEROPT */
NDP_STAT(RA_USEROPT, "RA option for userspace (RDNSS, DNSSL, ...)")
NDP_STAT(RA_USEROPT_LOST, "RA option for userspace: out full, lost")

/* RFC 7217 stable identifiers: another one after a duplicate */
NDP_STAT(IDGEN_RETRY, "stable identifier a duplicate: the next one made")
NDP_STAT(IDGEN_GAVE_UP, "stable identifier a duplicate IDGEN_RETRIES times")

/* DNS from RAs (RFC 8106) */
NDP_STAT(RDNSS_INVALID, "RDNSS option malformed, or a server multicast/::")
NDP_STAT(DNSSL_INVALID, "DNSSL option malformed: ignored whole")
NDP_STAT(DNS_TABLE_FULL, "DNS server or domain not kept: table full")
NDP_STAT(DNS_DISPLACED, "DNS entry expiring first made room")
NDP_STAT(DNS_EXPIRED, "DNS server or domain lifetime ran out")
NDP_STAT(CAPTIVE_PORTAL_INVALID, "captive portal URI empty, too long or not ASCII")
NDP_STAT(PREF64_INVALID, "PREF64 option: length or prefix length code")

/* RFC 7048: NUD failed, the entry kept UNREACHABLE and probed with back-off */
NDP_STAT(NBR_UNREACHABLE_ENTERED, "NUD failed: entry kept as UNREACHABLE")
NDP_STAT(NBR_BACKOFF_NS, "multicast NS with back-off to an UNREACHABLE entry")
NDP_STAT(NBR_UNREACHABLE_RECOVERED, "UNREACHABLE entry heard from again")
NDP_STAT(NBR_UNREACHABLE_GC, "UNREACHABLE entry removed: idle 10 min")
NDP_STAT(TX_UNREACHABLE, "packet sent to an UNREACHABLE entry's cached MAC")

/* duplicate ND options (SLLA, TLLA, MTU, Nonce): the first counts */
NDP_STAT(ND_OPT_DUPLICATE, "ND option given twice: the first one counts")

/* RFC 4429 Optimistic DAD */
NDP_STAT(ADDR_OPTIMISTIC, "new SLAAC address usable while its DAD runs")
NDP_STAT(NS_WAIT_SOURCE, "NS put off: every address of ours still in DAD")

/* Redirects (RFC 4861 8.3): the destination cache */
NDP_STAT(REDIRECT_ROUTER, "Redirect to a better router applied")
NDP_STAT(REDIRECT_ONLINK, "Redirect to the destination itself applied")
NDP_STAT(REDIRECT_EVICTED, "destination cache full: the oldest made room")
NDP_STAT(REDIRECT_FORGOTTEN, "redirect dropped: its router left or NUD failed")
NDP_STAT(REDIRECT_EXPIRED, "redirect dropped: its time ran out")
/* RFC 4191: router preferences and Route Information options (rio.c) */
NDP_STAT(RA_PREF_RESERVED, "RA Default Router Preference 10: taken as medium")
NDP_STAT(RIO_INVALID, "RIO length or prefix length wrong: ignored")
NDP_STAT(RIO_PREF_RESERVED, "RIO with the reserved preference 10: ignored")
NDP_STAT(ROUTE_TABLE_FULL, "RIO route not kept: table full")
NDP_STAT(ROUTE_ROUTER_SHARE, "RIO route not kept: its router has its share")
