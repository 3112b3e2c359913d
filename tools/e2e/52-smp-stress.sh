#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Stress on every CPU (`make check-smp E2E=52`: two CPUs, lockdep, KCSAN):
# traffic both ways through ndp0 from two CPUs at once while the control
# plane churns, then teardown under the same load.  It also runs on one
# CPU (UML), with less churn.
#
# Load (stress-load.py side, one per namespace): a server (TCP and UDP
# echo) and two clients pinned to CPU 0 and CPU 1 (as taskset -c; both to
# CPU 0 when there is one), each an endless round of a TCP exchange of
# 16 KiB, a UDP datagram and an ICMPv6 echo, all answered, then 20 ms of
# pause: the host's clients send through ndp0's xmit, the peer's arrive
# through the rx handler (their echo requests answered by the core, or by
# the kernel while reply-echo is off).  The clients reconnect through every
# disruption.
#
# First the neighbour cache (max-nbrs 10,000) is filled by an NS flood
# from 10,000 sources, then, with the load running, two dumps of it at
# once (ndpv6ctl neigh show) while ndpv6ctl adds and deletes a prefix and
# an address and sets parameters: both complete (exit 0, not flagged
# NLM_F_DUMP_INTR four times in a row), 9,000 entries or more.  Then the
# churn, in cycles for CHURN seconds (30 with two CPUs, 20 with one; one
# cycle at least), each:
#  - the peer's ND churn (ndp-frames.py rounds): RAs of 20 routers with 4
#    prefixes each (routers, prefixes, SLAAC addresses: the mirror's
#    rtnetlink work) and NS from 1,000 new sources (evictions), while
#    ndpv6ctl adds a router, a prefix and an address, sets accept-ra,
#    reply-echo and dad-transmits off and back, and deletes the three;
#  - the lower's carrier off and on (the peer's veth0 down and up);
#  - MTU 1400 on the lower, then 1500 again (and on ndp0);
#  - new capacities (max-routers, -prefixes, -addrs, alternating), in
#    force after ndp0 down and up;
#  - a new MAC on the lower (a new core), then the old one (another);
#  - and the traffic resumes: every client has had a TCP, a UDP and an
#    echo exchange succeed after the cycle (within 20 s; the time logged).
#
# Then, with the load stopped (SIGSTOP) and the link quiet, ndp0's counters
# account for every packet given to the core since ndp0 was created,
# down/ups and new cores included (Documentation/ndpv6/glue.rst,
# "Counters"), read from debugfs in a moment when nothing moves:
#   GLUE_RX_TO_CORE = rx_packets + GLUE_RX_CONSUMED + GLUE_RX_CORE_DROPPED
#   rx_dropped = GLUE_RX_CORE_DROPPED + GLUE_RX_PULL_FAILED
#                + GLUE_RX_UNSHARE_FAILED
#   GLUE_TX_TO_CORE = tx_packets + GLUE_TX_DROP_* + GLUE_TX_LOWER_REFUSED
#                     + TABLE_QUEUED (0 when read)
#   tx_dropped >= GLUE_TX_DROP_* + GLUE_TX_LOWER_REFUSED + GLUE_TX_NOT_IPV6
#                 + GLUE_TX_NO_HEADROOM + GLUE_TX_DOWN (6.12's noop qdisc
#                 adds what it drops while ndp0 is down or has no carrier)
#
# Teardown under load: `ip link del ndp0` with the traffic running (the
# module then holds no reference, debugfs lists no device), ndp0 made
# again (traffic resumes), `rmmod ndpv6` with the traffic running (when
# the harness gives NDPV6_KO: insmod again, ndp0 made again, traffic
# resumes).  On that new ndp0, never down since it was made, the same
# identities hold and the core's counters agree with the glue's:
# RX_PACKETS = GLUE_RX_TO_CORE, RX_DELIVERED = rx_packets, the core's
# receive drop rules sum to GLUE_RX_CORE_DROPPED, and each
# GLUE_TX_DROP_<reason> is within the core's counters of that reason.
# Last, ndp0 deleted: /sys/module/ndpv6/refcnt is 0 (the module has no
# kmem_cache of its own to look at) and debugfs lists no device.  Lockdep,
# KCSAN and the kernel's other reports are the harness's (console_check.py).
#
# Python starts slowly under TCG (7 s alone, more beside the load), so the
# test starts three for good (a load per side, the peer's ND churn) and
# reads the kernel's counters with bash builtins (debugfs, /proc/net/dev).
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | stress-load.py side:    |    | stress-load.py side:         |
#    |  server, 2 clients      |    |  server, 2 clients           |
#    |  (CPU 0, 1)             |    |  (CPU 0, 1)                  |
#    |  -> HOST_LL%veth0       |    |  -> PEER_LL%ndp0             |
#    | ndp-frames.py rounds:   |    | veth1 52:54:00:12:34:56      |
#    |  NS fill, RAs + NS      |    |  (MTU, MAC changed)          |
#    | veth0 (down, up)        |----|  ndp0 (type ndpv6 on veth1)  |
#    | fe80::5054:ff:feab:cdef |    |  ndpv6ctl writes, dumps      |
#    +-------------------------+    +------------------------------+
#
# timeout: 420
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

LOAD=$E2E_DIR/stress-load.py
PORT=5252
NBRS=10000
OTHER_MAC=52:54:00:12:34:57
NCPU=$(nproc)
# The clients pause 20 ms between rounds: unpaced they take every CPU,
# and the churn's commands wait for one most of the time.
PAUSE=0.02
if [ "$NCPU" -gt 1 ]; then
	CPUS=(0 1)
	CHURN=30
else
	CPUS=(0 0)
	CHURN=20
fi
mkdir -p /run/ndpv6
work=$(mktemp -d /run/ndpv6/52.XXXXXX)
LOADS=()
STATUS=()
trap 'stop_pids "${LOADS[@]}"; e2e_cleanup; rm -rf "$work"' EXIT

# E, E2 and D are filled through namerefs
# shellcheck disable=SC2034
declare -A E E2 D

# ------------------------------------------------------------------ load

# load_start [--paused]: each side's load (stress-load.py side: a server
# and a client per CPU of CPUS, pinned), its status files in STATUS.
load_start() {
	local side dst

	LOADS=()
	STATUS=()
	for side in host peer; do
		dst=$PEER_LL%ndp0
		[ $side = host ] || dst=$HOST_LL%veth0
		rm -f "$work/$side"-*
		nsq_bg $side python3 "$LOAD" side "$dst" $PORT "$work/$side" \
			"${CPUS[0]},${CPUS[1]}" --pause $PAUSE "$@"
		LOADS+=("$!")
		STATUS+=("$work/$side-1" "$work/$side-2")
	done
}

# load_stop: every client stopped (each writes its status a last time).
load_stop() {
	stop_pids "${LOADS[@]}"
	LOADS=()
}

# resumed SINCE_US: every client has had a TCP, a UDP and an echo exchange
# succeed after SINCE_US (its status file: see stress-load.py).
resumed() {
	local f lt lu le

	for f in "${STATUS[@]}"; do
		[ -r "$f" ] || return 1
		read -r _ _ _ lt lu le _ <"$f" || return 1
		[ "$lt" -gt "$1" ] && [ "$lu" -gt "$1" ] && [ "$le" -gt "$1" ] ||
			return 1
	done
}

# wait_resumed WHAT [SECONDS]: the traffic resumes within SECONDS (20) of
# now.
wait_resumed() {
	local t0=${EPOCHREALTIME/./} limit=${2:-20}

	if ! poll_until "$limit" resumed "$t0"; then
		show_load
		fail "$1: the traffic did not resume within $limit s"
	fi
	log "$1: traffic resumed in $(( (${EPOCHREALTIME/./} - t0) / 1000 )) ms"
}

# show_load: each client's counts.
show_load() {
	local f tcp udp echo err bytes

	for f in "${STATUS[@]}"; do
		read -r tcp udp echo _ _ _ err bytes <"$f" || continue
		log "  ${f##*/}: tcp $tcp ($((bytes / 1024)) KiB) udp $udp" \
		    "echo $echo, errors $err"
	done
}

# load_totals: "TCP UDP ECHO ERRORS KIB" over every client.
load_totals() {
	local f tcp udp echo err bytes tt=0 tu=0 te=0 terr=0 tb=0

	for f in "${STATUS[@]}"; do
		read -r tcp udp echo _ _ _ err bytes <"$f" || continue
		tt=$((tt + tcp)) tu=$((tu + udp)) te=$((te + echo))
		terr=$((terr + err)) tb=$((tb + bytes))
	done
	echo "$tt $tu $te $terr $((tb / 1024))"
}

# --------------------------------------------------------------- counters

# dbgstats ARRAY: ndp0's counters and tables' fill from debugfs into
# ARRAY, named as ethtool -S names them (the core's as they are,
# TABLE_<name>, GLUE_<name>): read with builtins, no process started (each
# costs seconds under TCG).
dbgstats() {
	local -n _s=$1
	local line cur=

	_s=()
	while IFS= read -r line; do
		if [[ $line != " "* ]]; then
			cur=${line%% *}
		elif [ "$cur" = ndp0 ] &&
		     [[ $line =~ ^\ +(core|table|glue)\ ([A-Z0-9_]+)\ ([0-9]+)$ ]]; then
			case ${BASH_REMATCH[1]} in
			core)	_s["${BASH_REMATCH[2]}"]=${BASH_REMATCH[3]} ;;
			table)	_s["TABLE_${BASH_REMATCH[2]}"]=${BASH_REMATCH[3]} ;;
			glue)	_s["GLUE_${BASH_REMATCH[2]}"]=${BASH_REMATCH[3]} ;;
			esac
		fi
	done <"$NDPV6_DEBUGFS"
	[ -n "${_s[GLUE_RX_TO_CORE]+set}" ] || fail "no counters of ndp0 in debugfs"
}

# same A B: no counter moved between snapshots A and B.
same() {
	local -n _x=$1 _y=$2
	local k

	for k in "${!_x[@]}"; do
		[ "${_x[$k]}" = "${_y[$k]:-}" ] || return 1
	done
}

# snapshot: ndp0's counters into E and its own statistics into D, in a
# moment when nothing moved and the core held no packet (the link is quiet
# but for the peer's NUD and MLD and TCP's timers, which may send a packet
# at any time).
snapshot() {
	local i

	for ((i = 0; i < 50; i++)); do
		dbgstats E
		devstats host ndp0 D
		dbgstats E2
		same E E2 && [ "${E[TABLE_QUEUED]}" -eq 0 ] && return 0
		nap 0.3
	done
	fail "ndp0's counters would not stay still for a snapshot"
}

# sum NAME...: the sum of those counters of E.
sum() {
	local n s=0

	for n in "$@"; do
		[ -n "${E[$n]+set}" ] || fail "ndp0 has no counter $n"
		s=$((s + E[$n]))
	done
	echo "$s"
}

# identity WHAT LEFT RIGHT: LEFT = RIGHT, or fail.
identity() {
	log "  $1: $2 = $3"
	[ "$2" -eq "$3" ] || fail "$1: $2, not $3"
}

TX_DROPS=(GLUE_TX_DROP_BAD_PACKET GLUE_TX_DROP_NO_ROUTE
	  GLUE_TX_DROP_NO_NEIGHBOUR GLUE_TX_DROP_QUEUE_FULL
	  GLUE_TX_DROP_UNREACHABLE GLUE_TX_DROP_EVICTED GLUE_TX_DROP_FLUSHED
	  GLUE_TX_DROP_NO_ROOM)

# glue_identities: every packet given to the core accounted for, per
# direction, since ndp0 was created (the snapshot in E and D).
glue_identities() {
	local drops

	drops=$(sum "${TX_DROPS[@]}")
	log "ndp0: rx ${D[rx_packets]} packets, ${D[rx_dropped]} dropped;" \
	    "tx ${D[tx_packets]} packets, ${D[tx_dropped]} dropped"
	log "  to the core: rx ${E[GLUE_RX_TO_CORE]} (consumed" \
	    "${E[GLUE_RX_CONSUMED]}, dropped ${E[GLUE_RX_CORE_DROPPED]})," \
	    "tx ${E[GLUE_TX_TO_CORE]} (dropped $drops, refused by the lower" \
	    "${E[GLUE_TX_LOWER_REFUSED]})"
	identity "rx: taken = delivered + consumed + dropped" \
		"${E[GLUE_RX_TO_CORE]}" \
		$((D[rx_packets] + E[GLUE_RX_CONSUMED] + E[GLUE_RX_CORE_DROPPED]))
	identity "rx_dropped = the glue's reasons" "${D[rx_dropped]}" \
		"$(sum GLUE_RX_CORE_DROPPED GLUE_RX_PULL_FAILED \
		       GLUE_RX_UNSHARE_FAILED)"
	identity "tx: taken = sent + dropped + refused + queued" \
		"${E[GLUE_TX_TO_CORE]}" \
		$((D[tx_packets] + drops + E[GLUE_TX_LOWER_REFUSED] +
		   E[TABLE_QUEUED]))
	# 6.12's noop qdisc (ndp0 down, or without carrier) counts what it
	# drops in tx_dropped too: those never reach ndp0's xmit
	drops=$(sum "${TX_DROPS[@]}" GLUE_TX_LOWER_REFUSED GLUE_TX_NOT_IPV6 \
		    GLUE_TX_NO_HEADROOM GLUE_TX_DOWN)
	log "  tx_dropped ${D[tx_dropped]} = the glue's reasons $drops +" \
	    "the kernel's before ndp0's xmit $((D[tx_dropped] - drops))"
	[ "${D[tx_dropped]}" -ge "$drops" ] ||
		fail "tx_dropped ${D[tx_dropped]}, less than the glue's $drops"
}

# The core's receive drop rules: each packet of ndp_handle() given back
# NDP_DONE_RX_DROPPED moved exactly one of these (module/core/rx.c).
RX_DROP_RULES=(IP6_TRUNCATED IP6_VERSION IP6_SRC_MCAST IP6_NOT_FOR_US
	IP6_LOOPBACK IP6_MCAST_SCOPE EXT_HBH_NOT_FIRST EXT_TRUNCATED
	EXT_TOO_MANY EXT_OPT_DISCARD EXT_OPT_PARAMPROB EXT_ROUTING
	EXT_PAD_TOO_LONG EXT_PADN_NOT_ZERO EXT_OPTS_TOO_MANY ICMP_TRUNCATED
	ICMP_CSUM ND_IN_FRAGMENT ND_HOPLIMIT ND_CODE ND_LEN ND_OPT_ZERO_LEN
	ND_OPT_OVERRUN ND_OPT_BAD NS_TARGET_MCAST NS_DAD_BAD_DST NS_DAD_SLLA
	NA_TARGET_MCAST NA_SOLICITED_MCAST RS_UNSPEC_SLLA RA_SRC_NOT_LL
	RA_IGNORED REDIRECT_SRC_NOT_LL REDIRECT_DST_MCAST REDIRECT_BAD_TARGET
	REDIRECT_NOT_FIRST_HOP)

# within GLUE CORE...: the glue's count of a drop reason is at most the
# core's counters of it (which also count the core's own frames).
within() {
	local g=${E[$1]} c

	shift
	c=$(sum "$@")
	log "  ${g} <= $c: $*"
	[ "$g" -le "$c" ] || fail "$g packets of ndp0 dropped, more than $*"
}

# core_identities: on an ndp0 whose core has run since it was made, the
# core's counters agree with the glue's.
core_identities() {
	identity "the core's RX_PACKETS = GLUE_RX_TO_CORE" "${E[RX_PACKETS]}" \
		"${E[GLUE_RX_TO_CORE]}"
	identity "the core's RX_DELIVERED = rx_packets" "${E[RX_DELIVERED]}" \
		"${D[rx_packets]}"
	identity "the core's receive drop rules = GLUE_RX_CORE_DROPPED" \
		"$(sum "${RX_DROP_RULES[@]}")" "${E[GLUE_RX_CORE_DROPPED]}"
	[ $((E[RX_ND] + E[RX_ECHO])) -le "${E[GLUE_RX_CONSUMED]}" ] ||
		fail "more ND and echo acted on than packets consumed"
	within GLUE_TX_DROP_BAD_PACKET TX_BAD_PACKET
	within GLUE_TX_DROP_NO_ROUTE TX_NO_ROUTE
	within GLUE_TX_DROP_NO_NEIGHBOUR NBR_TABLE_FULL NBR_INCOMPLETE_QUOTA \
		NBR_RATE_LIMITED
	within GLUE_TX_DROP_QUEUE_FULL QUEUE_OVERFLOW QUEUE_TOTAL_OVERFLOW
	within GLUE_TX_DROP_UNREACHABLE QUEUE_RESOLUTION_FAILED
	within GLUE_TX_DROP_EVICTED QUEUE_EVICTED
	within GLUE_TX_DROP_FLUSHED QUEUE_FLUSHED
	within GLUE_TX_DROP_NO_ROOM TX_OUT_FULL
}

# no_device: debugfs lists no ndpv6 device (the module may be gone).
no_device() {
	local line

	[ -r "$NDPV6_DEBUGFS" ] || return 0
	while IFS= read -r line; do
		[[ $line == " "* ]] || return 1
	done <"$NDPV6_DEBUGFS"
}

# refcnt_zero: the module is loaded and holds no reference.
refcnt_zero() {
	local n

	read -r n </sys/module/ndpv6/refcnt
	log "/sys/module/ndpv6/refcnt: $n"
	[ "$n" = 0 ]
}

# ------------------------------------------------------------------ churn

# nbrs_at_least N: the neighbour cache holds N entries or more.
nbrs_at_least() {
	local -A t

	dbgstats t
	[ "${t[TABLE_NBRS]:-0}" -ge "$1" ]
}

# dump_check RC FILE T0_US: the dump into FILE exited RC: complete (exit 0,
# not flagged NLM_F_DUMP_INTR four times in a row); its size goes to
# DUMP_MAX if larger.
DUMP_MAX=0
DUMPS=0
dump_check() {
	local n

	n=$(wc -l <"$2")
	log "neigh dump: $n entries in $(( (${EPOCHREALTIME/./} - $3) / 1000 ))" \
	    "ms, exit $1"
	[ "$1" -eq 0 ] || { cat "$2.err"; fail "ndpv6ctl neigh show: $1"; }
	[ "$n" -le "$DUMP_MAX" ] || DUMP_MAX=$n
	DUMPS=$((DUMPS + 1))
}

# dumps: two dumps of the full cache at once, beside the traffic and
# ndpv6ctl's writes (none of which adds or removes a neighbour: a dump
# that sees the table change is taken again).
dumps() {
	local t0=${EPOCHREALTIME/./} d1 d2 rc=0

	"$NDPV6CTL" -n host neigh show ndp0 >"$work/dump1" 2>"$work/dump1.err" &
	d1=$!
	"$NDPV6CTL" -n host neigh show ndp0 >"$work/dump2" 2>"$work/dump2.err" &
	d2=$!
	run ctl prefix add ndp0 2001:db8:52::/64 valid 600
	run ctl addr add ndp0 2001:db8:52::1/64
	run ctl params set ndp0 accept-ra off reply-echo off dad-transmits 0
	run ctl params set ndp0 accept-ra on reply-echo on dad-transmits 1
	run ctl prefix del ndp0 2001:db8:52::/64
	run ctl addr del ndp0 2001:db8:52::1
	wait "$d1" || rc=$?
	dump_check $rc "$work/dump1" "$t0"
	rc=0
	wait "$d2" || rc=$?
	dump_check $rc "$work/dump2" "$t0"
}

# said TEXT: the rounds process (ndp-frames.py rounds) printed a line
# starting with TEXT; it goes to SAID.
said() {
	local line

	while IFS= read -r line; do
		[[ $line == "$1"* ]] && { SAID=$line; return 0; }
	done <"$work/rounds"
	return 1
}

# cycle N: one cycle of the churn (above).
cycle() {
	local n=$1

	log "--- churn cycle $n"
	# RAs and NS from the peer (ndp-frames.py rounds), beside what follows
	kill -USR1 "$ROUNDS"
	run ctl router add ndp0 fe80::52 lifetime 600
	run ctl prefix add ndp0 2001:db8:52::/64 valid 600
	run ctl addr add ndp0 "2001:db8:52::$n/64"
	run ctl params set ndp0 accept-ra off reply-echo off dad-transmits 0
	nap 0.5
	run ctl params set ndp0 accept-ra on reply-echo on dad-transmits 1
	run ctl router del ndp0 fe80::52
	run ctl prefix del ndp0 2001:db8:52::/64
	run ctl addr del ndp0 "2001:db8:52::$n"

	# the round is over before the peer's end goes down (it would fail)
	wait_until 60 said "round $n done"
	log "$SAID"
	run ip -n peer link set veth0 down
	nap 0.5
	run ip -n peer link set veth0 up

	# each batch one process: processes are slow under TCG
	log "lower MTU 1400, then 1500 (ndp0's too)"
	ip -n host -batch - <<-EOC
		link set veth1 mtu 1400
		link set veth1 mtu 1500
		link set ndp0 mtu 1500
	EOC
	if ((n % 2)); then
		run ctl params set ndp0 max-routers 32 max-prefixes 128 max-addrs 32
	else
		run ctl params set ndp0 max-routers 16 max-prefixes 64 max-addrs 16
	fi
	log "ndp0 down and up; a new MAC on the lower, then the old one"
	ip -n host -batch - <<-EOC
		link set ndp0 down
		link set ndp0 up
		link set veth1 address $OTHER_MAC
		link set veth1 address $HOST_MAC
	EOC
	wait_resumed "cycle $n"
}

# ------------------------------------------------------------------- test

log "$NCPU CPU(s): clients on CPUs ${CPUS[*]}, churn for $CHURN s"
ndp0_link quiet
# in force when ndp0 comes up
run ctl params set ndp0 max-nbrs $NBRS
# Python starts slowly under TCG: the load and the peer's ND churn start
# now, beside ndp0's start.  The load stays stopped until the neighbour
# cache is full (it fills fastest alone: 840 NS/s under TCG, 140 beside
# the load).  The churn is one process for the whole test (ndp-frames.py
# rounds): first it fills the cache (bursts of the flood may exceed the
# softirq backlog, as in 36-ndpv6ctl-neigh-10k), then a round of RAs and
# NS at each cycle.
load_start --paused
sysctl -qw net.core.netdev_max_backlog=10000
nsq_bg peer python3 "$FRAMES" rounds veth0 "$HOST_MAC" "$HOST_LL" 20 4 \
	--fill $NBRS --count 1000 >"$work/rounds" 2>&1
ROUNDS=$!
E2E_PIDS+=("$ROUNDS")
ndp0_up host
wait_until 5 has_addr peer veth0 "$PEER_LL"
wait_until 60 said "rounds: ready"

t0=${EPOCHREALTIME/./}
kill -USR1 "$ROUNDS"
wait_until 90 said "fill:"
log "$SAID"
wait_until 90 nbrs_at_least $((NBRS * 9 / 10))
log "neighbour cache filled in $(( (${EPOCHREALTIME/./} - t0) / 1000 )) ms"

kill -USR2 "${LOADS[@]}"
wait_resumed "load started" 60

t_churn=$EPOCHREALTIME
end=$(( ${t_churn/./} + CHURN * 1000000 ))
dumps
n=0
while [ $n -eq 0 ] || [ "${EPOCHREALTIME/./}" -lt "$end" ]; do
	n=$((n + 1))
	cycle "$n"
done
secs=$(( (${EPOCHREALTIME/./} - ${t_churn/./}) / 1000000 ))
read -r tcp udp echo errors kib < <(load_totals)
log "churn: $n cycles in $secs s; traffic meanwhile: tcp $tcp exchanges" \
    "($kib KiB each way, $((kib / secs)) KiB/s), udp $udp, echo $echo" \
    "($(( (tcp + udp + echo) / secs )) exchanges/s), $errors errors"
show_load
log "$DUMPS dumps of the neighbour cache, the largest $DUMP_MAX entries"
[ "$DUMP_MAX" -ge $((NBRS * 9 / 10)) ] ||
	fail "no dump listed $((NBRS * 9 / 10)) neighbours or more"

# The clients stopped (SIGUSR1: SIGSTOP, no new python start, slow under
# TCG), the link quiet: ndp0's counters since it was made.
kill -USR1 "${LOADS[@]}"
log "load stopped: ndp0's counters since it was made"
snapshot
glue_identities
kill -USR2 "${LOADS[@]}"

log "--- teardown under load"
wait_resumed "load again"
run ip -n host link del ndp0
refcnt_zero || fail "the module holds references with ndp0 deleted"
wait_until 10 no_device
run ip -n host link add link veth1 name ndp0 type ndpv6
ndp0_up host
wait_resumed "ndp0 made again"

if [ -n "${NDPV6_KO:-}" ] && [ -f "$NDPV6_KO" ]; then
	run rmmod ndpv6
	# The test build runs its KUnit suites at load: their KTAP stays off
	# the console, where the harness reads the e2e suite (as in 12).
	level=$(awk '{ print $1 }' /proc/sys/kernel/printk)
	dmesg -n 5
	rc=0
	insmod "$NDPV6_KO" || rc=$?
	dmesg -n "$level"
	[ "$rc" -eq 0 ] || fail "insmod $NDPV6_KO: $rc"
	run ip -n host link add link veth1 name ndp0 type ndpv6
	ndp0_up host
	wait_resumed "rmmod, insmod, ndp0 made again"
else
	log "NDPV6_KO not set: no rmmod under load"
fi
nap 2
load_stop
show_load
log "load stopped: the new ndp0's counters, the core's and the glue's"
snapshot
glue_identities
core_identities

run ip -n host link del ndp0
wait_until 10 no_device
refcnt_zero || fail "the module holds references with ndp0 deleted"
