// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6ctl - inspect and configure ndpv6 devices over the "ndpv6" generic
 * netlink family (include/uapi/linux/ndpv6.h).  See ndpv6ctl.8.
 *
 *    ndpv6ctl [-j] [-n NETNS] OBJECT {show|add|del|set} DEV ...
 *    ndpv6ctl [-j] [-n NETNS] monitor [DEV]
 *
 * This file is the grammar and the parsing of arguments; cmd.c has the
 * objects, nl.c the netlink side, print.c the text and JSON output.
 * Exit status: 0 done; 1 the kernel refused (its message is printed) or
 * the operation failed; 2 usage error (one line on standard error).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/ndpv6.h>

#include "ndpv6ctl.h"

const char *prog = "ndpv6ctl";

#define GRAMMAR "OBJECT {show|add|del|set} DEV ..."

__printf(1, 2) void err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A usage error: one line, exit 2. */
__noreturn __printf(1, 2) void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
	if (fd < 0)
		usage_error("network namespace %s: %s", name, strerror(errno));
	if (setns(fd, CLONE_NEWNET) < 0) {
		err("entering network namespace %s: %s", name, strerror(errno));
		exit(EXIT_FAILED);
	}
	close(fd);
}

static void help(void)
{
	const struct object *const *o;
	const char *syn;
	int v;

	printf("Usage: %s [-j] [-n NETNS] " GRAMMAR "\n"
	       "       %s [-j] [-n NETNS] monitor [DEV]\n\n", prog, prog);
	for (o = objects; *o; o++)
		for (v = 0; v < VERB_NR; v++) {
			syn = object_synopsis(*o, v);
			if (syn)
				printf("  %s %s %s %s\n", prog, object_name(*o),
				       verb_names[v], syn);
		}
	printf("  %s monitor [DEV]\n"
"\n"
"DEV: an ndpv6 device's name, or its interface index.  show lists a table,\n"
"or with a key the one entry.  add, del and set need CAP_NET_ADMIN in the\n"
"device's network namespace.  params set KEYs (several in one request):\n"
"  dad-transmits N | accept-ra on|off | reply-echo on|off |\n"
"  optimistic-dad on|off |\n"
"  max-addrs N | max-nbrs N | max-routers N | max-prefixes N\n"
"  (capacities take effect at the next down/up of DEV)\n"
"monitor prints the events (of DEV, or of every device) until interrupted.\n"
"\n"
"Options:\n"
"  -j, --json     JSON output (schema in ndpv6ctl(8))\n"
"  -n, --netns NETNS  in network namespace NETNS (/run/netns/NETNS, or a path)\n"
"  -h, --help     this text\n"
"\n"
"Exit status: 0 done, 1 refused by the kernel (its message is printed) or\n"
"failed, 2 usage error.\n", prog);
}

/* ------------------------------------------------------------- parsing */

/* ADDR, or ADDR/LEN into *plen when plen (defplen without, -1: needed). */
void parse_ip(const char *s, uint8_t ip[16], int *plen, int defplen)
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

uint32_t parse_u32(const char *what, const char *s, uint32_t min,
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

/* A lifetime: seconds, or forever. */
uint32_t parse_lft(const char *what, const char *s)
{
	if (!strcmp(s, "forever"))
		return NDPV6_INFINITE;
	return parse_u32(what, s, 0, NDPV6_INFINITE);
}

/* ------------------------------------------------------------- grammar */

static const struct object *find_object(const char *word)
{
	const struct object *const *o;

	for (o = objects; *o; o++)
		if (!strcmp(word, object_name(*o)))
			return *o;
	return NULL;
}

/* "{show|add|del}": the verbs of O, for a usage message. */
static const char *verbs_of(const struct object *o)
{
	static char buf[64];
	size_t n = 0;
	int v;

	for (v = 0; v < VERB_NR; v++)
		if (object_synopsis(o, v))
			n += snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      n ? "|" : "{", verb_names[v]);
	snprintf(buf + n, sizeof(buf) - n, "}");
	return buf;
}

int main(int argc, char **argv)
{
	const char *netns = NULL, *word;
	const struct object *o;
	int a = 1, v;

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
			usage_error("unknown option '%s' (usage: %s [-j] [-n NETNS] " GRAMMAR ")",
				    argv[a], prog);
		}
	}
	if (a >= argc)
		usage_error("no object given (usage: %s [-j] [-n NETNS] " GRAMMAR ")",
			    prog);
	if (netns)
		enter_netns(netns);
	word = argv[a++];
	if (!strcmp(word, "monitor"))
		return cmd_monitor(argc - a, argv + a);
	if (!strcmp(word, "help")) {
		help();
		return 0;
	}
	o = find_object(word);
	if (!o)
		usage_error("unknown object '%s' (usage: %s " GRAMMAR
			    ", OBJECT one of router route prefix addr neigh params dns redirect stats; or %s monitor [DEV])",
			    word, prog, prog);
	if (a >= argc)
		usage_error("%s: no command (usage: %s %s %s DEV ...)", word,
			    prog, word, verbs_of(o));
	for (v = 0; v < VERB_NR; v++)
		if (!strcmp(argv[a], verb_names[v]) && object_synopsis(o, v))
			break;
	if (v == VERB_NR)
		usage_error("%s: unknown command '%s' (usage: %s %s %s DEV ...)",
			    word, argv[a], prog, word, verbs_of(o));
	a++;
	return object_run(o, v, argc - a, argv + a);
}
