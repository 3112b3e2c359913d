// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of the receive suites: see ndp_kunit_rx.h.
 */
#include "ndp_kunit_rx.h"

static u8 rx_ev_kind(u8 proto)
{
	if (proto == NDP_NH_TCP)
		return NDP_EV_TCP;
	if (proto == NDP_NH_UDP)
		return NDP_EV_UDP;
	return NDP_EV_DEFAULT;
}

void rx_expect_event(struct ndp_kt_peer *w, const struct ndp_kt_frame *f)
{
	const struct ndp_event *ev = &w->kt.out->ev;
	struct kunit *test = w->kt.test;
	u8 proto = f->ev_set ? f->ev_proto : f->proto;
	u32 l4_off = f->ev_set ? f->ev_l4_off : NDP_IP6_HLEN + f->ext_len;

	KUNIT_ASSERT_TRUE_MSG(test, w->kt.out->has_event, "%s: no event",
			      w->kt.label);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, ev->handle, NDP_KT_HANDLE(w));
	KUNIT_EXPECT_EQ(test, ev->kind, rx_ev_kind(proto));
	KUNIT_EXPECT_EQ(test, ev->proto, proto);
	KUNIT_EXPECT_EQ(test, ev->l3_off, 0U);
	KUNIT_EXPECT_EQ(test, ev->l4_off, l4_off);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &f->src));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->dst, &f->dst));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_DELIVERED),
			1ULL);
}

u8 *rx_ext_opts(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 type,
		const u8 *opts, u32 olen)
{
	u32 len = (2 + olen + 7) & ~7U;
	u32 pad = len - 2 - olen;
	u8 *h = ndp_kt_ext(w, f, type, len);

	if (olen)
		memcpy(h + 2, opts, olen);
	if (pad == 1) {
		h[2 + olen] = 0;
	} else if (pad >= 2) {
		h[2 + olen] = 1;
		h[3 + olen] = pad - 2;
	}
	return h;
}

u8 *rx_ext_frag(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		u16 offset, bool more)
{
	u8 *h = ndp_kt_ext(w, f, NDP_NH_FRAGMENT, 8);

	ndp_put16(h + 2, offset << 3 | more);
	ndp_put32(h + 4, 0x6e647036);
	return h;
}

void rx_rule_desc(const struct rx_rule *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", r->name);
}

static void rx_run_half(struct kunit *test, const struct rx_rule *r,
			bool broken)
{
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);

	w->kt.label = broken ? "broken" : "valid";
	r->make(w, f, r, broken);
	ndp_kt_send_frame(w, f);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_PACKETS),
			1ULL);
	if (!broken) {
		if (r->valid == RX_EVENT)
			rx_expect_event(w, f);
		else
			ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
		ndp_kt_expect_only(&w->kt, r->also, NDP_STAT_RX_DELIVERED,
				   r->also2 ?: NDP_STAT_MAX);
		if (r->valid_tx > 0) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 1U,
					    "valid: one answer");
			KUNIT_EXPECT_EQ(test,
					ndp_kt_count_tx(&w->kt, r->valid_tx),
					1U);
		} else if (r->valid_tx == 0) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 0U,
					    "valid: nothing sent");
		}
	} else {
		ndp_kt_expect_done(w, NDP_DONE_RX_DROPPED);
		KUNIT_EXPECT_EQ_MSG(test, ndp_kt_stat_delta(&w->kt, r->drop),
				    1ULL, "broken: counter %s",
				    ndp_stat_name(r->drop));
		if (r->drop_also)
			ndp_kt_expect_only(&w->kt, r->drop, r->drop_also);
		else
			ndp_kt_expect_only(&w->kt, r->drop);
		if (r->pp) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 1U,
					    "broken: one Parameter Problem");
			if (w->kt.out->n_tx == 1)
				ndp_kt_expect_param_prob(w, f, 0, r->pp_code,
							 r->pp_ptr, &w->ll);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 0U,
					    "broken: nothing sent");
		}
	}
	if (r->check)
		r->check(w, f, broken);
}

void rx_run(struct kunit *test)
{
	const struct rx_rule *r = test->param_value;

	if (r->valid != RX_NO_VALID)
		rx_run_half(test, r, false);
	if (!r->valid_only)
		rx_run_half(test, r, true);
}

void rx_dst_tentative(struct ndp_kt_peer *w, struct ndp_kt_frame *f)
{
	struct ndp_ip6 tentative = ndp_kt_peer_ip(w, "2001:db8::7");

	KUNIT_ASSERT_EQ(w->kt.test,
			ndp_add_ip(w->kt.ctx, w->kt.now, &tentative, 64,
				   NDP_INFINITE, NDP_INFINITE, w->kt.out), 0);
	f->dst = tentative;
}
