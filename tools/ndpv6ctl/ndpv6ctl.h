/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6ctl's parts: the netlink transport (nl.c), the output in text or
 * JSON (print.c), the objects and their commands (cmd.c) and the grammar
 * (ndpv6ctl.c).  See ndpv6ctl.8.
 */
#ifndef NDPV6CTL_H
#define NDPV6CTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <libmnl/libmnl.h>
#include <linux/compiler.h>	/* tools/lib/include: __printf ... */

/* Exit status: 0 done; 1 refused by the kernel or failed; 2 usage. */
#define EXIT_FAILED	1
#define EXIT_USAGE	2

#define RECV_BUF	(64 * 1024)

extern const char *prog;

/* ---------------------------------------------------- ndpv6ctl.c: grammar */

__printf(1, 2) void err(const char *fmt, ...);
__noreturn __printf(1, 2) void usage_error(const char *fmt, ...);

void parse_ip(const char *s, uint8_t ip[16], int *plen, int defplen);
uint32_t parse_u32(const char *what, const char *s, uint32_t min,
		   uint32_t max);
uint32_t parse_lft(const char *what, const char *s);

/* -------------------------------------------------------- nl.c: netlink */

/* A message's attributes by type (up to 31). */
struct tb {
	const struct nlattr *a[32];
	int max;
};

void tb_nested(struct tb *tb, const struct nlattr *nest, int max);
void tb_msg(struct tb *tb, const struct nlmsghdr *nlh, int max);
bool tb_has(const struct tb *tb, int t, size_t len);
uint64_t tb_uint(const struct tb *tb, int t, uint64_t def);
const char *tb_str(const struct tb *tb, int t);
const char *tb_ip(const struct tb *tb, int t, char *buf);
const char *tb_mac(const struct tb *tb, int t, char *buf);

typedef int (*msg_fn)(const struct nlmsghdr *nlh, void *data);

extern struct mnl_socket *nl;
extern uint16_t family_id;
extern uint32_t events_group;
extern char ext_msg[256];
extern bool dump_intr;

void nl_open(void);
struct nlmsghdr *msg_start(char *buf, uint16_t type, uint8_t cmd,
			   uint16_t flags);
void put_dev(struct nlmsghdr *nlh, const char *dev);
int transact(struct nlmsghdr *nlh, uint16_t type, msg_fn fn, void *data);
int refused(const char *what, const char *dev, int ret);
void warned(void);
int nl_join_events(void);
int nl_read_events(msg_fn fn, void *data, void (*lost)(void),
		   bool (*stop)(void));

/* ------------------------------------------------ print.c: text or JSON */

/*
 * Every field is printed by one call that names it for JSON and formats it
 * for text; the mode (-j) decides which.  PRINT_TEXT and PRINT_JSON are for
 * what only one of the two shows.
 */
enum print_mode { PRINT_ANY, PRINT_TEXT, PRINT_JSON };

extern bool json;
extern FILE *out;

void print_start(void);
void print_end(void);
void open_object(const char *key, const char *text);
void close_object(void);
void open_array(const char *key);
void close_array(void);
void print_str(enum print_mode m, const char *key, const char *fmt,
	       const char *v);
void print_u64(enum print_mode m, const char *key, const char *fmt,
	       uint64_t v);
void print_bool(const char *key, const char *on, const char *off, bool v);
void print_lft(const char *key, uint64_t v);
void print_upper(const char *key, const char *v);
void print_row_u64(const char *key, uint64_t v);
void print_row_bool(const char *key, bool v);
void print_row_str(const char *key, const char *v);	/* no escaping */
void print_nl(void);

/* ------------------------------------------------ cmd.c: the objects */

enum verb { VERB_SHOW, VERB_ADD, VERB_DEL, VERB_SET, VERB_NR };

struct object;

extern const struct object *const objects[];
extern const char *const verb_names[VERB_NR];

const char *object_name(const struct object *o);
const char *object_synopsis(const struct object *o, enum verb v);
int object_run(const struct object *o, enum verb v, int argc, char **argv);
int cmd_monitor(int argc, char **argv);

#endif /* NDPV6CTL_H */
