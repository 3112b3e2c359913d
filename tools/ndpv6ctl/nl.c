// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6ctl's netlink side: the socket, the family's id and events group,
 * one request and its answer (with the kernel's extended ACK message),
 * reading attributes, and reading the events.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/ndpv6.h>

#include "ndpv6ctl.h"

struct mnl_socket *nl;
uint16_t family_id;
uint32_t events_group;

/* The outcome of the last request. */
char ext_msg[256];
bool dump_intr;

static unsigned int portid;
static uint32_t seq;

/* ----------------------------------------------------------- attributes */

static int tb_cb(const struct nlattr *attr, void *data)
{
	struct tb *tb = data;
	int type = mnl_attr_get_type(attr);

	if (type <= tb->max && type < 32)
		tb->a[type] = attr;
	return MNL_CB_OK;
}

void tb_nested(struct tb *tb, const struct nlattr *nest, int max)
{
	memset(tb, 0, sizeof(*tb));
	tb->max = max;
	if (nest)
		mnl_attr_parse_nested(nest, tb_cb, tb);
}

void tb_msg(struct tb *tb, const struct nlmsghdr *nlh, int max)
{
	memset(tb, 0, sizeof(*tb));
	tb->max = max;
	mnl_attr_parse(nlh, GENL_HDRLEN, tb_cb, tb);
}

bool tb_has(const struct tb *tb, int t, size_t len)
{
	return tb->a[t] && mnl_attr_get_payload_len(tb->a[t]) >= len;
}

/* An unsigned attribute of any width, or DEF when it is absent. */
uint64_t tb_uint(const struct tb *tb, int t, uint64_t def)
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

/* A NUL-terminated string attribute, or NULL. */
const char *tb_str(const struct tb *tb, int t)
{
	const struct nlattr *a = tb->a[t];

	if (!a || mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
		return NULL;
	return mnl_attr_get_str(a);
}

/* An IPv6 address attribute as text in BUF (INET6_ADDRSTRLEN), or "?". */
const char *tb_ip(const struct tb *tb, int t, char *buf)
{
	if (!tb_has(tb, t, 16))
		return "?";
	return inet_ntop(AF_INET6, mnl_attr_get_payload(tb->a[t]), buf,
			 INET6_ADDRSTRLEN);
}

/* A MAC address attribute as text in BUF (18 bytes), or NULL. */
const char *tb_mac(const struct tb *tb, int t, char *buf)
{
	const uint8_t *m;

	if (!tb_has(tb, t, 6))
		return NULL;
	m = mnl_attr_get_payload(tb->a[t]);
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3],
		m[4], m[5]);
	return buf;
}

/* ------------------------------------------------------------ transport */

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

/*
 * Send @nlh and read until the ACK (or NLMSG_DONE for a dump), giving each
 * message of @type to @fn.  Returns 0 or -errno; the kernel's message, if
 * any, is in ext_msg (also for a successful ACK: a warning).
 */
int transact(struct nlmsghdr *nlh, uint16_t type, msg_fn fn, void *data)
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
struct nlmsghdr *msg_start(char *buf, uint16_t type, uint8_t cmd,
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
	const struct nlattr *grp;
	const char *name;
	struct tb tb, g;

	(void)data;
	tb_msg(&tb, nlh, CTRL_ATTR_MAX);
	if (tb_has(&tb, CTRL_ATTR_FAMILY_ID, 2))
		family_id = mnl_attr_get_u16(tb.a[CTRL_ATTR_FAMILY_ID]);
	if (!tb.a[CTRL_ATTR_MCAST_GROUPS])
		return 0;
	mnl_attr_for_each_nested(grp, tb.a[CTRL_ATTR_MCAST_GROUPS]) {
		tb_nested(&g, grp, CTRL_ATTR_MCAST_GRP_MAX);
		name = tb_str(&g, CTRL_ATTR_MCAST_GRP_NAME);
		if (name && tb_has(&g, CTRL_ATTR_MCAST_GRP_ID, 4) &&
		    !strcmp(name, NDPV6_MCGRP_EVENTS))
			events_group =
				mnl_attr_get_u32(g.a[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

/* The socket, and the family's id and events group; exits on failure. */
void nl_open(void)
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
		exit(EXIT_FAILED);
	}
	if (ret) {
		err("resolving the ndpv6 family: %s", strerror(-ret));
		exit(EXIT_FAILED);
	}
}

/*
 * Report a request the kernel refused, in one line with its extended ACK
 * message ("WHAT DEV: MESSAGE"), and return the exit status for it.
 */
int refused(const char *what, const char *dev, int ret)
{
	const char *msg = ext_msg[0] ? ext_msg : strerror(-ret);

	/* Some refusals come without a message (a dump refused as it starts). */
	if (ret == -ENODEV && !ext_msg[0])
		msg = "no such device";
	else if (ret == -EOPNOTSUPP && !ext_msg[0])
		msg = "not an ndpv6 device";
	if (ret == -EPERM || ret == -EACCES)
		err("%s %s: permission denied: %s", what, dev, ext_msg[0] ?
		    ext_msg : "CAP_NET_ADMIN is needed in the device's netns");
	else
		err("%s %s: %s", what, dev, msg);
	return EXIT_FAILED;
}

/* The kernel took the request with a message (its extended ACK): say it. */
void warned(void)
{
	if (ext_msg[0])
		fprintf(stderr, "Warning: %s\n", ext_msg);
}

/* DEV: an interface index if all digits, otherwise a name. */
void put_dev(struct nlmsghdr *nlh, const char *dev)
{
	unsigned long idx;
	char *end;

	if (!*dev || strlen(dev) >= IFNAMSIZ)
		usage_error("'%s' is not a device name", dev);
	idx = strtoul(dev, &end, 10);
	if (isdigit((unsigned char)dev[0]) && !*end && idx && idx <= INT_MAX)
		mnl_attr_put_u32(nlh, NDPV6_A_IFINDEX, (uint32_t)idx);
	else
		mnl_attr_put_strz(nlh, NDPV6_A_IFNAME, dev);
}

/* ---------------------------------------------------------------- events */

/* Join the family's events group; 0, or -1 (said on stderr). */
int nl_join_events(void)
{
	if (mnl_socket_setsockopt(nl, NETLINK_ADD_MEMBERSHIP, &events_group,
				  sizeof(events_group)) < 0) {
		err("joining the events group: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Give each message of the family to @fn until @stop() (checked after a
 * signal interrupted the wait), and call @lost() when the socket
 * overflowed.  Returns the exit status: 0, or EXIT_FAILED for a failed
 * read (said on stderr).
 */
int nl_read_events(msg_fn fn, void *data, void (*lost)(void),
		   bool (*stop)(void))
{
	static char buf[RECV_BUF];

	while (!stop()) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		const struct nlmsghdr *m = (const void *)buf;
		int len = (int)n;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				lost();
				continue;
			}
			err("receiving events: %s", strerror(errno));
			return EXIT_FAILED;
		}
		for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len))
			if (m->nlmsg_type == family_id)
				fn(m, data);
	}
	return 0;
}
