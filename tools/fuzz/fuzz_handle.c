// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: ndp_handle() on one arbitrary IPv6 packet, against a
 * context whose tables are already filled (fz_populate(): addresses valid
 * after DAD, a manual global address, neighbours in several states with a
 * packet queued, routers, prefixes, a group).  Built with
 * NDP_FUZZ_NO_CSUM so that mutations reach the parsers.
 *
 * Every input starts from the same snapshot of that context (the tables
 * are carved inside the context's own memory, so restoring it is a copy
 * into the same place).  After the call: the handle came back exactly once,
 * every frame out is well-formed with a correct checksum, the tables are
 * consistent; then a tick at the next deadline if it is within 2 s, and a
 * final ndp_flush() that must give back every packet still queued.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static struct fz F;
static void *snap;
static struct fz_pkt *snap_pkts;
static u64 snap_rng;
static s64 snap_now;
static u32 snap_held;

static void setup(void)
{
	fz_init(&F, NULL);
	fz_populate(&F);
	snap = malloc(F.size);
	snap_pkts = malloc(FZ_NPKT * sizeof(*snap_pkts));
	if (!snap || !snap_pkts)
		abort();
	memcpy(snap, F.mem, F.size);
	memcpy(snap_pkts, F.pkts, FZ_NPKT * sizeof(*snap_pkts));
	snap_rng = F.rng;
	snap_now = F.now;
	snap_held = F.n_held;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	s64 d;

	if (size > NF_MAX)
		return -1;
	if (!snap)
		setup();
	memcpy(F.mem, snap, F.size);
	memcpy(F.pkts, snap_pkts, FZ_NPKT * sizeof(*snap_pkts));
	F.rng = snap_rng;
	F.now = snap_now;
	F.n_held = snap_held;
	F.step = 1;
	/*
	 * The low bit of the Flow Label (the core never reads it) says
	 * whether the frame came as a link-layer multicast.
	 */
	fz_handle(&F, data, (u32)size, (u32)size,
		  size >= 4 && (data[3] & 1) ? NDP_PKT_L2_MCAST : 0);
	fz_check_tables(&F);
	F.step = 2;
	d = ndp_next_deadline(F.ctx);
	if (d <= F.now + 2 * NDP_NSEC_PER_SEC) {
		fz_tick(&F, d);
		fz_check_tables(&F);
	}
	F.step = 3;
	fz_flush(&F);
	fz_check_tables(&F);
	return 0;
}
