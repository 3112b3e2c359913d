// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: DNS configuration from Router Advertisements (RFC 8106): the
 * recursive DNS servers (RDNSS) and search domains (DNSSL), with the
 * captive portal (RFC 8910) and NAT64 prefixes (RFC 8781), with their
 * lifetimes, in one bounded table.  Policy: Documentation/ndpv6/core.rst,
 * "DNS from Router Advertisements".
 */
#include "ndp_private.h"

#define RDNSS_MIN_UNITS	3	/* header and one address */
#define DNSSL_MIN_UNITS	2	/* header and one name */
#define LABEL_MAX	63	/* RFC 1035 2.3.4 */

/* What an entry is: its kind and what tells it from its kind's others. */
struct dns_key {
	u8 kind;
	u8 plen;			/* PREF64 */
	struct ndp_ip6 ip;		/* SERVER, PREF64 */
	const char *name;		/* DOMAIN, CAPTIVE_PORTAL (the URI) */
};

/* A captive portal is the router's: a new URI replaces the old one. */
static bool dns_match(const struct ndp_dns *d, const struct dns_key *k,
		      const struct ndp_ip6 *rtr)
{
	if (!d->used || d->kind != k->kind)
		return false;
	switch (k->kind) {
	case NDP_DNS_SERVER:
		return ndp_ip6_eq(&d->server, &k->ip);
	case NDP_DNS_DOMAIN:
		return !strcmp(d->name, k->name);
	case NDP_DNS_PREF64:
		return d->plen == k->plen && ndp_ip6_eq(&d->server, &k->ip);
	default:
		return ndp_ip6_eq(&d->rtr, rtr);
	}
}

static struct ndp_dns *dns_find(struct ndp_ctx *ctx, const struct dns_key *k,
				const struct ndp_ip6 *rtr)
{
	unsigned int i;

	for (i = 0; i < NDP_MAX_DNS; i++)
		if (dns_match(&ctx->dns[i], k, rtr))
			return &ctx->dns[i];
	return NULL;
}

static void dns_note(struct ndp_ctx *ctx, const struct ndp_dns *d,
		     struct ndp_out *out)
{
	ndp_changed(ctx);
	ndp_table_changed(ctx, NDP_TABLE_DNS);
	ndp_out_note(out, NDP_NOTE_DNS, &d->server, 0, 0, 0, d->kind);
}

/*
 * A free place, or that of the entry of the same kind expiring first if
 * it expires before @expires (RFC 8106 5.3.1: the one with the shortest
 * remaining lifetime makes way); NULL if none.
 */
static struct ndp_dns *dns_place(struct ndp_ctx *ctx, u8 kind, s64 expires)
{
	struct ndp_dns *d, *victim = NULL;
	unsigned int i;

	for (i = 0; i < NDP_MAX_DNS; i++) {
		d = &ctx->dns[i];
		if (!d->used)
			return d;
		if (d->kind == kind && d->expires < expires &&
		    (!victim || d->expires < victim->expires))
			victim = d;
	}
	return victim;
}

/* @k's text (NUL-terminated, shorter than d->name: checked by the parsers). */
static void dns_fill(struct ndp_dns *d, const struct dns_key *k)
{
	d->server = k->ip;
	d->plen = k->plen;
	if (k->name)
		memcpy(d->name, k->name, strlen(k->name) + 1);
}

/* One entry with @lifetime_s (0: withdrawn) from @rtr. */
static void dns_set(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		    const struct dns_key *k, u32 lifetime_s,
		    struct ndp_out *out)
{
	struct ndp_dns *d = dns_find(ctx, k, rtr);
	s64 expires = ndp_expiry(now, lifetime_s);

	if (d && !lifetime_s) {
		d->used = false;
		dns_note(ctx, d, out);
		return;
	}
	if (d) {
		d->expires = expires;
		d->rtr = *rtr;
		ndp_due(ctx, expires);
		if (k->kind == NDP_DNS_CAPTIVE_PORTAL &&
		    strcmp(d->name, k->name)) {
			dns_fill(d, k);		/* the router's new URI */
			dns_note(ctx, d, out);
		}
		return;
	}
	if (!lifetime_s)
		return;
	d = dns_place(ctx, k->kind, expires);
	if (!d) {
		ndp_count(ctx, NDP_STAT_DNS_TABLE_FULL);
		return;
	}
	if (d->used) {
		ndp_count(ctx, NDP_STAT_DNS_DISPLACED);
		d->used = false;
		dns_note(ctx, d, out);
	}
	memset(d, 0, sizeof(*d));
	d->used = true;
	d->kind = k->kind;
	d->rtr = *rtr;
	d->expires = expires;
	dns_fill(d, k);
	ndp_due(ctx, expires);
	dns_note(ctx, d, out);
}

/* RFC 8106 5.1: lifetime, then one or more addresses. */
static void rdnss(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		  const u8 *o, u32 len, struct ndp_out *out)
{
	u32 lifetime_s, pos;

	if (len < RDNSS_MIN_UNITS * 8 || !(len / 8 & 1)) {
		ndp_count(ctx, NDP_STAT_RDNSS_INVALID);
		return;
	}
	lifetime_s = ndp_get32(o + 4);
	for (pos = 8; pos + 16 <= len; pos += 16) {
		struct dns_key k = { .kind = NDP_DNS_SERVER };

		memcpy(k.ip.b, o + pos, 16);
		if (ndp_ip6_is_mcast(&k.ip) || ndp_ip6_is_unspec(&k.ip)) {
			ndp_count(ctx, NDP_STAT_RDNSS_INVALID);
			continue;
		}
		dns_set(ctx, now, rtr, &k, lifetime_s, out);
	}
}

static bool label_char(u8 c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/*
 * One name in DNS wire form at @p (at most @len bytes) as dotted text in
 * @name (NDP_DNS_NAME_MAX with its NUL).  Return: its wire length, 0 if
 * invalid.
 */
static u32 dnssl_name(const u8 *p, u32 len, char *name)
{
	u32 pos = 0, n = 0, l, i;

	while (pos < len && p[pos]) {
		l = p[pos++];
		if (l > LABEL_MAX || pos + l > len ||
		    n + l + 1 >= NDP_DNS_NAME_MAX)
			return 0;
		if (n)
			name[n++] = '.';
		for (i = 0; i < l; i++) {
			if (!label_char(p[pos + i]))
				return 0;
			name[n++] = p[pos + i];
		}
		pos += l;
	}
	if (pos >= len || !n)		/* no terminating zero label */
		return 0;
	name[n] = '\0';
	return pos + 1;
}

/* An option's padding: [@from, @len) of @o all zero. */
static bool zero_padding(const u8 *o, u32 from, u32 len)
{
	for (; from < len; from++)
		if (o[from])
			return false;
	return true;
}

/*
 * RFC 8106 5.2: lifetime, then names, then zero padding.  Checked whole
 * first (@set false), then each name set: an invalid option counts once
 * and changes nothing.
 */
static bool dnssl_walk(struct ndp_ctx *ctx, s64 now,
		       const struct ndp_ip6 *rtr, const u8 *o, u32 len,
		       bool set, struct ndp_out *out)
{
	char name[NDP_DNS_NAME_MAX];
	struct dns_key k = { .kind = NDP_DNS_DOMAIN, .name = name };
	u32 pos = 8, w;

	while (pos < len && o[pos]) {
		w = dnssl_name(o + pos, len - pos, name);
		if (!w)
			return false;
		pos += w;
		if (set)
			dns_set(ctx, now, rtr, &k, ndp_get32(o + 4), out);
	}
	return zero_padding(o, pos, len);
}

static void dnssl(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		  const u8 *o, u32 len, struct ndp_out *out)
{
	if (len < DNSSL_MIN_UNITS * 8 ||
	    !dnssl_walk(ctx, now, rtr, o, len, false, out)) {
		ndp_count(ctx, NDP_STAT_DNSSL_INVALID);
		return;
	}
	dnssl_walk(ctx, now, rtr, o, len, true, out);
}

/*
 * RFC 8910 2.3: the URI of the captive portal API, zero-padded; no lifetime
 * of its own: the RA's Router Lifetime (0 withdraws it).
 */
static void captive_portal(struct ndp_ctx *ctx, s64 now,
			   const struct ndp_ip6 *rtr, const u8 *o, u32 len,
			   u32 lifetime_s, struct ndp_out *out)
{
	char uri[NDP_DNS_NAME_MAX];
	struct dns_key k = { .kind = NDP_DNS_CAPTIVE_PORTAL, .name = uri };
	u32 n = 0, pos;

	for (pos = 2; pos < len && o[pos]; pos++) {
		if (o[pos] < 0x21 || o[pos] > 0x7e ||	/* RFC 3986 2 */
		    n + 1 >= sizeof(uri)) {
			ndp_count(ctx, NDP_STAT_CAPTIVE_PORTAL_INVALID);
			return;
		}
		uri[n++] = o[pos];
	}
	uri[n] = '\0';
	/* an empty URI says nothing */
	if (!n || !zero_padding(o, pos, len)) {
		ndp_count(ctx, NDP_STAT_CAPTIVE_PORTAL_INVALID);
		return;
	}
	dns_set(ctx, now, rtr, &k, lifetime_s, out);
}

/*
 * RFC 8781 4: a NAT64 prefix: 13 bits of lifetime in units of 8 s, the
 * Prefix Length Code, 96 bits of prefix; an unknown code ignores it.
 */
static void pref64(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		   const u8 *o, u32 len, struct ndp_out *out)
{
	static const u8 plens[] = { 96, 64, 56, 48, 40, 32 };
	struct dns_key k = { .kind = NDP_DNS_PREF64 };
	u16 w = (u16)(o[2] << 8 | o[3]);
	unsigned int i;

	if (len != 16 || (w & 7) >= ARRAY_SIZE(plens)) {
		ndp_count(ctx, NDP_STAT_PREF64_INVALID);
		return;
	}
	k.plen = plens[w & 7];
	memcpy(k.ip.b, o + 4, 12);
	for (i = k.plen / 8; i < 16; i++)	/* the prefix's bits only */
		k.ip.b[i] = 0;
	dns_set(ctx, now, rtr, &k, (u32)(w >> 3) * 8, out);
}

/**
 * ndp_dns_ra() - the DNS, captive portal and PREF64 options of a valid RA.
 * @ctx: the context
 * @now: current time (ns)
 * @rtr: the RA's source
 * @router_lifetime_s: its Router Lifetime (the captive portal's)
 * @opts: its options, validated (every length non-zero and inside)
 * @len: their length
 * @out: notes (DNS) when an entry comes, changes or goes
 */
void ndp_dns_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		u16 router_lifetime_s, const u8 *opts, u32 len,
		struct ndp_out *out)
{
	u32 pos, olen;

	for (pos = 0; pos + 2 <= len; pos += olen) {
		olen = opts[pos + 1] * 8u;
		if (!olen || pos + olen > len)
			return;
		switch (opts[pos]) {
		case NDP_OPT_RDNSS:
			rdnss(ctx, now, rtr, opts + pos, olen, out);
			break;
		case NDP_OPT_DNSSL:
			dnssl(ctx, now, rtr, opts + pos, olen, out);
			break;
		case NDP_OPT_CAPTIVE_PORTAL:
			captive_portal(ctx, now, rtr, opts + pos, olen,
				       router_lifetime_s, out);
			break;
		case NDP_OPT_PREF64:
			pref64(ctx, now, rtr, opts + pos, olen, out);
			break;
		}
	}
}

/**
 * ndp_dns_tick() - forget the servers and domains whose lifetime ran out.
 * @ctx: the context
 * @now: current time (ns)
 * @out: notes (DNS)
 */
void ndp_dns_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	unsigned int i;

	for (i = 0; i < NDP_MAX_DNS; i++) {
		if (ctx->dns[i].used && ctx->dns[i].expires <= now) {
			ctx->dns[i].used = false;
			ndp_count(ctx, NDP_STAT_DNS_EXPIRED);
			dns_note(ctx, &ctx->dns[i], out);
		}
	}
}

/**
 * ndp_dns_deadline() - the first expiry of the table.
 * @ctx: the context
 *
 * Return: absolute time, NDP_TIME_NEVER if none.
 */
s64 ndp_dns_deadline(const struct ndp_ctx *ctx)
{
	s64 t = NDP_TIME_NEVER;
	unsigned int i;

	for (i = 0; i < NDP_MAX_DNS; i++)
		if (ctx->dns[i].used)
			t = min(t, ctx->dns[i].expires);
	return t;
}

/**
 * ndp_dns_next() - read the DNS table, one entry per call.
 * @ctx: the context
 * @now: current time (ns), for the remaining lifetimes
 * @pos: the cursor, 0 to begin; advanced
 * @di: filled in
 *
 * Context: the caller serialises calls on @ctx.
 * Return: true with @di filled, false past the last entry.
 */
bool ndp_dns_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		  struct ndp_dns_info *di)
{
	const struct ndp_dns *d;

	for (; *pos < NDP_MAX_DNS; (*pos)++) {
		d = &ctx->dns[*pos];
		if (!d->used)
			continue;
		memset(di, 0, sizeof(*di));
		di->kind = d->kind;
		di->server = d->server;
		di->plen = d->plen;
		di->rtr = d->rtr;
		di->lifetime_s = ndp_remaining_s(now, d->expires);
		memcpy(di->name, d->name, sizeof(di->name));
		(*pos)++;
		return true;
	}
	return false;
}
