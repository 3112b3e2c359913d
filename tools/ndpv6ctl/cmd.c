// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6ctl's objects (router, route, prefix, addr, neigh, params, dns,
 * redirect, stats)
 * and what each does (show, add, del, set), and monitor.  The grammar that
 * picks one is in ndpv6ctl.c.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/ndpv6.h>

#include "ndpv6ctl.h"

#define DUMP_TRIES	4
#define MAX_OPTS	8

static const char *name_of(const char *const *names, unsigned int n,
			   uint64_t v)
{
	return v < n && names[v] ? names[v] : "unknown";
}

#define NAME(tbl, v) name_of(tbl, ARRAY_SIZE(tbl), v)

static const char *const origin_names[] = {
	[NDPV6_ORIGIN_LINKLOCAL] = "linklocal",
	[NDPV6_ORIGIN_SLAAC] = "slaac",
	[NDPV6_ORIGIN_MANUAL] = "manual",
	[NDPV6_ORIGIN_RA] = "ra",
	[NDPV6_ORIGIN_STATIC] = "static",
};

static const char *const state_names[] = {
	[NDPV6_ADDR_STATE_TENTATIVE] = "tentative",
	[NDPV6_ADDR_STATE_PREFERRED] = "preferred",
	[NDPV6_ADDR_STATE_DEPRECATED] = "deprecated",
	[NDPV6_ADDR_STATE_DUPLICATE] = "duplicate",
	[NDPV6_ADDR_STATE_OPTIMISTIC] = "optimistic",
};

static const char *const nud_names[] = {
	[NDPV6_NUD_NONE] = "none",
	[NDPV6_NUD_INCOMPLETE] = "incomplete",
	[NDPV6_NUD_REACHABLE] = "reachable",
	[NDPV6_NUD_STALE] = "stale",
	[NDPV6_NUD_DELAY] = "delay",
	[NDPV6_NUD_PROBE] = "probe",
	[NDPV6_NUD_UNREACHABLE] = "unreachable",
};

static const char *const pref_names[] = {
	[NDPV6_PREF_LOW] = "low",
	[NDPV6_PREF_MEDIUM] = "medium",
	[NDPV6_PREF_HIGH] = "high",
};

static const char *const event_names[] = {
	[NDPV6_EVENT_ADDR_ADD] = "addr-add",
	[NDPV6_EVENT_ADDR_DEPRECATED] = "addr-deprecated",
	[NDPV6_EVENT_ADDR_DEL] = "addr-del",
	[NDPV6_EVENT_DAD_FAILED] = "dad-failed",
	[NDPV6_EVENT_ROUTER_ADD] = "router-add",
	[NDPV6_EVENT_ROUTER_DEL] = "router-del",
	[NDPV6_EVENT_PREFIX_ADD] = "prefix-add",
	[NDPV6_EVENT_PREFIX_DEL] = "prefix-del",
	[NDPV6_EVENT_NEIGH_UNREACHABLE] = "neigh-unreachable",
	[NDPV6_EVENT_LOST] = "lost",
	[NDPV6_EVENT_IP_DISABLED] = "ip-disabled",
	[NDPV6_EVENT_ADDR_REFUSED] = "addr-refused",
	[NDPV6_EVENT_KERNEL_REFUSED] = "kernel-refused",
	[NDPV6_EVENT_DNS] = "dns",
};

const char *const verb_names[VERB_NR] = {
	[VERB_SHOW] = "show",
	[VERB_ADD] = "add",
	[VERB_DEL] = "del",
	[VERB_SET] = "set",
};

/* What DEV's text lines name it by (as given). */
static const char *cur_dev;

/*
 * JSON only: the device an entry belongs to.  Its name is looked up once
 * per command, not per entry: if_indextoname() is a socket and an ioctl,
 * and a dump of 10,000 neighbours made 10,000 of each (40 s under QEMU's
 * emulation, e2e 52); a command names one device.
 */
static void print_dev(const struct tb *tb)
{
	static char name[IF_NAMESIZE];
	static uint64_t named;		/* the index @name is of, 0: none */
	uint64_t idx;

	if (!json || !tb_has(tb, NDPV6_A_IFINDEX, 4))
		return;
	idx = tb_uint(tb, NDPV6_A_IFINDEX, 0);
	print_u64(PRINT_JSON, "ifindex", NULL, idx);
	if (idx != named) {
		named = if_indextoname((unsigned int)idx, name) ? idx : 0;
		if (!named)
			return;
	}
	print_str(PRINT_JSON, "ifname", NULL, name);
}

/* ------------------------------------------------------------- entries */

static int router_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, r;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&r, tb.a[NDPV6_A_ROUTER], NDPV6_ROUTER_A_MAX);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "address", "default via %s",
		  tb_ip(&r, NDPV6_ROUTER_A_ADDRESS, a));
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	print_str(PRINT_ANY, "origin", " proto %s",
		  NAME(origin_names, tb_uint(&r, NDPV6_ROUTER_A_ORIGIN, 99)));
	print_lft("lifetime", tb_uint(&r, NDPV6_ROUTER_A_LIFETIME, 0));
	print_upper("nud",
		    NAME(nud_names, tb_uint(&r, NDPV6_ROUTER_A_NUD, 99)));
	/* as `ip -6 route`: last */
	print_str(PRINT_ANY, "pref", " pref %s",
		  NAME(pref_names, tb_uint(&r, NDPV6_ROUTER_A_PREF, 99)));
	close_object();
	print_nl();
	return 0;
}

/* An RFC 4191 route: "PREFIX/LEN via ROUTER dev DEV pref P lifetime L". */
static int route_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, r;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&r, tb.a[NDPV6_A_ROUTE], NDPV6_ROUTE_A_MAX);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "prefix", "%s",
		  tb_ip(&r, NDPV6_ROUTE_A_PREFIX, a));
	print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
		  tb_uint(&r, NDPV6_ROUTE_A_PREFIX_LEN, 0));
	print_str(PRINT_ANY, "router", " via %s",
		  tb_ip(&r, NDPV6_ROUTE_A_ROUTER, a));
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	print_str(PRINT_ANY, "pref", " pref %s",
		  NAME(pref_names, tb_uint(&r, NDPV6_ROUTE_A_PREF, 99)));
	print_lft("lifetime", tb_uint(&r, NDPV6_ROUTE_A_LIFETIME, 0));
	close_object();
	print_nl();
	return 0;
}

/*
 * One DNS entry: "server ADDR", "domain NAME", "captive-portal URI" or
 * "pref64 PREFIX/LEN", its router and lifetime.
 */
static int dns_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, d;
	uint64_t kind;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&d, tb.a[NDPV6_A_DNS], NDPV6_DNS_A_MAX);
	kind = tb_uint(&d, NDPV6_DNS_A_KIND, 99);
	open_object(NULL, NULL);
	print_dev(&tb);
	switch (kind) {
	case NDPV6_DNS_SERVER:
		print_str(PRINT_ANY, "kind", "%s", "server");
		print_str(PRINT_ANY, "server", " %s",
			  tb_ip(&d, NDPV6_DNS_A_SERVER, a));
		break;
	case NDPV6_DNS_DOMAIN:
		print_str(PRINT_ANY, "kind", "%s", "domain");
		print_str(PRINT_ANY, "domain", " %s",
			  tb_str(&d, NDPV6_DNS_A_DOMAIN) ?: "?");
		break;
	case NDPV6_DNS_CAPTIVE_PORTAL:
		print_str(PRINT_ANY, "kind", "%s", "captive-portal");
		print_str(PRINT_ANY, "uri", " %s",
			  tb_str(&d, NDPV6_DNS_A_URI) ?: "?");
		break;
	default:
		print_str(PRINT_ANY, "kind", "%s", "pref64");
		print_str(PRINT_ANY, "prefix", " %s",
			  tb_ip(&d, NDPV6_DNS_A_PREFIX, a));
		print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
			  tb_uint(&d, NDPV6_DNS_A_PREFIX_LEN, 0));
		break;
	}
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	print_str(PRINT_ANY, "router", " router %s",
		  tb_ip(&d, NDPV6_DNS_A_ROUTER, a));
	print_lft("lifetime", tb_uint(&d, NDPV6_DNS_A_LIFETIME, 0));
	close_object();
	print_nl();
	return 0;
}

/* One redirected destination: "DEST via NEXT-HOP", its router, lifetime. */
static int redirect_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, r;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&r, tb.a[NDPV6_A_REDIRECT], NDPV6_REDIRECT_A_MAX);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "destination", "%s",
		  tb_ip(&r, NDPV6_REDIRECT_A_DESTINATION, a));
	print_str(PRINT_ANY, "next_hop", " via %s",
		  tb_ip(&r, NDPV6_REDIRECT_A_NEXT_HOP, a));
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	print_str(PRINT_ANY, "router", " redirected-by %s",
		  tb_ip(&r, NDPV6_REDIRECT_A_ROUTER, a));
	print_lft("lifetime", tb_uint(&r, NDPV6_REDIRECT_A_LIFETIME, 0));
	close_object();
	print_nl();
	return 0;
}

static int prefix_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, p;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&p, tb.a[NDPV6_A_PREFIX], NDPV6_PREFIX_A_MAX);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "prefix", "%s",
		  tb_ip(&p, NDPV6_PREFIX_A_ADDRESS, a));
	print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
		  tb_uint(&p, NDPV6_PREFIX_A_LEN, 0));
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	print_str(PRINT_ANY, "origin", " proto %s",
		  NAME(origin_names, tb_uint(&p, NDPV6_PREFIX_A_ORIGIN, 99)));
	print_bool("onlink", " onlink", NULL, p.a[NDPV6_PREFIX_A_ONLINK]);
	print_bool("autonomous", " autonomous", NULL,
		   p.a[NDPV6_PREFIX_A_AUTONOMOUS]);
	print_lft("valid_lft", tb_uint(&p, NDPV6_PREFIX_A_VALID_LFT, 0));
	print_lft("preferred_lft",
		  tb_uint(&p, NDPV6_PREFIX_A_PREFERRED_LFT, 0));
	close_object();
	print_nl();
	return 0;
}

static int addr_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct tb tb, ad;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&ad, tb.a[NDPV6_A_ADDR], NDPV6_ADDR_A_MAX);
	tb_ip(&ad, NDPV6_ADDR_A_ADDRESS, a);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "address", "inet6 %s", a);
	print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
		  tb_uint(&ad, NDPV6_ADDR_A_PREFIX_LEN, 0));
	/* fe80::/10 */
	print_str(PRINT_TEXT, NULL, " scope %s",
		  !strncmp(a, "fe8", 3) || !strncmp(a, "fe9", 3) ||
		  !strncmp(a, "fea", 3) || !strncmp(a, "feb", 3) ?
		  "link" : "global");
	print_str(PRINT_ANY, "origin", " proto %s",
		  NAME(origin_names, tb_uint(&ad, NDPV6_ADDR_A_ORIGIN, 99)));
	print_str(PRINT_ANY, "state", " %s",
		  NAME(state_names, tb_uint(&ad, NDPV6_ADDR_A_STATE, 99)));
	print_lft("valid_lft", tb_uint(&ad, NDPV6_ADDR_A_VALID_LFT, 0));
	print_lft("preferred_lft",
		  tb_uint(&ad, NDPV6_ADDR_A_PREFERRED_LFT, 0));
	close_object();
	print_nl();
	return 0;
}

static int neigh_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN], macb[18];
	const char *mac;
	struct tb tb, n;
	uint64_t queued;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&n, tb.a[NDPV6_A_NEIGH], NDPV6_NEIGH_A_MAX);
	mac = tb_mac(&n, NDPV6_NEIGH_A_LLADDR, macb);
	queued = tb_uint(&n, NDPV6_NEIGH_A_QUEUED, 0);
	open_object(NULL, NULL);
	print_dev(&tb);
	print_str(PRINT_ANY, "dst", "%s",
		  tb_ip(&n, NDPV6_NEIGH_A_ADDRESS, a));
	print_str(PRINT_TEXT, NULL, " dev %s", cur_dev);
	if (mac)
		print_str(PRINT_ANY, "lladdr", " lladdr %s", mac);
	print_bool("router", " router", NULL, n.a[NDPV6_NEIGH_A_ROUTER]);
	/* JSON always has the count; text only when there is one */
	print_u64(queued ? PRINT_ANY : PRINT_JSON, "queued",
		  " queued %" PRIu64, queued);
	print_upper("state", NAME(nud_names,
				  tb_uint(&n, NDPV6_NEIGH_A_STATE, 99)));
	close_object();
	print_nl();
	return 0;
}

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *st;
	const char *name;
	struct tb tb, one;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	open_object(NULL, NULL);
	print_dev(&tb);
	open_object("stats", NULL);
	if (tb.a[NDPV6_A_STATS]) {
		mnl_attr_for_each_nested(st, tb.a[NDPV6_A_STATS]) {
			if (mnl_attr_get_type(st) != NDPV6_STATS_A_STAT)
				continue;
			tb_nested(&one, st, NDPV6_STAT_A_MAX);
			name = tb_str(&one, NDPV6_STAT_A_NAME);
			if (name)
				print_row_u64(name,
					      tb_uint(&one, NDPV6_STAT_A_VALUE,
						      0));
		}
	}
	close_object();
	close_object();
	return 0;
}

/* The GET_PARAMS numbers, by their names in the output. */
static const struct {
	int type;
	const char *name;
} pkeys[] = {
	{ NDPV6_PARAMS_A_HOP_LIMIT, "hop_limit" },
	{ NDPV6_PARAMS_A_MTU, "mtu" },
	{ NDPV6_PARAMS_A_BASE_REACHABLE_TIME, "base_reachable_time_ms" },
	{ NDPV6_PARAMS_A_REACHABLE_TIME, "reachable_time_ms" },
	{ NDPV6_PARAMS_A_RETRANS_TIME, "retrans_time_ms" },
	{ NDPV6_PARAMS_A_DAD_TRANSMITS, "dad_transmits" },
	{ NDPV6_PARAMS_A_ACCEPT_RA, "accept_ra" },
	{ NDPV6_PARAMS_A_REPLY_ECHO, "reply_echo" },
	{ NDPV6_PARAMS_A_OPTIMISTIC_DAD, "optimistic_dad" },
	{ NDPV6_PARAMS_A_MAX_ADDRS, "max_addrs" },
	{ NDPV6_PARAMS_A_MAX_NBRS, "max_nbrs" },
	{ NDPV6_PARAMS_A_MAX_ROUTERS, "max_routers" },
	{ NDPV6_PARAMS_A_MAX_PREFIXES, "max_prefixes" },
	{ NDPV6_PARAMS_A_MAX_ROUTES, "max_routes" },
	{ NDPV6_PARAMS_A_MAX_GROUPS, "max_groups" },
	{ NDPV6_PARAMS_A_MAX_QUEUED, "max_queued" },
	{ NDPV6_PARAMS_A_NUM_ADDRS, "addrs" },
	{ NDPV6_PARAMS_A_NUM_NBRS, "nbrs" },
	{ NDPV6_PARAMS_A_NUM_ROUTERS, "routers" },
	{ NDPV6_PARAMS_A_NUM_PREFIXES, "prefixes" },
	{ NDPV6_PARAMS_A_NUM_ROUTES, "routes" },
	{ NDPV6_PARAMS_A_NUM_GROUPS, "groups" },
	{ NDPV6_PARAMS_A_NUM_QUEUED, "queued" },
	{ NDPV6_PARAMS_A_NUM_INCOMPLETE, "incomplete" },
};

/* The core's state: flags present while it runs (yes/no, JSON bool). */
static const struct {
	int type;
	const char *name;
} pflags[] = {
	{ NDPV6_PARAMS_A_LINK_UP, "link_up" },
	{ NDPV6_PARAMS_A_MLD_V1, "mld_v1" },
	{ NDPV6_PARAMS_A_IP_DISABLED, "ip_disabled" },
};

/* NDPV6_PARAMS_A_ADDR_GEN_MODE's values, as `params set` takes them. */
static const char *const addr_gen_names[] = {
	[NDPV6_ADDR_GEN_EUI64] = "eui64",
	[NDPV6_ADDR_GEN_STABLE_PRIVACY] = "stable-privacy",
	NULL
};

static void params_numbers(const struct tb *p)
{
	uint64_t mode;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pkeys); i++)
		if (p->a[pkeys[i].type])
			print_row_u64(pkeys[i].name,
				      tb_uint(p, pkeys[i].type, 0));
	if (p->a[NDPV6_PARAMS_A_ADDR_GEN_MODE]) {
		mode = tb_uint(p, NDPV6_PARAMS_A_ADDR_GEN_MODE, 0);
		print_row_str("addr_gen_mode", mode <= NDPV6_ADDR_GEN_MAX ?
			      addr_gen_names[mode] : "unknown");
	}
}

static int params_cb(const struct nlmsghdr *nlh, void *data)
{
	struct tb tb, p, pend;
	const char *name;
	unsigned int i;

	(void)data;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&p, tb.a[NDPV6_A_PARAMS], NDPV6_PARAMS_A_MAX);
	tb_nested(&pend, p.a[NDPV6_PARAMS_A_PENDING], NDPV6_PARAMS_A_MAX);
	name = tb_str(&tb, NDPV6_A_IFNAME) ?: cur_dev;
	open_object(NULL, NULL);
	print_str(PRINT_ANY, "ifname", "%s:", name);
	print_u64(PRINT_ANY, "ifindex", " ifindex %" PRIu64,
		  tb_uint(&tb, NDPV6_A_IFINDEX, 0));
	print_bool("running", " running\n", " down\n",
		   p.a[NDPV6_PARAMS_A_RUNNING]);
	params_numbers(&p);
	if (p.a[NDPV6_PARAMS_A_RUNNING])
		for (i = 0; i < ARRAY_SIZE(pflags); i++)
			print_row_bool(pflags[i].name, p.a[pflags[i].type]);
	if (p.a[NDPV6_PARAMS_A_PENDING]) {
		open_object("pending", "  pending (at the next down/up):\n");
		params_numbers(&pend);
		close_object();
	}
	close_object();
	return 0;
}

/* The ifindex a GET_PARAMS reply names (monitor DEV). */
static int ifindex_cb(const struct nlmsghdr *nlh, void *data)
{
	struct tb tb;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	*(uint32_t *)data = (uint32_t)tb_uint(&tb, NDPV6_A_IFINDEX, 0);
	return 0;
}

/* ------------------------------------------------------------- objects */

/* An option of `add`: WORD VALUE into attribute TYPE of the nest. */
struct opt {
	const char *word;
	int type;
};

/*
 * A key of `params set`: WORD VALUE, VALUE 0..MAX (1: on|off), or one of
 * @names, or with @secret the stable secret (an IPv6 address's notation,
 * as Linux's stable_secret sysctl, or 32 hex digits).
 */
struct pset {
	const char *word;
	int type;
	uint32_t max;
	const char *const *names;
	bool secret;
};

struct object {
	const char *name;
	/* the commands, 0 where the object has none */
	uint8_t cmd[VERB_NR];
	/* what one line of text or one JSON object of `show` is */
	msg_fn show_cb;
	/* whether show lists a table (a dump) or one object */
	bool table;
	/* a table shown whole only: no KEY after DEV */
	bool no_key;
	/* the nest of an entry, its key address and length (or -1) */
	int nest, key, key_len;
	/* the key's form: default length, -1 if /LEN is required */
	int def_len;
	const char *key_arg;
	const struct opt *opts;
	/* the synopsis of each verb after "OBJECT VERB" */
	const char *synopsis[VERB_NR];
};

static const struct opt router_opts[] = {
	{ "lifetime", NDPV6_ROUTER_A_LIFETIME }, { }
};

static const struct opt prefix_opts[] = {
	{ "valid", NDPV6_PREFIX_A_VALID_LFT }, { }
};

static const struct opt addr_opts[] = {
	{ "valid", NDPV6_ADDR_A_VALID_LFT },
	{ "preferred", NDPV6_ADDR_A_PREFERRED_LFT }, { }
};

static const struct pset psets[] = {
#define PSET(w, t, m)	{ .word = (w), .type = (t), .max = (m) }
	PSET("dad-transmits", NDPV6_PARAMS_A_DAD_TRANSMITS,
	     NDPV6_MAX_DAD_TRANSMITS),
	PSET("accept-ra", NDPV6_PARAMS_A_ACCEPT_RA, 1),
	PSET("reply-echo", NDPV6_PARAMS_A_REPLY_ECHO, 1),
	PSET("optimistic-dad", NDPV6_PARAMS_A_OPTIMISTIC_DAD, 1),
	PSET("max-addrs", NDPV6_PARAMS_A_MAX_ADDRS, UINT32_MAX),
	PSET("max-nbrs", NDPV6_PARAMS_A_MAX_NBRS, UINT32_MAX),
	PSET("max-routers", NDPV6_PARAMS_A_MAX_ROUTERS, UINT32_MAX),
	PSET("max-prefixes", NDPV6_PARAMS_A_MAX_PREFIXES, UINT32_MAX),
	PSET("max-routes", NDPV6_PARAMS_A_MAX_ROUTES, UINT32_MAX),
	{ .word = "addr-gen-mode", .type = NDPV6_PARAMS_A_ADDR_GEN_MODE,
	  .max = NDPV6_ADDR_GEN_MAX, .names = addr_gen_names },
	{ .word = "stable-secret", .type = NDPV6_PARAMS_A_STABLE_SECRET,
	  .secret = true },
#undef PSET
};

/* The stable secret: ADDR notation or 32 hex digits; false if neither. */
static bool parse_secret(const char *s, uint8_t secret[NDPV6_STABLE_SECRET_LEN])
{
	unsigned int i, x;

	if (inet_pton(AF_INET6, s, secret) == 1)
		return true;
	if (strlen(s) != 2 * NDPV6_STABLE_SECRET_LEN)
		return false;
	for (i = 0; i < NDPV6_STABLE_SECRET_LEN; i++) {
		if (sscanf(s + 2 * i, "%2x", &x) != 1 ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i]) ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i + 1]))
			return false;
		secret[i] = (uint8_t)x;
	}
	return true;
}

static const struct object router_obj = {
	.name = "router",
	.cmd = { NDPV6_CMD_GET_ROUTER, NDPV6_CMD_NEW_ROUTER,
		 NDPV6_CMD_DEL_ROUTER },
	.show_cb = router_cb, .table = true,
	.nest = NDPV6_A_ROUTER, .key = NDPV6_ROUTER_A_ADDRESS, .key_len = -1,
	.key_arg = "ADDR", .opts = router_opts,
	.synopsis = {
		"DEV [ADDR]",
		"DEV ADDR [lifetime SECS|forever]",
		"DEV ADDR",
	},
};

static const struct object prefix_obj = {
	.name = "prefix",
	.cmd = { NDPV6_CMD_GET_PREFIX, NDPV6_CMD_NEW_PREFIX,
		 NDPV6_CMD_DEL_PREFIX },
	.show_cb = prefix_cb, .table = true,
	.nest = NDPV6_A_PREFIX, .key = NDPV6_PREFIX_A_ADDRESS,
	.key_len = NDPV6_PREFIX_A_LEN, .def_len = -1,
	.key_arg = "PREFIX/LEN", .opts = prefix_opts,
	.synopsis = {
		"DEV [PREFIX/LEN]",
		"DEV PREFIX/LEN [valid SECS|forever]",
		"DEV PREFIX/LEN",
	},
};

static const struct object addr_obj = {
	.name = "addr",
	.cmd = { NDPV6_CMD_GET_ADDR, NDPV6_CMD_NEW_ADDR, NDPV6_CMD_DEL_ADDR },
	.show_cb = addr_cb, .table = true,
	.nest = NDPV6_A_ADDR, .key = NDPV6_ADDR_A_ADDRESS,
	.key_len = NDPV6_ADDR_A_PREFIX_LEN, .def_len = 128,
	.key_arg = "ADDR[/LEN]", .opts = addr_opts,
	.synopsis = {
		"DEV [ADDR]",
		"DEV ADDR[/LEN] [valid SECS|forever] [preferred SECS|forever]",
		"DEV ADDR",
	},
};

static const struct object neigh_obj = {
	.name = "neigh",
	.cmd = { NDPV6_CMD_GET_NEIGH },
	.show_cb = neigh_cb, .table = true,
	.nest = NDPV6_A_NEIGH, .key = NDPV6_NEIGH_A_ADDRESS, .key_len = -1,
	.key_arg = "ADDR",
	.synopsis = { "DEV [ADDR]" },
};

static const struct object params_obj = {
	.name = "params",
	.cmd = { [VERB_SHOW] = NDPV6_CMD_GET_PARAMS,
		 [VERB_SET] = NDPV6_CMD_SET_PARAMS },
	.show_cb = params_cb,
	.synopsis = {
		[VERB_SHOW] = "DEV",
		[VERB_SET] = "DEV KEY VALUE [KEY VALUE]...",
	},
};

static const struct object dns_obj = {
	.name = "dns",
	.cmd = { NDPV6_CMD_GET_DNS },
	.show_cb = dns_cb, .table = true, .no_key = true,
	.synopsis = { "DEV" },
};

static const struct object redirect_obj = {
	.name = "redirect",
	.cmd = { NDPV6_CMD_GET_REDIRECT },
	.show_cb = redirect_cb, .table = true, .no_key = true,
	.synopsis = { "DEV" },
};

static const struct object route_obj = {
	.name = "route",
	.cmd = { NDPV6_CMD_GET_ROUTE },
	.show_cb = route_cb, .table = true, .no_key = true,
	.synopsis = { "DEV" },
};

static const struct object stats_obj = {
	.name = "stats",
	.cmd = { NDPV6_CMD_GET_STATS },
	.show_cb = stats_cb,
	.synopsis = { "DEV" },
};

const struct object *const objects[] = {
	&router_obj, &prefix_obj, &addr_obj, &neigh_obj, &params_obj,
	&dns_obj, &route_obj, &redirect_obj, &stats_obj, NULL
};

const char *object_name(const struct object *o)
{
	return o->name;
}

/* "DEV ..." after "OBJECT VERB", or NULL when O has no such verb. */
const char *object_synopsis(const struct object *o, enum verb v)
{
	return o->cmd[v] ? o->synopsis[v] : NULL;
}

static __noreturn __printf(3, 4) void
obj_usage(const struct object *o, enum verb v, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	usage_error("%s %s: %s (usage: %s %s %s %s)", o->name, verb_names[v],
		    msg, prog, o->name, verb_names[v], o->synopsis[v]);
}

/* An entry's key (ARG) into the nest of request NLH. */
static void put_key(const struct object *o, enum verb v,
		    struct nlmsghdr *nlh, const uint8_t ip[16], int plen)
{
	mnl_attr_put(nlh, (uint16_t)o->key, 16, ip);
	/* an address's length is for add only; a prefix's is its key */
	if (o->key_len >= 0 && (o->def_len < 0 || v == VERB_ADD))
		mnl_attr_put_u8(nlh, (uint16_t)o->key_len, (uint8_t)plen);
}

static void parse_key(const struct object *o, enum verb v, const char *arg,
		      uint8_t ip[16], int *plen)
{
	if (o->key_len < 0 && strchr(arg, '/'))
		obj_usage(o, v, "'%s': no /LEN here", arg);
	parse_ip(arg, ip, o->key_len >= 0 ? plen : NULL, o->def_len);
}

/* OBJECT show DEV [KEY]: a table (a dump), one entry, or one object. */
static int cmd_show(const struct object *o, int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], *mem = NULL;
	bool dump = o->table && argc == 1;
	int ret = 0, tries, plen = 0;
	struct nlmsghdr *nlh;
	size_t memlen = 0;
	uint8_t ip[16];

	if (argc > (o->table && !o->no_key ? 2 : 1))
		obj_usage(o, VERB_SHOW, "unexpected '%s'", argv[argc - 1]);
	if (argc == 2)
		parse_key(o, VERB_SHOW, argv[1], ip, &plen);
	nl_open();
	nlh = msg_start(buf, family_id, o->cmd[VERB_SHOW],
			dump ? NLM_F_DUMP : NLM_F_ACK);
	put_dev(nlh, argv[0]);
	if (argc == 2) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, (uint16_t)o->nest);

		put_key(o, VERB_SHOW, nlh, ip, plen);
		mnl_attr_nest_end(nlh, nest);
	}

	/* A dump that the kernel flags inconsistent is taken again. */
	for (tries = 0; tries < DUMP_TRIES; tries++) {
		free(mem);
		mem = NULL;
		out = open_memstream(&mem, &memlen);
		if (!out) {
			err("out of memory");
			return EXIT_FAILED;
		}
		print_start();
		if (dump)
			open_array(NULL);
		ret = transact(nlh, family_id, o->show_cb, NULL);
		if (dump)
			close_array();
		print_end();
		fclose(out);
		out = stdout;
		if (ret || !dump_intr)
			break;
	}
	if (ret) {
		char what[32];

		free(mem);
		snprintf(what, sizeof(what), "%s show", o->name);
		return refused(what, argv[0], ret);
	}
	fwrite(mem, 1, memlen, stdout);
	free(mem);
	if (dump_intr) {
		err("%s show %s: the tables kept changing during %d dumps: %s",
		    o->name, argv[0], DUMP_TRIES,
		    "the listing above is not consistent");
		return EXIT_FAILED;
	}
	return 0;
}

/* OBJECT {add|del} DEV KEY [OPTION VALUE]... */
static int cmd_write(const struct object *o, enum verb v, int argc,
		     char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], what[32];
	uint32_t opt_val[MAX_OPTS];
	uint16_t opt_type[MAX_OPTS];
	int plen = 0, ret, i, j, nopt = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint8_t ip[16];

	if (argc < 2)
		obj_usage(o, v, "%s is needed", o->key_arg);
	parse_key(o, v, argv[1], ip, &plen);
	for (i = 2; i < argc; i += 2) {
		for (j = 0; v == VERB_ADD && o->opts[j].word; j++)
			if (!strcmp(argv[i], o->opts[j].word))
				break;
		if (v != VERB_ADD || !o->opts[j].word || nopt == MAX_OPTS)
			obj_usage(o, v, "unknown option '%s'", argv[i]);
		if (i + 1 >= argc)
			obj_usage(o, v, "'%s' needs a value", argv[i]);
		opt_type[nopt] = (uint16_t)o->opts[j].type;
		opt_val[nopt++] = parse_lft(argv[i], argv[i + 1]);
	}

	nl_open();
	nlh = msg_start(buf, family_id, o->cmd[v], NLM_F_ACK);
	put_dev(nlh, argv[0]);
	nest = mnl_attr_nest_start(nlh, (uint16_t)o->nest);
	put_key(o, v, nlh, ip, plen);
	for (i = 0; i < nopt; i++)
		mnl_attr_put_u32(nlh, opt_type[i], opt_val[i]);
	mnl_attr_nest_end(nlh, nest);

	ret = transact(nlh, family_id, NULL, NULL);
	snprintf(what, sizeof(what), "%s %s", o->name, verb_names[v]);
	if (ret)
		return refused(what, argv[0], ret);
	warned();
	return 0;
}

/* VALUE of @p: its index in p->names, or a usage error. */
static uint32_t parse_name(const struct object *o, const struct pset *p,
			   const char *s)
{
	uint32_t i;

	for (i = 0; p->names[i]; i++)
		if (!strcmp(s, p->names[i]))
			return i;
	obj_usage(o, VERB_SET, "%s: %s or %s, not '%s'", p->word, p->names[0],
		  p->names[1], s);
	return 0;
}

/* params set DEV KEY VALUE [KEY VALUE]...: all in one request. */
static int cmd_set(const struct object *o, int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	uint32_t val[ARRAY_SIZE(psets)];
	bool given[ARRAY_SIZE(psets)] = { };
	uint8_t secret[NDPV6_STABLE_SECRET_LEN];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	unsigned int k;
	int i, ret;

	if (argc < 3)
		obj_usage(o, VERB_SET, "a KEY and its VALUE are needed");
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *s = argv[i + 1];

		for (k = 0; k < ARRAY_SIZE(psets); k++)
			if (!strcmp(key, psets[k].word))
				break;
		if (k == ARRAY_SIZE(psets))
			obj_usage(o, VERB_SET, "unknown key '%s'", key);
		if (i + 1 >= argc)
			obj_usage(o, VERB_SET, "'%s' needs a value", key);
		if (given[k])
			obj_usage(o, VERB_SET, "'%s' given twice", key);
		given[k] = true;
		if (psets[k].names)
			val[k] = parse_name(o, &psets[k], s);
		else if (psets[k].secret && !parse_secret(s, secret))
			obj_usage(o, VERB_SET,
				  "%s: an IPv6 address or 32 hex digits, not '%s'",
				  key, s);
		else if (psets[k].secret)
			val[k] = 0;
		else if (psets[k].max != 1)
			val[k] = parse_u32(key, s, 0, psets[k].max);
		else if (!strcmp(s, "on"))
			val[k] = 1;
		else if (!strcmp(s, "off"))
			val[k] = 0;
		else
			obj_usage(o, VERB_SET, "%s: 'on' or 'off', not '%s'",
				  key, s);
	}

	nl_open();
	nlh = msg_start(buf, family_id, NDPV6_CMD_SET_PARAMS, NLM_F_ACK);
	put_dev(nlh, argv[0]);
	nest = mnl_attr_nest_start(nlh, NDPV6_A_PARAMS);
	for (k = 0; k < ARRAY_SIZE(psets); k++) {
		if (!given[k])
			continue;
		if (psets[k].secret)
			mnl_attr_put(nlh, (uint16_t)psets[k].type,
				     sizeof(secret), secret);
		else if (psets[k].max <= 255)
			mnl_attr_put_u8(nlh, (uint16_t)psets[k].type,
					(uint8_t)val[k]);
		else
			mnl_attr_put_u32(nlh, (uint16_t)psets[k].type, val[k]);
	}
	mnl_attr_nest_end(nlh, nest);

	/* The reply is the parameters as they are now: shown with -j. */
	print_start();
	ret = transact(nlh, family_id, json ? params_cb : NULL, NULL);
	if (ret)
		return refused("params set", argv[0], ret);
	print_end();
	warned();
	return 0;
}

int object_run(const struct object *o, enum verb v, int argc, char **argv)
{
	if (argc < 1)
		obj_usage(o, v, "which device?");
	cur_dev = argv[0];
	switch (v) {
	case VERB_SHOW:
		return cmd_show(o, argc, argv);
	case VERB_SET:
		return cmd_set(o, argc, argv);
	default:
		return cmd_write(o, v, argc, argv);
	}
}

/* -------------------------------------------------------------- monitor */

static void event_entry(const struct tb *tb)
{
	char a[INET6_ADDRSTRLEN];
	struct tb o;

	if (tb->a[NDPV6_A_ADDR]) {
		tb_nested(&o, tb->a[NDPV6_A_ADDR], NDPV6_ADDR_A_MAX);
		print_str(PRINT_ANY, "address", " %s",
			  tb_ip(&o, NDPV6_ADDR_A_ADDRESS, a));
		if (o.a[NDPV6_ADDR_A_PREFIX_LEN])
			print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
				  tb_uint(&o, NDPV6_ADDR_A_PREFIX_LEN, 0));
		if (o.a[NDPV6_ADDR_A_VALID_LFT]) {
			print_lft("valid_lft",
				  tb_uint(&o, NDPV6_ADDR_A_VALID_LFT, 0));
			print_lft("preferred_lft",
				  tb_uint(&o, NDPV6_ADDR_A_PREFERRED_LFT, 0));
		}
		if (o.a[NDPV6_ADDR_A_ERROR])
			print_str(PRINT_ANY, "error", " error %s",
				  strerror((int)tb_uint(&o, NDPV6_ADDR_A_ERROR,
							0)));
	} else if (tb->a[NDPV6_A_ROUTER]) {
		tb_nested(&o, tb->a[NDPV6_A_ROUTER], NDPV6_ROUTER_A_MAX);
		print_str(PRINT_ANY, "address", " %s",
			  tb_ip(&o, NDPV6_ROUTER_A_ADDRESS, a));
		if (o.a[NDPV6_ROUTER_A_LIFETIME])
			print_lft("lifetime",
				  tb_uint(&o, NDPV6_ROUTER_A_LIFETIME, 0));
	} else if (tb->a[NDPV6_A_PREFIX]) {
		tb_nested(&o, tb->a[NDPV6_A_PREFIX], NDPV6_PREFIX_A_MAX);
		print_str(PRINT_ANY, "prefix", " %s",
			  tb_ip(&o, NDPV6_PREFIX_A_ADDRESS, a));
		print_u64(PRINT_ANY, "prefixlen", "/%" PRIu64,
			  tb_uint(&o, NDPV6_PREFIX_A_LEN, 0));
		if (o.a[NDPV6_PREFIX_A_VALID_LFT]) {
			print_lft("valid_lft",
				  tb_uint(&o, NDPV6_PREFIX_A_VALID_LFT, 0));
			print_lft("preferred_lft",
				  tb_uint(&o, NDPV6_PREFIX_A_PREFERRED_LFT,
					  0));
		}
	} else if (tb->a[NDPV6_A_NEIGH]) {
		tb_nested(&o, tb->a[NDPV6_A_NEIGH], NDPV6_NEIGH_A_MAX);
		print_str(PRINT_ANY, "dst", " %s",
			  tb_ip(&o, NDPV6_NEIGH_A_ADDRESS, a));
	}
	if (tb->a[NDPV6_A_ERROR])	/* kernel-refused */
		print_str(PRINT_ANY, "error", " error %s",
			  strerror((int)tb_uint(tb, NDPV6_A_ERROR, 0)));
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	uint32_t filter = *(uint32_t *)data;
	struct tb tb;
	uint64_t idx;

	if (g->cmd != NDPV6_CMD_EVENT)
		return 0;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	idx = tb_uint(&tb, NDPV6_A_IFINDEX, 0);
	if (filter && idx != filter)
		return 0;
	print_start();
	open_object(NULL, NULL);
	print_u64(PRINT_JSON, "ifindex", NULL, idx);
	print_str(PRINT_ANY, "ifname", "[%s]",
		  tb_str(&tb, NDPV6_A_IFNAME) ?: "?");
	print_str(PRINT_ANY, "event", " %s",
		  NAME(event_names, tb_uint(&tb, NDPV6_A_EVENT, 0)));
	event_entry(&tb);
	close_object();
	print_nl();
	print_end();
	fflush(out);
	return 0;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static bool stopped(void)
{
	return stop;
}

/* The socket overflowed: say so and go on. */
static void events_lost(void)
{
	print_start();
	open_object(NULL, NULL);
	print_str(PRINT_ANY, "event", "[*] %s", "lost");
	print_str(PRINT_TEXT, NULL, "%s", ": events were dropped");
	close_object();
	print_nl();
	print_end();
	fflush(out);
}

/* monitor [DEV]: the events, until a signal. */
int cmd_monitor(int argc, char **argv)
{
	uint32_t filter = 0;
	struct sigaction sa;
	int ret;

	if (argc > 1)
		usage_error("monitor: unexpected '%s' (usage: %s monitor [DEV])",
			    argv[1], prog);
	nl_open();
	if (!events_group) {
		err("the ndpv6 family has no '%s' group", NDPV6_MCGRP_EVENTS);
		return EXIT_FAILED;
	}
	if (argc == 1) {
		char rb[MNL_SOCKET_BUFFER_SIZE];
		struct nlmsghdr *nlh;

		/* Resolve DEV and check it is ours: ask its parameters. */
		nlh = msg_start(rb, family_id, NDPV6_CMD_GET_PARAMS,
				NLM_F_ACK);
		put_dev(nlh, argv[0]);
		ret = transact(nlh, family_id, ifindex_cb, &filter);
		if (ret)
			return refused("monitor", argv[0], ret);
	}
	if (nl_join_events())
		return EXIT_FAILED;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	return nl_read_events(event_cb, &filter, events_lost, stopped);
}
