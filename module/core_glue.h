/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 glue: the core's lifecycle and the calls into it from process
 * context (core_glue.c).
 */
#ifndef _NDPV6_CORE_GLUE_H
#define _NDPV6_CORE_GLUE_H

#include <linux/in6.h>
#include <linux/types.h>

#include "ndpv6.h"

struct ndpv6_dev;

/*
 * A call into the core from process context (ndpv6_core_call()): @fn runs
 * under the core lock with BH disabled, with the current time; its output
 * is processed as the datapath's is.
 */
typedef int (*ndpv6_core_fn)(struct ndp_ctx *ctx, s64 now, const void *arg,
			     struct ndp_out *out);

int ndpv6_core_start(struct ndpv6_dev *priv);
void ndpv6_core_stop(struct ndpv6_dev *priv);
int ndpv6_core_call(struct ndpv6_dev *priv, ndpv6_core_fn fn, const void *arg);
int ndpv6_core_group(struct ndpv6_dev *priv, const struct in6_addr *grp,
		     bool join);
void ndpv6_core_next_config(struct ndpv6_dev *priv, struct ndp_config *cfg);
int ndpv6_core_set_next_config(struct ndpv6_dev *priv,
			       const struct ndp_config *cfg);
void ndpv6_core_set_mtu(struct ndpv6_dev *priv, u32 mtu);
int ndpv6_core_addrs(struct ndpv6_dev *priv, struct ndp_addr_info *ai,
		     int max);
struct ndp_addr_info *ndpv6_core_addrs_all(struct ndpv6_dev *priv, int *n);
bool ndpv6_core_stats(struct ndpv6_dev *priv, u64 *stats,
		      struct ndp_fill *fill);

#endif /* _NDPV6_CORE_GLUE_H */
