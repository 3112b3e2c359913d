// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6ctl - inspect and configure ndpv6 devices over the "ndpv6" generic
 * netlink family (include/uapi/linux/ndpv6.h).  See ndpv6ctl.8.
 *
 * Exit status: 0 success; 1 the operation failed; 2 bad argument (ours or
 * refused by the kernel); 3 no such device; 4 not an ndpv6 device;
 * 5 permission denied; 6 the ndpv6 family is not there (module not loaded).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <net/if.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/compiler.h>	/* tools/lib/include: __printf ... */
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/ndpv6.h>

#define EXIT_FAILED	1
#define EXIT_USAGE	2
#define EXIT_NODEV	3
#define EXIT_NOTOURS	4
#define EXIT_PERM	5
#define EXIT_NOFAMILY	6

#define RECV_BUF	(64 * 1024)
#define DUMP_TRIES	4

static const char *prog = "ndpv6ctl";
static bool json;
static FILE *out;		/* stdout, or a buffer while a dump may retry */

static struct mnl_socket *nl;
static unsigned int portid;
static uint16_t family_id;
static uint32_t events_group;
static uint32_t seq;

/* The outcome of the last request. */
static char ext_msg[256];
static bool dump_intr;

/* ------------------------------------------------------------ messages */

static __printf(1, 2) void err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static __noreturn __printf(1, 2) void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help'.\n", prog);
	exit(EXIT_USAGE);
}

/* -n NETNS: work in the named network namespace (as `ip -n`). */
static void enter_netns(const char *name)
{
	char path[PATH_MAX];
	int fd;

	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err("network namespace %s: %s", name, strerror(errno));
		exit(EXIT_USAGE);
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		err("entering network namespace %s: %s", name, strerror(errno));
		exit(errno == EPERM ? EXIT_PERM : EXIT_FAILED);
	}
	close(fd);
}

static void help(void)
{
	printf("Usage: %s [-j] [-n NETNS] COMMAND\n"
"\n"
"Read (DEV: an ndpv6 device name, or an interface index):\n"
"  %s [-j] routers DEV            default router list\n"
"  %s [-j] prefixes DEV           prefix list\n"
"  %s [-j] addrs DEV              the device's addresses\n"
"  %s [-j] neigh DEV [ADDR]       neighbour cache (or one entry)\n"
"  %s [-j] stats DEV              the core's per-rule counters\n"
"  %s [-j] params DEV             ND parameters, capacities and fill\n"
"\n"
"Write (needs CAP_NET_ADMIN in the device's network namespace):\n"
"  %s router add DEV ADDR [lifetime SECS|forever]\n"
"  %s router del DEV ADDR\n"
"  %s prefix add DEV PREFIX/LEN [valid SECS|forever]\n"
"  %s prefix del DEV PREFIX/LEN\n"
"  %s addr add DEV ADDR[/LEN] [valid SECS|forever] [preferred SECS|forever]\n"
"  %s addr del DEV ADDR[/LEN]\n"
"  %s [-j] set DEV KEY VALUE\n"
"      KEY: dad-transmits N | accept-ra on|off | reply-echo on|off |\n"
"           max-addrs N | max-nbrs N | max-routers N | max-prefixes N\n"
"      (capacities take effect at the next down/up of DEV)\n"
"\n"
"Events:\n"
"  %s [-j] monitor [DEV]          print events until interrupted\n"
"\n"
"Options:\n"
"  -j, --json     JSON output (schema in ndpv6ctl(8))\n"
"  -n NETNS       in network namespace NETNS (/run/netns/NETNS, or a path)\n"
"  -h, --help     this text\n"
"\n"
"Exit status: 0 ok, 1 operation failed, 2 bad argument, 3 no such device,\n"
"4 not an ndpv6 device, 5 permission denied, 6 ndpv6 module not loaded.\n",
	       prog, prog, prog, prog, prog, prog, prog, prog, prog, prog,
	       prog, prog, prog, prog, prog);
}

/* ---------------------------------------------------------------- JSON */

static bool json_first;

static void json_sep(void)
{
	if (!json_first)
		fputc(',', out);
	json_first = false;
}

static void json_str(const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_open(char c)
{
	json_sep();
	fputc(c, out);
	json_first = true;
}

static void json_close(char c)
{
	fputc(c, out);
	json_first = false;
}

static void json_key(const char *k)
{
	json_sep();
	json_str(k);
	fputc(':', out);
	json_first = true;
}

static void json_kstr(const char *k, const char *v)
{
	json_key(k);
	json_str(v);
	json_first = false;
}

static void json_ku64(const char *k, uint64_t v)
{
	json_key(k);
	fprintf(out, "%" PRIu64, v);
	json_first = false;
}

static void json_kbool(const char *k, bool v)
{
	json_key(k);
	fputs(v ? "true" : "false", out);
	json_first = false;
}

/* ----------------------------------------------------------- attributes */

struct tb {
	const struct nlattr *a[32];
	int max;
};

static int tb_cb(const struct nlattr *attr, void *data)
{
	struct tb *tb = data;
	int type = mnl_attr_get_type(attr);

	if (type <= tb->max && type < 32)
		tb->a[type] = attr;
	return MNL_CB_OK;
}

static void tb_nested(struct tb *tb, const struct nlattr *nest, int max)
{
	memset(tb, 0, sizeof(*tb));
	tb->max = max;
	if (nest)
		mnl_attr_parse_nested(nest, tb_cb, tb);
}

static void tb_msg(struct tb *tb, const struct nlmsghdr *nlh, int max)
{
	memset(tb, 0, sizeof(*tb));
	tb->max = max;
	mnl_attr_parse(nlh, GENL_HDRLEN, tb_cb, tb);
}

static bool has(const struct tb *tb, int t, size_t len)
{
	return tb->a[t] && mnl_attr_get_payload_len(tb->a[t]) >= len;
}

static uint64_t get_uint(const struct tb *tb, int t, uint64_t def)
{
	const struct nlattr *a = tb->a[t];

	if (!a)
		return def;
	switch (mnl_attr_get_payload_len(a)) {
	case 1:
		return mnl_attr_get_u8(a);
	case 2:
		return mnl_attr_get_u16(a);
	case 4:
		return mnl_attr_get_u32(a);
	case 8:
		return mnl_attr_get_u64(a);
	}
	return def;
}

static const char *get_addr(const struct tb *tb, int t, char *buf)
{
	if (!has(tb, t, 16))
		return "?";
	return inet_ntop(AF_INET6, mnl_attr_get_payload(tb->a[t]), buf,
			 INET6_ADDRSTRLEN);
}

static const char *name_of(const char *const *names, unsigned int n,
			   uint64_t v)
{
	return v < n && names[v] ? names[v] : "unknown";
}

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
};

static const char *const nud_names[] = {
	[NDPV6_NUD_NONE] = "none",
	[NDPV6_NUD_INCOMPLETE] = "incomplete",
	[NDPV6_NUD_REACHABLE] = "reachable",
	[NDPV6_NUD_STALE] = "stale",
	[NDPV6_NUD_DELAY] = "delay",
	[NDPV6_NUD_PROBE] = "probe",
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
};

#define NAME(tbl, v) name_of(tbl, ARRAY_SIZE(tbl), v)

static void print_lft(const char *key, uint64_t v)
{
	if (v == NDPV6_INFINITE)
		fprintf(out, " %s forever", key);
	else
		fprintf(out, " %s %" PRIu64 "sec", key, v);
}

static void nud_upper(const char *s, char *buf, size_t len)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < len; i++)
		buf[i] = (char)toupper((unsigned char)s[i]);
	buf[i] = 0;
}

/* ----------------------------------------------------------- transport */

static void set_ext_msg(const void *tlvs, size_t len)
{
	const struct nlattr *attr;

	mnl_attr_for_each_payload(tlvs, len) {
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) >= 0)
			snprintf(ext_msg, sizeof(ext_msg), "%s",
				 mnl_attr_get_str(attr));
	}
}

static int handle_error(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t hl = sizeof(*e);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return -EBADMSG;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		hl += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    nlh->nlmsg_len > mnl_nlmsg_size(hl))
		set_ext_msg((const void *)((const char *)e + hl),
			    nlh->nlmsg_len - mnl_nlmsg_size(hl));
	return e->error;
}

static int handle_done(const struct nlmsghdr *nlh)
{
	const int *e = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		dump_intr = true;
	if (len < sizeof(int))
		return 0;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && len > sizeof(int))
		set_ext_msg((const void *)(e + 1), len - sizeof(int));
	return *e;
}

typedef int (*msg_fn)(const struct nlmsghdr *nlh, void *data);

/*
 * Send @nlh and read until the ACK (or NLMSG_DONE for a dump), giving each
 * message of @type to @fn.  Returns 0 or -errno; the kernel's message, if
 * any, is in ext_msg (also for a successful ACK: a warning).
 */
static int transact(struct nlmsghdr *nlh, uint16_t type, msg_fn fn,
		    void *data)
{
	static char buf[RECV_BUF];
	bool done = false;
	int ret = 0;

	nlh->nlmsg_seq = ++seq;
	ext_msg[0] = 0;
	dump_intr = false;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	while (!done) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		const struct nlmsghdr *m = (const void *)buf;
		int len = (int)n;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
			if (m->nlmsg_seq != seq || m->nlmsg_pid != portid)
				continue;
			if (m->nlmsg_flags & NLM_F_DUMP_INTR)
				dump_intr = true;
			if (m->nlmsg_type == NLMSG_ERROR) {
				ret = handle_error(m);
				done = true;
				break;
			}
			if (m->nlmsg_type == NLMSG_DONE) {
				ret = handle_done(m);
				done = true;
				break;
			}
			if (m->nlmsg_type == type && fn && !ret)
				ret = fn(m, data);
		}
	}
	return ret;
}

/* A request in @buf (MNL_SOCKET_BUFFER_SIZE bytes, zeroed: no stray pad). */
static struct nlmsghdr *msg_start(char *buf, uint16_t type, uint8_t cmd,
				  uint16_t flags)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	memset(buf, 0, MNL_SOCKET_BUFFER_SIZE);
	nlh = mnl_nlmsg_put_header(buf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = type == GENL_ID_CTRL ? 1 : NDPV6_GENL_VERSION;
	return nlh;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *grp, *a;
	struct tb tb, g;

	(void)data;
	tb_msg(&tb, nlh, CTRL_ATTR_MAX);
	if (has(&tb, CTRL_ATTR_FAMILY_ID, 2))
		family_id = mnl_attr_get_u16(tb.a[CTRL_ATTR_FAMILY_ID]);
	if (!tb.a[CTRL_ATTR_MCAST_GROUPS])
		return 0;
	mnl_attr_for_each_nested(grp, tb.a[CTRL_ATTR_MCAST_GROUPS]) {
		tb_nested(&g, grp, CTRL_ATTR_MCAST_GRP_MAX);
		a = g.a[CTRL_ATTR_MCAST_GRP_NAME];
		if (a && has(&g, CTRL_ATTR_MCAST_GRP_ID, 4) &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) >= 0 &&
		    !strcmp(mnl_attr_get_str(a), NDPV6_MCGRP_EVENTS))
			events_group =
				mnl_attr_get_u32(g.a[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

static void nl_open(void)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int one = 1, ret;

	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl) {
		err("netlink socket: %s", strerror(errno));
		exit(EXIT_FAILED);
	}
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		err("netlink bind: %s", strerror(errno));
		exit(EXIT_FAILED);
	}
	portid = mnl_socket_get_portid(nl);
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));

	nlh = msg_start(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, NDPV6_GENL_NAME);
	ret = transact(nlh, GENL_ID_CTRL, family_cb, NULL);
	if (ret == -ENOENT || (!ret && !family_id)) {
		err("the ndpv6 generic netlink family is not there (is the ndpv6 module loaded?)");
		exit(EXIT_NOFAMILY);
	}
	if (ret) {
		err("resolving the ndpv6 family: %s", strerror(-ret));
		exit(EXIT_FAILED);
	}
}

/* Report a failed request and return the exit status for it. */
static int fail(const char *what, const char *dev, int ret)
{
	const char *msg = ext_msg[0] ? ext_msg : strerror(-ret);

	switch (ret) {
	case -ENODEV:
		err("%s: no such device", dev);
		return EXIT_NODEV;
	case -EOPNOTSUPP:
		err("%s: not an ndpv6 device", dev);
		return EXIT_NOTOURS;
	case -EPERM:
	case -EACCES:
		err("%s %s: permission denied (%s)", what, dev, ext_msg[0] ?
		    ext_msg :
		    "CAP_NET_ADMIN is needed in the device's network namespace");
		return EXIT_PERM;
	case -EINVAL:
	case -ERANGE:
		err("%s %s: bad argument: %s", what, dev, msg);
		return EXIT_USAGE;
	default:
		err("%s %s: %s", what, dev, msg);
		return EXIT_FAILED;
	}
}

/* DEV: an interface index if all digits, otherwise a name. */
static void put_dev(struct nlmsghdr *nlh, const char *dev)
{
	char *end;
	unsigned long idx;

	if (!*dev || strlen(dev) >= IFNAMSIZ)
		usage_error("'%s' is not a device name", dev);
	idx = strtoul(dev, &end, 10);
	if (isdigit((unsigned char)dev[0]) && !*end && idx && idx <= INT_MAX)
		mnl_attr_put_u32(nlh, NDPV6_A_IFINDEX, (uint32_t)idx);
	else
		mnl_attr_put_strz(nlh, NDPV6_A_IFNAME, dev);
}

/* ------------------------------------------------------------- parsing */

static void parse_ip(const char *s, uint8_t ip[16], int *plen, int defplen)
{
	char tmp[INET6_ADDRSTRLEN + 8], *slash, *end;
	long v;

	if (strlen(s) >= sizeof(tmp))
		usage_error("'%s' is not an IPv6 address", s);
	strcpy(tmp, s);
	slash = strchr(tmp, '/');
	if (slash) {
		if (!plen)
			usage_error("'%s': no prefix length expected here", s);
		*slash++ = 0;
		errno = 0;
		v = strtol(slash, &end, 10);
		if (!*slash || *end || v < 0 || v > 128)
			usage_error("'%s': prefix length must be 0..128", s);
		*plen = (int)v;
	} else if (plen) {
		if (defplen < 0)
			usage_error("'%s': a prefix needs a length (/LEN)", s);
		*plen = defplen;
	}
	if (inet_pton(AF_INET6, tmp, ip) != 1)
		usage_error("'%s' is not an IPv6 address", s);
}

static uint32_t parse_u32(const char *what, const char *s, uint32_t min,
			  uint32_t max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *end || errno || s[0] == '-' || v < min || v > max)
		usage_error("%s: '%s' is not a number in %u..%u", what, s, min,
			    max);
	return (uint32_t)v;
}

static uint32_t parse_lft(const char *what, const char *s)
{
	if (!strcmp(s, "forever") || !strcmp(s, "infinite"))
		return NDPV6_INFINITE;
	return parse_u32(what, s, 0, NDPV6_INFINITE);
}

/* ------------------------------------------------------------- readers */

struct show {
	const char *dev;
	unsigned int count;
};

static void json_dev(const struct tb *tb)
{
	char name[IFNAMSIZ];

	if (has(tb, NDPV6_A_IFINDEX, 4)) {
		json_ku64("ifindex", get_uint(tb, NDPV6_A_IFINDEX, 0));
		if (if_indextoname(get_uint(tb, NDPV6_A_IFINDEX, 0), name))
			json_kstr("ifname", name);
	}
}

static int router_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN], nud[16];
	struct show *s = data;
	struct tb tb, r;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&r, tb.a[NDPV6_A_ROUTER], NDPV6_ROUTER_A_MAX);
	s->count++;
	if (json) {
		json_open('{');
		json_dev(&tb);
		json_kstr("address", get_addr(&r, NDPV6_ROUTER_A_ADDRESS, a));
		json_ku64("lifetime", get_uint(&r, NDPV6_ROUTER_A_LIFETIME, 0));
		json_kstr("origin",
			  NAME(origin_names,
			       get_uint(&r, NDPV6_ROUTER_A_ORIGIN, 99)));
		json_kstr("nud",
			  NAME(nud_names,
			       get_uint(&r, NDPV6_ROUTER_A_NUD, 99)));
		json_close('}');
		return 0;
	}
	nud_upper(NAME(nud_names, get_uint(&r, NDPV6_ROUTER_A_NUD, 99)), nud,
		  sizeof(nud));
	fprintf(out, "default via %s dev %s proto %s",
		get_addr(&r, NDPV6_ROUTER_A_ADDRESS, a), s->dev,
		NAME(origin_names, get_uint(&r, NDPV6_ROUTER_A_ORIGIN, 99)));
	print_lft("lifetime", get_uint(&r, NDPV6_ROUTER_A_LIFETIME, 0));
	fprintf(out, " %s\n", nud);
	return 0;
}

static int prefix_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct show *s = data;
	struct tb tb, p;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&p, tb.a[NDPV6_A_PREFIX], NDPV6_PREFIX_A_MAX);
	s->count++;
	if (json) {
		json_open('{');
		json_dev(&tb);
		json_kstr("prefix", get_addr(&p, NDPV6_PREFIX_A_ADDRESS, a));
		json_ku64("prefixlen", get_uint(&p, NDPV6_PREFIX_A_LEN, 0));
		json_kbool("onlink", p.a[NDPV6_PREFIX_A_ONLINK]);
		json_kbool("autonomous", p.a[NDPV6_PREFIX_A_AUTONOMOUS]);
		json_ku64("valid_lft",
			  get_uint(&p, NDPV6_PREFIX_A_VALID_LFT, 0));
		json_ku64("preferred_lft",
			  get_uint(&p, NDPV6_PREFIX_A_PREFERRED_LFT, 0));
		json_kstr("origin",
			  NAME(origin_names,
			       get_uint(&p, NDPV6_PREFIX_A_ORIGIN, 99)));
		json_close('}');
		return 0;
	}
	fprintf(out, "%s/%" PRIu64 " dev %s proto %s%s%s",
		get_addr(&p, NDPV6_PREFIX_A_ADDRESS, a),
		get_uint(&p, NDPV6_PREFIX_A_LEN, 0), s->dev,
		NAME(origin_names, get_uint(&p, NDPV6_PREFIX_A_ORIGIN, 99)),
		p.a[NDPV6_PREFIX_A_ONLINK] ? " onlink" : "",
		p.a[NDPV6_PREFIX_A_AUTONOMOUS] ? " autonomous" : "");
	print_lft("valid_lft", get_uint(&p, NDPV6_PREFIX_A_VALID_LFT, 0));
	print_lft("preferred_lft",
		  get_uint(&p, NDPV6_PREFIX_A_PREFERRED_LFT, 0));
	fputc('\n', out);
	return 0;
}

static int addr_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN];
	struct show *s = data;
	struct tb tb, ad;
	const char *scope;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&ad, tb.a[NDPV6_A_ADDR], NDPV6_ADDR_A_MAX);
	s->count++;
	get_addr(&ad, NDPV6_ADDR_A_ADDRESS, a);
	if (json) {
		json_open('{');
		json_dev(&tb);
		json_kstr("address", a);
		json_ku64("prefixlen",
			  get_uint(&ad, NDPV6_ADDR_A_PREFIX_LEN, 0));
		json_kstr("state",
			  NAME(state_names,
			       get_uint(&ad, NDPV6_ADDR_A_STATE, 99)));
		json_kstr("origin",
			  NAME(origin_names,
			       get_uint(&ad, NDPV6_ADDR_A_ORIGIN, 99)));
		json_ku64("valid_lft",
			  get_uint(&ad, NDPV6_ADDR_A_VALID_LFT, 0));
		json_ku64("preferred_lft",
			  get_uint(&ad, NDPV6_ADDR_A_PREFERRED_LFT, 0));
		json_close('}');
		return 0;
	}
	scope = !strncmp(a, "fe8", 3) || !strncmp(a, "fe9", 3) ||
		!strncmp(a, "fea", 3) || !strncmp(a, "feb", 3) ?
		"link" : "global";
	fprintf(out, "inet6 %s/%" PRIu64 " scope %s proto %s %s", a,
		get_uint(&ad, NDPV6_ADDR_A_PREFIX_LEN, 0), scope,
		NAME(origin_names, get_uint(&ad, NDPV6_ADDR_A_ORIGIN, 99)),
		NAME(state_names, get_uint(&ad, NDPV6_ADDR_A_STATE, 99)));
	print_lft("valid_lft", get_uint(&ad, NDPV6_ADDR_A_VALID_LFT, 0));
	print_lft("preferred_lft",
		  get_uint(&ad, NDPV6_ADDR_A_PREFERRED_LFT, 0));
	fputc('\n', out);
	return 0;
}

static const char *mac_str(const struct tb *tb, int t, char *buf)
{
	const uint8_t *m;

	if (!has(tb, t, 6))
		return NULL;
	m = mnl_attr_get_payload(tb->a[t]);
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3],
		m[4], m[5]);
	return buf;
}

static int neigh_cb(const struct nlmsghdr *nlh, void *data)
{
	char a[INET6_ADDRSTRLEN], macb[18], nud[16];
	struct show *s = data;
	const char *mac;
	struct tb tb, n;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&n, tb.a[NDPV6_A_NEIGH], NDPV6_NEIGH_A_MAX);
	s->count++;
	mac = mac_str(&n, NDPV6_NEIGH_A_LLADDR, macb);
	if (json) {
		json_open('{');
		json_dev(&tb);
		json_kstr("dst", get_addr(&n, NDPV6_NEIGH_A_ADDRESS, a));
		if (mac)
			json_kstr("lladdr", mac);
		json_kstr("state",
			  NAME(nud_names,
			       get_uint(&n, NDPV6_NEIGH_A_STATE, 99)));
		json_kbool("router", n.a[NDPV6_NEIGH_A_ROUTER]);
		json_ku64("queued", get_uint(&n, NDPV6_NEIGH_A_QUEUED, 0));
		json_close('}');
		return 0;
	}
	nud_upper(NAME(nud_names, get_uint(&n, NDPV6_NEIGH_A_STATE, 99)), nud,
		  sizeof(nud));
	fprintf(out, "%s dev %s", get_addr(&n, NDPV6_NEIGH_A_ADDRESS, a),
		s->dev);
	if (mac)
		fprintf(out, " lladdr %s", mac);
	if (n.a[NDPV6_NEIGH_A_ROUTER])
		fputs(" router", out);
	if (get_uint(&n, NDPV6_NEIGH_A_QUEUED, 0))
		fprintf(out, " queued %" PRIu64,
			get_uint(&n, NDPV6_NEIGH_A_QUEUED, 0));
	fprintf(out, " %s\n", nud);
	return 0;
}

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *st;
	struct show *s = data;
	struct tb tb, one;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	if (json) {
		json_open('{');
		json_dev(&tb);
		json_key("stats");
		json_open('{');
	}
	if (tb.a[NDPV6_A_STATS]) {
		mnl_attr_for_each_nested(st, tb.a[NDPV6_A_STATS]) {
			const struct nlattr *na;

			if (mnl_attr_get_type(st) != NDPV6_STATS_A_STAT)
				continue;
			tb_nested(&one, st, NDPV6_STAT_A_MAX);
			na = one.a[NDPV6_STAT_A_NAME];
			if (!na || mnl_attr_validate(na, MNL_TYPE_NUL_STRING))
				continue;
			s->count++;
			if (json)
				json_ku64(mnl_attr_get_str(na),
					  get_uint(&one, NDPV6_STAT_A_VALUE, 0));
			else
				fprintf(out, "     %s: %" PRIu64 "\n",
					mnl_attr_get_str(na),
					get_uint(&one, NDPV6_STAT_A_VALUE, 0));
		}
	}
	if (json) {
		json_close('}');
		json_close('}');
	}
	return 0;
}

struct pkey {
	int type;
	const char *name;
	bool ms;
};

static const struct pkey pkeys[] = {
	{ NDPV6_PARAMS_A_HOP_LIMIT, "hop_limit", false },
	{ NDPV6_PARAMS_A_MTU, "mtu", false },
	{ NDPV6_PARAMS_A_BASE_REACHABLE_TIME, "base_reachable_time_ms", true },
	{ NDPV6_PARAMS_A_REACHABLE_TIME, "reachable_time_ms", true },
	{ NDPV6_PARAMS_A_RETRANS_TIME, "retrans_time_ms", true },
	{ NDPV6_PARAMS_A_DAD_TRANSMITS, "dad_transmits", false },
	{ NDPV6_PARAMS_A_ACCEPT_RA, "accept_ra", false },
	{ NDPV6_PARAMS_A_REPLY_ECHO, "reply_echo", false },
	{ NDPV6_PARAMS_A_MAX_ADDRS, "max_addrs", false },
	{ NDPV6_PARAMS_A_MAX_NBRS, "max_nbrs", false },
	{ NDPV6_PARAMS_A_MAX_ROUTERS, "max_routers", false },
	{ NDPV6_PARAMS_A_MAX_PREFIXES, "max_prefixes", false },
	{ NDPV6_PARAMS_A_MAX_GROUPS, "max_groups", false },
	{ NDPV6_PARAMS_A_MAX_QUEUED, "max_queued", false },
	{ NDPV6_PARAMS_A_NUM_ADDRS, "addrs", false },
	{ NDPV6_PARAMS_A_NUM_NBRS, "nbrs", false },
	{ NDPV6_PARAMS_A_NUM_ROUTERS, "routers", false },
	{ NDPV6_PARAMS_A_NUM_PREFIXES, "prefixes", false },
	{ NDPV6_PARAMS_A_NUM_GROUPS, "groups", false },
	{ NDPV6_PARAMS_A_NUM_QUEUED, "queued", false },
	{ NDPV6_PARAMS_A_NUM_INCOMPLETE, "incomplete", false },
};

static void params_body(const struct tb *p)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pkeys); i++) {
		if (!p->a[pkeys[i].type])
			continue;
		if (json)
			json_ku64(pkeys[i].name, get_uint(p, pkeys[i].type, 0));
		else
			fprintf(out, "    %-24s %" PRIu64 "\n", pkeys[i].name,
				get_uint(p, pkeys[i].type, 0));
	}
}

/* The core's state, flags present while it runs (yes/no, JSON bool). */
static const struct pkey pflags[] = {
	{ NDPV6_PARAMS_A_LINK_UP, "link_up", false },
	{ NDPV6_PARAMS_A_MLD_V1, "mld_v1", false },
	{ NDPV6_PARAMS_A_IP_DISABLED, "ip_disabled", false },
};

static void params_flags(const struct tb *p)
{
	unsigned int i;
	bool on;

	if (!p->a[NDPV6_PARAMS_A_RUNNING])
		return;
	for (i = 0; i < ARRAY_SIZE(pflags); i++) {
		on = p->a[pflags[i].type];
		if (json)
			json_kbool(pflags[i].name, on);
		else
			fprintf(out, "    %-24s %s\n", pflags[i].name,
				on ? "yes" : "no");
	}
}

static int params_cb(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;
	struct tb tb, p, pend;
	const char *name;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	tb_nested(&p, tb.a[NDPV6_A_PARAMS], NDPV6_PARAMS_A_MAX);
	tb_nested(&pend, p.a[NDPV6_PARAMS_A_PENDING], NDPV6_PARAMS_A_MAX);
	name = tb.a[NDPV6_A_IFNAME] &&
	       !mnl_attr_validate(tb.a[NDPV6_A_IFNAME], MNL_TYPE_NUL_STRING) ?
	       mnl_attr_get_str(tb.a[NDPV6_A_IFNAME]) : s->dev;
	s->count++;
	if (json) {
		json_open('{');
		json_ku64("ifindex", get_uint(&tb, NDPV6_A_IFINDEX, 0));
		json_kstr("ifname", name);
		json_kbool("running", p.a[NDPV6_PARAMS_A_RUNNING]);
		params_body(&p);
		params_flags(&p);
		if (p.a[NDPV6_PARAMS_A_PENDING]) {
			json_key("pending");
			json_open('{');
			params_body(&pend);
			json_close('}');
		}
		json_close('}');
		return 0;
	}
	fprintf(out, "%s: ifindex %" PRIu64 " %s\n", name,
		get_uint(&tb, NDPV6_A_IFINDEX, 0),
		p.a[NDPV6_PARAMS_A_RUNNING] ? "running" : "down");
	params_body(&p);
	params_flags(&p);
	if (p.a[NDPV6_PARAMS_A_PENDING]) {
		fputs("  pending (at the next down/up):\n", out);
		params_body(&pend);
	}
	return 0;
}

/* The ifindex a GET_PARAMS reply names (monitor DEV). */
static int ifindex_cb(const struct nlmsghdr *nlh, void *data)
{
	struct tb tb;

	tb_msg(&tb, nlh, NDPV6_A_MAX);
	*(uint32_t *)data = (uint32_t)get_uint(&tb, NDPV6_A_IFINDEX, 0);
	return 0;
}

/* --------------------------------------------------------------- commands */

struct table {
	const char *word;
	uint8_t cmd;
	msg_fn fn;
};

static const struct table tables[] = {
	{ "routers", NDPV6_CMD_GET_ROUTER, router_cb },
	{ "prefixes", NDPV6_CMD_GET_PREFIX, prefix_cb },
	{ "addrs", NDPV6_CMD_GET_ADDR, addr_cb },
	{ "neigh", NDPV6_CMD_GET_NEIGH, neigh_cb },
	{ "stats", NDPV6_CMD_GET_STATS, stats_cb },
	{ "params", NDPV6_CMD_GET_PARAMS, params_cb },
};

static int cmd_show(const struct table *t, int argc, char **argv)
{
	bool dump = t->cmd != NDPV6_CMD_GET_STATS &&
		    t->cmd != NDPV6_CMD_GET_PARAMS;
	char buf[MNL_SOCKET_BUFFER_SIZE], *mem = NULL;
	struct show s = { .dev = argv[0] };
	struct nlmsghdr *nlh;
	uint8_t ip[16];
	size_t memlen = 0;
	int ret = 0, tries;

	if (argc < 1)
		usage_error("%s: which device?", t->word);
	if (argc > (t->cmd == NDPV6_CMD_GET_NEIGH ? 2 : 1))
		usage_error("%s: unexpected '%s'", t->word, argv[argc - 1]);
	if (argc == 2) {
		struct nlattr *nest;

		parse_ip(argv[1], ip, NULL, 0);
		dump = false;
		nl_open();
		nlh = msg_start(buf, family_id, t->cmd, NLM_F_ACK);
		put_dev(nlh, argv[0]);
		nest = mnl_attr_nest_start(nlh, NDPV6_A_NEIGH);
		mnl_attr_put(nlh, NDPV6_NEIGH_A_ADDRESS, 16, ip);
		mnl_attr_nest_end(nlh, nest);
	} else {
		nl_open();
		nlh = msg_start(buf, family_id, t->cmd,
				dump ? NLM_F_DUMP : NLM_F_ACK);
		put_dev(nlh, argv[0]);
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
		s.count = 0;
		json_first = true;
		if (json && dump)
			json_open('[');
		ret = transact(nlh, family_id, t->fn, &s);
		if (json && dump)
			json_close(']');
		if (json)
			fputc('\n', out);
		fclose(out);
		out = stdout;
		if (ret || !dump_intr)
			break;
	}
	if (ret) {
		free(mem);
		return fail(t->word, argv[0], ret);
	}
	fwrite(mem, 1, memlen, stdout);
	free(mem);
	if (dump_intr) {
		err("%s %s: the tables kept changing during %d dumps: %s",
		    t->word, argv[0], DUMP_TRIES,
		    "the listing above is not consistent");
		return EXIT_FAILED;
	}
	return 0;
}

static int cmd_write(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	const char *obj = argv[0], *op, *dev;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint32_t opt_val[2];
	uint16_t opt_type[2];
	int plen = 0, ret, i, nopt = 0;
	uint8_t ip[16];
	bool add;
	uint8_t cmd;

	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "del")))
		usage_error("%s: 'add' or 'del'?", obj);
	op = argv[1];
	add = !strcmp(op, "add");
	if (argc < 4)
		usage_error("%s %s: DEV and an address are needed", obj, op);
	dev = argv[2];

	if (!strcmp(obj, "router")) {
		cmd = add ? NDPV6_CMD_NEW_ROUTER : NDPV6_CMD_DEL_ROUTER;
		parse_ip(argv[3], ip, NULL, 0);
	} else if (!strcmp(obj, "prefix")) {
		cmd = add ? NDPV6_CMD_NEW_PREFIX : NDPV6_CMD_DEL_PREFIX;
		parse_ip(argv[3], ip, &plen, -1);
	} else {
		cmd = add ? NDPV6_CMD_NEW_ADDR : NDPV6_CMD_DEL_ADDR;
		parse_ip(argv[3], ip, &plen, 128);
	}

	for (i = 4; i < argc; i += 2) {
		const char *k = argv[i];
		int type = -1;

		if (i + 1 >= argc)
			usage_error("%s %s: '%s' needs a value", obj, op, k);
		if (add && !strcmp(obj, "router") && !strcmp(k, "lifetime"))
			type = NDPV6_ROUTER_A_LIFETIME;
		else if (add && !strcmp(obj, "prefix") && !strcmp(k, "valid"))
			type = NDPV6_PREFIX_A_VALID_LFT;
		else if (add && !strcmp(obj, "addr") && !strcmp(k, "valid"))
			type = NDPV6_ADDR_A_VALID_LFT;
		else if (add && !strcmp(obj, "addr") &&
			 !strcmp(k, "preferred"))
			type = NDPV6_ADDR_A_PREFERRED_LFT;
		if (type < 0 || nopt == 2)
			usage_error("%s %s: unknown option '%s'", obj, op, k);
		opt_type[nopt] = (uint16_t)type;
		opt_val[nopt++] = parse_lft(k, argv[i + 1]);
	}

	nl_open();
	nlh = msg_start(buf, family_id, cmd, NLM_F_ACK);
	put_dev(nlh, dev);
	if (!strcmp(obj, "router")) {
		nest = mnl_attr_nest_start(nlh, NDPV6_A_ROUTER);
		mnl_attr_put(nlh, NDPV6_ROUTER_A_ADDRESS, 16, ip);
	} else if (!strcmp(obj, "prefix")) {
		nest = mnl_attr_nest_start(nlh, NDPV6_A_PREFIX);
		mnl_attr_put(nlh, NDPV6_PREFIX_A_ADDRESS, 16, ip);
		mnl_attr_put_u8(nlh, NDPV6_PREFIX_A_LEN, (uint8_t)plen);
	} else {
		nest = mnl_attr_nest_start(nlh, NDPV6_A_ADDR);
		mnl_attr_put(nlh, NDPV6_ADDR_A_ADDRESS, 16, ip);
		if (add)
			mnl_attr_put_u8(nlh, NDPV6_ADDR_A_PREFIX_LEN,
					(uint8_t)plen);
	}
	for (i = 0; i < nopt; i++)
		mnl_attr_put_u32(nlh, opt_type[i], opt_val[i]);
	mnl_attr_nest_end(nlh, nest);

	ret = transact(nlh, family_id, NULL, NULL);
	if (ret) {
		char what[32];

		snprintf(what, sizeof(what), "%s %s", obj, op);
		return fail(what, dev, ret);
	}
	if (ext_msg[0])
		fprintf(stderr, "Warning: %s\n", ext_msg);
	return 0;
}

static int cmd_set(int argc, char **argv)
{
	static const struct {
		const char *key;
		int type;
		uint32_t max;
	} keys[] = {
		{ "dad-transmits", NDPV6_PARAMS_A_DAD_TRANSMITS, 255 },
		{ "accept-ra", NDPV6_PARAMS_A_ACCEPT_RA, 1 },
		{ "reply-echo", NDPV6_PARAMS_A_REPLY_ECHO, 1 },
		{ "max-addrs", NDPV6_PARAMS_A_MAX_ADDRS, UINT32_MAX },
		{ "max-nbrs", NDPV6_PARAMS_A_MAX_NBRS, UINT32_MAX },
		{ "max-routers", NDPV6_PARAMS_A_MAX_ROUTERS, UINT32_MAX },
		{ "max-prefixes", NDPV6_PARAMS_A_MAX_PREFIXES, UINT32_MAX },
	};
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct show s = { .dev = argv[0] };
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	unsigned int i;
	uint32_t v;
	int ret;

	if (argc < 1)
		usage_error("set: which device?");
	if (argc != 3)
		usage_error("set: KEY VALUE expected (one pair)");
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(argv[1], keys[i].key))
			break;
	if (i == ARRAY_SIZE(keys))
		usage_error("set: unknown key '%s'", argv[1]);
	if (keys[i].max == 1) {
		if (!strcmp(argv[2], "on") || !strcmp(argv[2], "yes") ||
		    !strcmp(argv[2], "1"))
			v = 1;
		else if (!strcmp(argv[2], "off") || !strcmp(argv[2], "no") ||
			 !strcmp(argv[2], "0"))
			v = 0;
		else
			usage_error("set %s: 'on' or 'off', not '%s'",
				    argv[1], argv[2]);
	} else {
		v = parse_u32(argv[1], argv[2], 0, keys[i].max);
	}

	nl_open();
	nlh = msg_start(buf, family_id, NDPV6_CMD_SET_PARAMS, NLM_F_ACK);
	put_dev(nlh, argv[0]);
	nest = mnl_attr_nest_start(nlh, NDPV6_A_PARAMS);
	if (keys[i].max <= 255)
		mnl_attr_put_u8(nlh, (uint16_t)keys[i].type, (uint8_t)v);
	else
		mnl_attr_put_u32(nlh, (uint16_t)keys[i].type, v);
	mnl_attr_nest_end(nlh, nest);

	json_first = true;
	ret = transact(nlh, family_id, json ? params_cb : NULL, &s);
	if (ret)
		return fail("set", argv[0], ret);
	if (json)
		fputc('\n', out);
	if (ext_msg[0])
		fprintf(stderr, "Warning: %s\n", ext_msg);
	return 0;
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	char a[INET6_ADDRSTRLEN], name[IFNAMSIZ] = "?";
	uint32_t filter = *(uint32_t *)data;
	struct tb tb, o;
	uint64_t ev, idx;

	if (g->cmd != NDPV6_CMD_EVENT)
		return 0;
	tb_msg(&tb, nlh, NDPV6_A_MAX);
	idx = get_uint(&tb, NDPV6_A_IFINDEX, 0);
	if (filter && idx != filter)
		return 0;
	if (tb.a[NDPV6_A_IFNAME] &&
	    !mnl_attr_validate(tb.a[NDPV6_A_IFNAME], MNL_TYPE_NUL_STRING))
		snprintf(name, sizeof(name), "%s",
			 mnl_attr_get_str(tb.a[NDPV6_A_IFNAME]));
	ev = get_uint(&tb, NDPV6_A_EVENT, 0);
	a[0] = 0;

	if (json) {
		json_first = true;
		json_open('{');
		json_ku64("ifindex", idx);
		json_kstr("ifname", name);
		json_kstr("event", NAME(event_names, ev));
	} else {
		fprintf(out, "[%s] %s", name, NAME(event_names, ev));
	}
	if (tb.a[NDPV6_A_ADDR]) {
		tb_nested(&o, tb.a[NDPV6_A_ADDR], NDPV6_ADDR_A_MAX);
		get_addr(&o, NDPV6_ADDR_A_ADDRESS, a);
		if (json) {
			json_kstr("address", a);
			if (o.a[NDPV6_ADDR_A_PREFIX_LEN])
				json_ku64("prefixlen",
					  get_uint(&o, NDPV6_ADDR_A_PREFIX_LEN,
						   0));
		} else if (o.a[NDPV6_ADDR_A_PREFIX_LEN]) {
			fprintf(out, " %s/%" PRIu64, a,
				get_uint(&o, NDPV6_ADDR_A_PREFIX_LEN, 0));
		} else {
			fprintf(out, " %s", a);
		}
		if (o.a[NDPV6_ADDR_A_VALID_LFT]) {
			uint64_t v = get_uint(&o, NDPV6_ADDR_A_VALID_LFT, 0);
			uint64_t p = get_uint(&o, NDPV6_ADDR_A_PREFERRED_LFT,
					      0);

			if (json) {
				json_ku64("valid_lft", v);
				json_ku64("preferred_lft", p);
			} else {
				print_lft("valid_lft", v);
				print_lft("preferred_lft", p);
			}
		}
	} else if (tb.a[NDPV6_A_ROUTER]) {
		tb_nested(&o, tb.a[NDPV6_A_ROUTER], NDPV6_ROUTER_A_MAX);
		get_addr(&o, NDPV6_ROUTER_A_ADDRESS, a);
		if (json)
			json_kstr("address", a);
		else
			fprintf(out, " %s", a);
		if (o.a[NDPV6_ROUTER_A_LIFETIME]) {
			uint64_t v = get_uint(&o, NDPV6_ROUTER_A_LIFETIME, 0);

			if (json)
				json_ku64("lifetime", v);
			else
				print_lft("lifetime", v);
		}
	} else if (tb.a[NDPV6_A_PREFIX]) {
		tb_nested(&o, tb.a[NDPV6_A_PREFIX], NDPV6_PREFIX_A_MAX);
		get_addr(&o, NDPV6_PREFIX_A_ADDRESS, a);
		if (json) {
			json_kstr("prefix", a);
			json_ku64("prefixlen",
				  get_uint(&o, NDPV6_PREFIX_A_LEN, 0));
		} else {
			fprintf(out, " %s/%" PRIu64, a,
				get_uint(&o, NDPV6_PREFIX_A_LEN, 0));
		}
		if (o.a[NDPV6_PREFIX_A_VALID_LFT]) {
			uint64_t v = get_uint(&o, NDPV6_PREFIX_A_VALID_LFT, 0);
			uint64_t p = get_uint(&o, NDPV6_PREFIX_A_PREFERRED_LFT,
					      0);

			if (json) {
				json_ku64("valid_lft", v);
				json_ku64("preferred_lft", p);
			} else {
				print_lft("valid_lft", v);
				print_lft("preferred_lft", p);
			}
		}
	} else if (tb.a[NDPV6_A_NEIGH]) {
		tb_nested(&o, tb.a[NDPV6_A_NEIGH], NDPV6_NEIGH_A_MAX);
		get_addr(&o, NDPV6_NEIGH_A_ADDRESS, a);
		if (json)
			json_kstr("dst", a);
		else
			fprintf(out, " %s", a);
	}
	if (json)
		json_close('}');
	fputc('\n', out);
	fflush(out);
	return 0;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int cmd_monitor(int argc, char **argv)
{
	static char buf[RECV_BUF];
	uint32_t filter = 0;
	struct sigaction sa;
	int ret;

	if (argc > 1)
		usage_error("monitor: unexpected '%s'", argv[1]);
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
			return fail("monitor", argv[0], ret);
	}
	if (mnl_socket_setsockopt(nl, NETLINK_ADD_MEMBERSHIP, &events_group,
				  sizeof(events_group)) < 0) {
		err("joining the events group: %s", strerror(errno));
		return errno == EPERM ? EXIT_PERM : EXIT_FAILED;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);

	while (!stop) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		const struct nlmsghdr *m = (const void *)buf;
		int len = (int)n;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				/* The socket overflowed: say so and go on. */
				if (json)
					fputs("{\"event\":\"lost\"}\n", out);
				else
					fputs("[*] lost: events were dropped\n",
					      out);
				fflush(out);
				continue;
			}
			err("receiving events: %s", strerror(errno));
			return EXIT_FAILED;
		}
		for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len))
			if (m->nlmsg_type == family_id)
				event_cb(m, &filter);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd, *netns = NULL;
	unsigned int i;
	int a = 1;

	out = stdout;
	for (; a < argc && argv[a][0] == '-'; a++) {
		if (!strcmp(argv[a], "--")) {
			a++;
			break;
		} else if (!strcmp(argv[a], "-h") ||
			   !strcmp(argv[a], "--help")) {
			help();
			return 0;
		} else if (!strcmp(argv[a], "-j") ||
			   !strcmp(argv[a], "--json")) {
			json = true;
		} else if (!strcmp(argv[a], "-n") ||
			   !strcmp(argv[a], "--netns")) {
			if (++a >= argc)
				usage_error("-n needs a network namespace");
			netns = argv[a];
		} else {
			usage_error("unknown option '%s'", argv[a]);
		}
	}
	if (a >= argc)
		usage_error("no command given");
	if (netns)
		enter_netns(netns);
	cmd = argv[a++];
	argc -= a;
	argv += a;

	for (i = 0; i < ARRAY_SIZE(tables); i++) {
		if (!strcmp(cmd, tables[i].word)) {
			if (argc < 1)
				usage_error("%s: which device?", cmd);
			return cmd_show(&tables[i], argc, argv);
		}
	}
	if (!strcmp(cmd, "router") || !strcmp(cmd, "prefix") ||
	    !strcmp(cmd, "addr")) {
		/* Parse before opening, so that bad arguments exit 2. */
		argv--;
		argc++;
		argv[0] = (char *)cmd;
		return cmd_write(argc, argv);
	}
	if (!strcmp(cmd, "set")) {
		if (argc < 1)
			usage_error("set: which device?");
		return cmd_set(argc, argv);
	}
	if (!strcmp(cmd, "monitor")) {
		if (argc > 1)
			usage_error("monitor: unexpected '%s'", argv[1]);
		nl_open();
		return cmd_monitor(argc, argv);
	}
	if (!strcmp(cmd, "help"))  {
		help();
		return 0;
	}
	usage_error("unknown command '%s'", cmd);
}
