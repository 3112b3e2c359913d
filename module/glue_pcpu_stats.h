/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The glue's per-CPU counters: those the datapath moves for packets, kept
 * per CPU so that CPUs receiving and sending at once do not share them.
 * A list of NDPV6_GLUE_PCPU(name, description) for the includer to define
 * (an "X-include", as glue_stats.h): enum ndpv6_glue_pcpu_stat
 * (NDPV6_PCPU_<name>, module/device.h).  ethtool -S (as GLUE_<name>) and
 * debugfs show them after glue_stats.h's.  With ndp0's own statistics
 * they account for every packet given to the core, per direction
 * (Documentation/ndpv6/glue.rst, "Counters").  Append only.
 */
NDPV6_GLUE_PCPU(RX_TO_CORE, "frames of the lower the core took")
NDPV6_GLUE_PCPU(RX_CONSUMED, "taken frames the core used up (ND, echo)")
NDPV6_GLUE_PCPU(RX_CORE_DROPPED, "taken frames the core dropped")
NDPV6_GLUE_PCPU(RX_UNSHARE_FAILED, "rx: no memory to unshare a frame")
NDPV6_GLUE_PCPU(TX_TO_CORE, "ndp0's packets the core took")
NDPV6_GLUE_PCPU(TX_LOWER_REFUSED, "ndp0's packets the lower refused")
/* ndp0's packets the core gave back dropped, in enum ndp_done_reason's order */
NDPV6_GLUE_PCPU(TX_DROP_BAD_PACKET, "given back: NDP_DONE_BAD_PACKET")
NDPV6_GLUE_PCPU(TX_DROP_NO_ROUTE, "given back: NDP_DONE_NO_ROUTE")
NDPV6_GLUE_PCPU(TX_DROP_NO_NEIGHBOUR, "given back: NDP_DONE_NO_NEIGHBOUR")
NDPV6_GLUE_PCPU(TX_DROP_QUEUE_FULL, "given back: NDP_DONE_QUEUE_FULL")
NDPV6_GLUE_PCPU(TX_DROP_UNREACHABLE, "given back: NDP_DONE_UNREACHABLE")
NDPV6_GLUE_PCPU(TX_DROP_EVICTED, "given back: NDP_DONE_EVICTED")
NDPV6_GLUE_PCPU(TX_DROP_FLUSHED, "given back: NDP_DONE_FLUSHED")
NDPV6_GLUE_PCPU(TX_DROP_NO_ROOM, "given back: NDP_DONE_NO_ROOM")
