# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers for the end-to-end tests in tools/e2e/.
#
# Conventions for a test, tools/e2e/NN-name.sh:
#  - It opens with a comment that draws its topology, e.g.
#
#        ns "a"                        ns "b"
#    +-----------+                +-----------+
#    |  veth0    |----------------|  veth1    |
#    | fe80::... |                | fe80::... |
#    +-----------+                +-----------+
#
#  - It sources this file, the one helper library, in one way:
#        # shellcheck source=tools/e2e/lib.sh
#        . "${0%/*}/lib.sh"
#    builds its namespaces with ns_add or ndp0_setup (they are deleted on
#    exit, pass or fail, after the processes it started with bg) and exits
#    0 to pass, 77 to skip (skip), anything else to fail (fail, or any
#    command failing under set -e).
#  - A line "# timeout: SECONDS" in its header overrides the default
#    per-test timeout of the runner (60 s); a line "# timeout-scale: VAR
#    F" adds F times $VAR seconds when the environment has VAR (a test
#    whose length a variable sets: 54-netlink-fuzz).
#  - It runs as root inside the UML test kernel (tools/harness/uml-init.sh),
#    or a stock Debian kernel under QEMU (tools/harness/qemu-init.sh: the
#    root is read-only there, /run, /tmp (HOME) and /var/tmp are tmpfs),
#    with the module loaded; it must not wait out protocol defaults: shorten
#    timers through sysctls, radvd and ND parameters instead.
#  - Every process started in UML is slow (about 50 ms idle, up to a second
#    on a loaded machine): prefer bash builtins to dirname, sed, awk, sleep;
#    the helpers below do.
#  - Output goes to stdout/stderr; the runner shows it as KTAP diagnostics.
set -euo pipefail

E2E_DIR=$(cd "${BASH_SOURCE[0]%/*}" && pwd)
E2E_REPO=${E2E_DIR%/tools/e2e}
NDPV6CTL=${NDPV6CTL:-$E2E_REPO/build/ndpv6ctl/ndpv6ctl}
# shellcheck disable=SC2034	# for the tests
FRAMES=$E2E_DIR/ndp-frames.py
NDPV6_DEBUGFS=/sys/kernel/debug/ndpv6/devices

# The standard topology's addresses (ndp0_setup): ndp0's lower veth1 in
# "host", its peer veth0 in "peer"; link-local addresses are the
# modified EUI-64 of the MACs (RFC 4291 appendix A).
HOST_MAC=52:54:00:12:34:56
HOST_LL=fe80::5054:ff:fe12:3456
PEER_MAC=52:54:00:ab:cd:ef
PEER_LL=fe80::5054:ff:feab:cdef
# shellcheck disable=SC2034	# for the tests
SLAAC=2001:db8:1:0:5054:ff:fe12:3456	# 2001:db8:1::/64 + EUI-64, radvd's

E2E_NAMESPACES=()
E2E_PIDS=()
# A process in each namespace, for its /proc/PID/net files (holder).
declare -A E2E_HOLDER
# A pipe nobody writes to: `read -t` on it is a sleep without a process.
exec {E2E_NAP_FD}<> <(:)
E2E_T0=${EPOCHREALTIME/./}

# Profiling: with NDPV6_E2E_TRACE=DIR in the environment (`make check
# E2E_TRACE=1` puts it on UML's command line), every command the test runs
# goes to DIR/NAME.trace with its wall-clock time, for finding where the
# seconds go (the trace itself slows the test a little).
if [ -n "${NDPV6_E2E_TRACE:-}" ] && [ -d "$NDPV6_E2E_TRACE" ]; then
	exec {BASH_XTRACEFD}>>"$NDPV6_E2E_TRACE/${0##*/}.trace"
	PS4='+ ${EPOCHREALTIME} ${BASH_SOURCE[0]##*/}:${LINENO}: '
	set -x
fi

# e2e_elapsed: "[S.D s]", the time since the test started: UML is slow on
# a loaded machine, and the times in the log show where a test spends it.
# (E2E_ELAPSED= the same without a subshell.)
e2e_elapsed() {
	local us=$(( ${EPOCHREALTIME/./} - E2E_T0 ))

	printf -v E2E_ELAPSED '[%d.%d s]' $((us / 1000000)) \
		$((us / 100000 % 10))
}

# Print what is about to run, with the time, then run it.
run() {
	e2e_elapsed
	echo "+ $E2E_ELAPSED $*"
	"$@"
}

log() {
	e2e_elapsed
	echo "# $E2E_ELAPSED $*"
}

# nap SECONDS: sleep (fractions allowed) without starting a process.
nap() {
	read -r -t "$1" -u "$E2E_NAP_FD" _ || true
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

# ns_add NAME...: create network namespaces with lo up; deleted on exit.
ns_add() {
	local ns

	for ns in "$@"; do
		ip netns add "$ns"
		E2E_NAMESPACES+=("$ns")
		ip -n "$ns" link set lo up
	done
}

# Run a command inside namespace NS: nsx NS CMD...
nsx() {
	local ns=$1

	shift
	ip netns exec "$ns" "$@"
}

# nsq NS CMD...: CMD in namespace NS's network only (nsenter --net: one
# setns, no mount namespace; /sys stays the init namespace's, so only for
# commands that do not read /sys: ping, sysctl, ethtool, python3 on
# sockets, tcpdump, radvd, /proc/net files).  It costs the same as nsx:
# measured in UML, 310-380 ms either way, two execs (an exec is ~110 ms,
# the mounts of `ip netns exec` are not what costs).  What it is for:
# nsq_bg below.
nsq() {
	local ns=$1

	shift
	nsenter --net="/run/netns/$ns" "$@"
}

# in_ns PID NS: process PID is in namespace NS (nsenter has done its
# setns): its /proc/PID/net files are NS's.
in_ns() {
	[ "/proc/$1/ns/net" -ef "/run/netns/$2" ]
}

# nsq_bg NS CMD...: nsq in the background, with $! the command itself.
# (`nsq NS CMD &` would make $! a subshell running the function: killing
# it leaves CMD running, flooding or holding NS after the test.)
nsq_bg() {
	local ns=$1

	shift
	nsenter --net="/run/netns/$ns" "$@" &
}

# stop_pids PID...: kill each process and reap it.
stop_pids() {
	local pid

	for pid in "$@"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
}

# bg CMD...: run CMD in the background, killed at exit (CMD may be nsq NS
# CMD...: then it is started with nsq_bg, so that the kill reaches it).
bg() {
	if [ "$1" = nsq ]; then
		shift
		nsq_bg "$@"
	else
		"$@" &
	fi
	E2E_PIDS+=("$!")
}

# Background processes die before the namespaces.
e2e_cleanup() {
	local ns

	stop_pids "${E2E_PIDS[@]}" "${E2E_HOLDER[@]}"
	E2E_PIDS=()
	E2E_HOLDER=()
	for ns in "${E2E_NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null || true
	done
	E2E_NAMESPACES=()
}
trap e2e_cleanup EXIT

# holder NS: a process in NS (a namespace lives as long as one is in it),
# whose /proc/PID/net files the helpers below read with builtins: no
# process per look.  holder_stop NS: stop it.
holder() {
	# not nsq: $! must be the process inside the namespace
	nsenter --net="/run/netns/$1" sleep 3600 &
	E2E_HOLDER[$1]=$!
	wait_until 5 in_ns "$!" "$1"
}

holder_stop() {
	stop_pids "${E2E_HOLDER[$1]}"
	unset "E2E_HOLDER[$1]"
}

# poll_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds (0);
# 1 when SECONDS pass first.
poll_until() {
	local limit=$1 deadline

	shift
	deadline=$(( ${EPOCHREALTIME/./} + limit * 1000000 ))
	until "$@" >/dev/null 2>&1; do
		[ "${EPOCHREALTIME/./}" -lt "$deadline" ] || return 1
		nap 0.1
	done
}

# wait_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds; fail
# the test with a message when SECONDS pass first.  Wait on the very
# condition the next assertion needs, not on another one that usually
# comes with it: the core's timers, the mirror's work and namespace
# cleanup run on their own time, later on a loaded machine.
wait_until() {
	local limit=$1

	shift
	poll_until "$limit" "$@" ||
		fail "timed out after ${limit}s waiting for: $*"
}

# kernel_mark: check_kernel looks at the kernel's log from here on.  The
# ring buffer is full by then (the KUnit suites' output) and rotates: a
# line of our own marks the place, not a line number.
kernel_mark() {
	E2E_KMARK="ndpv6-e2e: ${0##*/} $EPOCHREALTIME"
	echo "$E2E_KMARK" >/dev/kmsg
}

# check_kernel: fail when the kernel reported a problem since kernel_mark:
# a splat, a device that would not unregister, kernfs on a directory gone;
# lines that match the extended regex E2E_KERNEL_IGNORE (if set) aside.
check_kernel() {
	local out

	out=$(dmesg)
	[[ $out == *"$E2E_KMARK"* ]] || fail "the kernel's log lost the marker"
	out=${out##*"$E2E_KMARK"}
	if grep -E "unregister_netdevice: waiting|kernfs: can not remove|WARNING:|BUG:|Oops" <<<"$out" |
	   grep -vE "${E2E_KERNEL_IGNORE:-^$}"; then
		fail "the kernel reported a problem"
	fi
}

# veth_pair NS_A DEV_A NS_B DEV_B: a veth pair between two namespaces, up.
veth_pair() {
	ip link add "$2" netns "$1" up type veth peer name "$4" netns "$3"
	ip -n "$3" link set "$4" up
}

# ll_addr NS DEV: the link-local address of DEV (empty while there is none).
ll_addr() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2" scope link)
	[[ "$out" =~ inet6\ ([0-9a-f:]+)/ ]] && echo "${BASH_REMATCH[1]}"
	true
}

# ip6_hex ADDR: ADDR as the 32 hex digits of /proc/net/if_inet6 (builtins).
ip6_hex() {
	local a=${1,,} g out='' n
	local -a hd=() tl=()

	if [[ $a == *::* ]]; then
		IFS=: read -r -a hd <<<"${a%%::*}"
		IFS=: read -r -a tl <<<"${a#*::}"
	else
		IFS=: read -r -a hd <<<"$a"
	fi
	for g in "${hd[@]}"; do
		printf -v g '%04x' "0x$g"
		out+=$g
	done
	for ((n = ${#hd[@]} + ${#tl[@]}; n < 8; n++)); do
		out+=0000
	done
	for g in "${tl[@]}"; do
		printf -v g '%04x' "0x$g"
		out+=$g
	done
	echo "$out"
}

# no_tentative NS DEV: true once DEV has a link-local address and DAD has
# finished on all of its addresses.
no_tentative() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2")
	[[ "$out" == *"scope link"* && "$out" != *tentative* ]]
}

# has_addr NS DEV ADDR: ADDR/64 on DEV, not tentative.  From the holder's
# /proc/PID/net/if_inet6 ("ADDR IFINDEX PLEN SCOPE FLAGS DEV",
# IFA_F_TENTATIVE 0x40) when NS has one: no process per look; else from
# `ip -6 addr`.
has_addr() {
	local out hex addr plen flags dev

	if [ -z "${E2E_HOLDER[$1]:-}" ]; then
		out=$(ip -n "$1" -6 -o addr show dev "$2")
		[[ "$out" == *" $3/64 "* && "$out" != *tentative* ]]
		return
	fi
	hex=$(ip6_hex "$3")
	while read -r addr _ plen _ flags dev; do
		[ "$addr" = "$hex" ] && [ "$dev" = "$2" ] &&
			[ "$plen" = 40 ] && (( (0x$flags & 0x40) == 0 )) &&
			return 0
	done <"/proc/${E2E_HOLDER[$1]}/net/if_inet6"
	return 1
}

# lower_up NS DEV: DEV has LOWER_UP (its carrier); lower_down: not.
lower_up() {
	[[ $(ip -n "$1" -o link show dev "$2") == *[\<,]LOWER_UP[,\>]* ]]
}

lower_down() {
	! lower_up "$@"
}

# oper_up NS DEV: DEV's operstate is UP (what ndp0 reads of its lower).
oper_up() {
	[[ $(ip -n "$1" -o link show dev "$2") == *" state UP "* ]]
}

# ndp_stat DEV core|table|glue|time NAME: a counter of an ndpv6 device
# (debugfs: a line per device, then "  KIND NAME VALUE" lines; table: the
# fill of ethtool -S's TABLE_NAME), 0 if absent.
ndp_stat() {
	local line cur=

	while IFS= read -r line; do
		if [[ $line != " "* ]]; then
			cur=${line%% *}
		elif [ "$cur" = "$1" ] &&
		     [[ $line =~ ^\ +$2\ $3\ ([0-9]+) ]]; then
			echo "${BASH_REMATCH[1]}"
			return
		fi
	done <"$NDPV6_DEBUGFS"
	echo 0
}

# ------------------------------------------------------------- ndpv6ctl

# ctl ARGS...: ndpv6ctl in the host namespace (one process: -n).
ctl() {
	[ -x "$NDPV6CTL" ] || fail "$NDPV6CTL is missing: make ndpv6ctl"
	"$NDPV6CTL" -n host "$@"
}

# expect CODE PATTERN CMD...: CMD exits with CODE and its stderr matches
# the extended regular expression PATTERN.  (Builtins only but for CMD:
# a process costs much in UML, and the tests call this often.)
expect() {
	local code=$1 pattern=$2 rc=0 err line

	shift 2
	echo "+ $* (expect exit $code, /$pattern/)"
	err=$("$@" 2>&1 >/dev/null) || rc=$?
	[ -z "$err" ] || while IFS= read -r line; do
		echo "  stderr: $line"
	done <<<"$err"
	[ "$rc" = "$code" ] || fail "exit status $rc, expected $code: $*"
	[[ $err =~ $pattern ]] || fail "stderr does not match /$pattern/: $*"
}

# has TEXT PATTERN...: TEXT matches every extended regular expression
# (bash's own: no process per check).
has() {
	local text=$1 p

	shift
	for p in "$@"; do
		[[ $text =~ $p ]] || { echo "no /$p/ in: $text" >&2; return 1; }
	done
}

# ll_preferred: the core's link-local address passed DAD.
ll_preferred() {
	[[ $(ctl addr show ndp0) == *"inet6 $HOST_LL/64 scope link proto linklocal preferred "* ]]
}

# ndp0_bounce: ndp0 down and up (new capacities wait for it) until the
# link-local address is back.
ndp0_bounce() {
	ip -n host link set ndp0 down
	ip -n host link set ndp0 up
	wait_until 10 ll_preferred
}

# ndp0_params PARAM VALUE...: ndpv6ctl params set on ndp0, then
# ndp0_bounce.
ndp0_params() {
	run ctl params set ndp0 "$@"
	ndp0_bounce
}

# monitor_ready PID: the `ndpv6ctl monitor` of process PID has joined the
# events group, so that no event from now on can pass it by: its generic
# netlink socket (portid PID, in PID's namespace) lists a group in
# /proc/PID/net/netlink.  (That column shows group ids below 32; genetlink
# gives a family the lowest free ones, a handful here.)
monitor_ready() {
	local eth portid groups rest

	while read -r _ eth portid groups rest; do
		[ "$eth" = 16 ] && [ "$portid" = "$1" ] &&
			[ "$groups" != 00000000 ] && return 0
	done <"/proc/$1/net/netlink"
	return 1
}

# monitor_bg FILE ARG...: `ndpv6ctl ARG...` (a monitor) in the background,
# its output in FILE, joined to the events group when this returns.
monitor_bg() {
	bg "$NDPV6CTL" "${@:2}" >"$1"
	wait_until 10 monitor_ready "$!"
}

# ------------------------------------------------ the standard topology
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | Linux IPv6              |    | veth1 52:54:00:12:34:56      |
#    | veth0 52:54:00:ab:cd:ef |----|  (IPv6 off: disable_ipv6=1)  |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | (router: 2001:db8:1::1) |    |  fe80::5054:ff:fe12:3456/64  |
#    +-------------------------+    +------------------------------+

# lower_pair [NS]: veth0 in peer <-> veth1 in NS (default host), with the
# MACs drawn above, IPv6 off on veth1, both up.
lower_pair() {
	local ns=${1:-host}

	ip link add veth0 netns peer address "$PEER_MAC" type veth \
		peer name veth1 netns "$ns" address "$HOST_MAC"
	nsq "$ns" sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	ip -n peer link set veth0 up
	ip -n "$ns" link set veth1 up
}

# ndp0_link plain|quiet|router [NS]: the namespaces (with holders) and
# devices drawn above, ndp0 created but down, in NS (a namespace of its
# own, made here; default: host).  The peer is plain Linux IPv6, or
# quiet: no RS, no DAD, no RAs taken, so that the link is quiet once its
# MLD reports are out; or a router: forwarding, no DAD, 2001:db8:1::1/64
# (radvd_start adds the RAs).
ndp0_link() {
	local ns

	ns_add peer host ${2:+"$2"}
	for ns in peer host ${2:+"$2"}; do
		holder "$ns"
	done
	case $1 in
	plain) ;;
	quiet)
		nsq peer sysctl -qw net.ipv6.conf.default.accept_dad=0 \
			net.ipv6.conf.default.router_solicitations=0 \
			net.ipv6.conf.default.accept_ra=0 ;;
	router)
		nsq peer sysctl -qw net.ipv6.conf.default.accept_dad=0 \
			net.ipv6.conf.all.forwarding=1 ;;
	*)	fail "ndp0_link: plain, quiet or router, not '$1'" ;;
	esac
	lower_pair host
	# the lower's operstate follows its carrier through linkwatch, later
	# on a loaded SMP kernel: ndp0 must start on a link that is up
	wait_until 5 oper_up host veth1
	[ "$1" != router ] ||
		ip -n peer addr add 2001:db8:1::1/64 dev veth0 nodad
	run ip -n host link add link veth1 name ndp0 ${2:+netns "$2"} type ndpv6
}

# ndp0_up [NS]: ndp0 (in NS, default host) up, with its link-local
# address (DAD done, in the kernel's view) within 10 s.
ndp0_up() {
	local ns=${1:-host}

	run ip -n "$ns" link set ndp0 up
	wait_until 10 has_addr "$ns" ndp0 "$HOST_LL"
}

# mirror_setup ARRAY: ndp0_setup plain with a core that runs no DAD (its
# addresses reach the kernel at once); ethtool -S ndp0 into ARRAY.
mirror_setup() {
	ndp0_setup plain
	ndp0_params dad-transmits 0
	ethstats host ndp0 "$1"
}

# ndp0_setup plain|quiet|router [VALID PREFERRED ROUTER_LIFETIME]: ndp0_link,
# radvd_start (before ndp0 comes up, so that the core's first RS is
# answered at once) when a router has lifetimes, ndp0_up.  A quiet peer
# or a router has its link-local address usable at once (no DAD): waited
# for too.
ndp0_setup() {
	ndp0_link "$1"
	[ $# -lt 4 ] || radvd_start "$2" "$3" "$4"
	ndp0_up host
	[ "$1" = plain ] || wait_until 5 has_addr peer veth0 "$PEER_LL"
}

# radvd_start VALID PREFERRED ROUTER_LIFETIME: radvd on the peer's veth0,
# RAs every 3-4 s (and at once to an RS) for 2001:db8:1::/64 (on-link,
# autonomous) with these lifetimes, CurHopLimit 61, MTU 1400; RADVD_EXTRA
# is added to the interface's block (e.g. RDNSS and DNSSL blocks).
radvd_start() {
	local conf=/run/ndpv6/radvd-$$.conf

	command -v radvd >/dev/null || skip "radvd is not installed"
	mkdir -p /run/ndpv6
	cat >"$conf" <<EOC
interface veth0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 4;
	AdvDefaultLifetime $3;
	AdvCurHopLimit 61;
	AdvLinkMTU 1400;
	prefix 2001:db8:1::/64 {
		AdvOnLink on;
		AdvAutonomous on;
		AdvValidLifetime $1;
		AdvPreferredLifetime $2;
	};
${RADVD_EXTRA:-}
};
EOC
	# not nsq: $! must be radvd itself (nsenter execs it)
	nsenter --net=/run/netns/peer radvd -n -C "$conf" \
		-p "/run/ndpv6/radvd-$$.pid" -m stderr &
	RADVD_PID=$!
	E2E_PIDS+=("$RADVD_PID")
}

# ------------------------------------------ the kernel's view of ndp0

# addr_line ADDR: ndp0's line for ADDR in `ip -6 -o addr` (empty if none).
addr_line() {
	local line

	while IFS= read -r line; do
		[[ $line == *" $1/"* ]] && echo "$line"
	done < <(ip -n host -6 -o addr show dev ndp0)
	true
}

has_kaddr() {
	[ -n "$(addr_line "$1")" ]
}

no_kaddr() {
	[ -z "$(addr_line "$1")" ]
}

# kaddr_preferred ADDR: the kernel has ADDR, not deprecated (a new SLAAC
# address is there deprecated while its optimistic DAD runs).
kaddr_preferred() {
	local line

	line=$(addr_line "$1")
	[ -n "$line" ] && [[ $line != *" deprecated "* ]]
}

# has_route PATTERN: `ip -6 route show dev ndp0` has a line matching it.
has_route() {
	[[ $'\n'$(ip -n host -6 route show dev ndp0)$'\n' =~ $'\n'$1 ]]
}

no_route() {
	! has_route "$1"
}

# lifetimes LINE: "VALID PREFERRED" in seconds from an `ip -o addr` line.
lifetimes() {
	[[ $1 =~ valid_lft\ ([0-9]+)sec\ preferred_lft\ ([0-9]+)sec ]] ||
		return 1
	echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
}

# show_state: what the kernel and the core have, for a failure.
show_state() {
	run ip -n host -6 addr show dev ndp0 || true
	run ip -n host -6 route show dev ndp0 || true
	ctl addr show ndp0 || true
	ctl router show ndp0 || true
	ctl prefix show ndp0 || true
	grep -E 'RT_|USER_ADDRS|NOTES_' "$NDPV6_DEBUGFS" || true
}

# wait_state SECONDS MESSAGE CMD...: wait_until CMD succeeds; when SECONDS
# pass first, show what the kernel and the core have and fail with MESSAGE.
wait_state() {
	local limit=$1 msg=$2

	shift 2
	poll_until "$limit" "$@" && return
	show_state
	fail "$msg (after ${limit}s)"
}

# core_view: the core's view of ndp0, "A ADDR" lines of its global
# addresses, "R GW" of its default routers, "P PREFIX/LEN" of its on-link
# prefixes (2001:: ones).
core_view() {
	local line

	while IFS= read -r line; do
		[[ $line =~ (TENTATIVE|DUPLICATE) ]] && continue
		[[ $line =~ inet6\ (2001:[0-9a-f:]+)/ ]] &&
			echo "A ${BASH_REMATCH[1]}"
	done < <(ctl addr show ndp0)
	while IFS= read -r line; do
		[[ $line =~ ^default\ via\ (fe80::[0-9a-f:]+)\  ]] &&
			echo "R ${BASH_REMATCH[1]}"
	done < <(ctl router show ndp0)
	while IFS= read -r line; do
		[[ $line =~ ^(2001:[0-9a-f:]+/[0-9]+)\ .*\ onlink ]] &&
			echo "P ${BASH_REMATCH[1]}"
	done < <(ctl prefix show ndp0)
} 2>&1

# kernel_view: the kernel's view of ndp0, in the same form.
kernel_view() {
	local line

	while IFS= read -r line; do
		[[ $line =~ inet6\ (2001:[0-9a-f:]+)/ ]] &&
			echo "A ${BASH_REMATCH[1]}"
	done < <(ip -n host -6 -o addr show dev ndp0 scope global)
	# Default routes of one metric make one multipath route, a
	# "nexthop via" line per router (and `route show dev` omits it).
	while IFS= read -r line; do
		[[ $line =~ ^(default|[[:space:]]+nexthop)\ via\ (fe80::[0-9a-f:]+)\ dev\ ndp0\  ]] &&
			echo "R ${BASH_REMATCH[2]}"
		# an RA's prefix, or the prefix of a user's address
		[[ $line =~ ^(2001:[0-9a-f:]+/[0-9]+)\ dev\ ndp0\ proto\ (ra|kernel) ]] &&
			echo "P ${BASH_REMATCH[1]}"
	done < <(ip -n host -6 route show)
}

# views_agree: the two views are equal (a prefix the kernel routes twice,
# from an RA and for a user's address, counts once).  show_views: how
# they differ.
views_agree() {
	[ "$(core_view | sort -u)" = "$(kernel_view | sort -u)" ]
}

# views_have LINE: both views hold LINE ("R fe80::1", "A 2001:db8::1").
views_have() {
	grep -qxF "$1" <(core_view) && grep -qxF "$1" <(kernel_view)
}

show_views() {
	diff <(core_view | sort -u) <(kernel_view | sort -u) |
		sed 's/^</core only:/; s/^>/kernel only:/' | grep only || true
}

# ----------------------------------------------------------- counters

# ethstats NS DEV ARRAY: `ethtool -S DEV` in namespace NS into the
# associative array ARRAY (name -> value); fails when the dump is empty.
ethstats() {
	local -n _stats=$3
	local line

	_stats=()
	while IFS= read -r line; do
		[[ "$line" =~ ^\ +([A-Za-z0-9_]+):\ ([0-9]+)$ ]] || continue
		_stats["${BASH_REMATCH[1]}"]=${BASH_REMATCH[2]}
	done < <(nsq "$1" ethtool -S "$2")
	[ ${#_stats[@]} -gt 0 ] || fail "ethtool -S $2 shows nothing"
}

# ethstat NS DEV NAME: one counter of `ethtool -S DEV`.
ethstat() {
	local -A _one

	ethstats "$1" "$2" _one
	[ -n "${_one[$3]+set}" ] || fail "ethtool -S $2 has no $3"
	echo "${_one[$3]}"
}

# stats_diff A B: every counter that differs between the snapshots (the
# associative arrays A and B), "NAME before -> after", sorted by name.
stats_diff() {
	local -n _a=$1 _b=$2
	local k

	for k in "${!_b[@]}"; do
		[ "${_a[$k]:-missing}" = "${_b[$k]}" ] ||
			echo "$k ${_a[$k]:-missing} -> ${_b[$k]}"
	done | sort
}

# show_moved TITLE A B: log TITLE, then every counter that moved from
# snapshot A to snapshot B (stats_diff), indented.
show_moved() {
	log "$1"
	indent "$(stats_diff "$2" "$3")"
}

# moved A B NAME: how much counter NAME moved from snapshot A to B.
moved() {
	local -n _ma=$1 _mb=$2

	echo $((_mb[$3] - _ma[$3]))
}

# check_moved A B NAME OP N [WHY]: counter NAME moved from snapshot A to B
# by OP N (-eq, -ge, ...), or fail saying by how much (and WHY).
check_moved() {
	local by

	by=$(moved "$1" "$2" "$3")
	test "$by" "$4" "$5" || fail "$3 moved by $by, not $4 $5${6:+: $6}"
}

# devstats NS DEV ARRAY: DEV's own statistics (the kernel's
# rtnl_link_stats64 of the device, what `ip -s link` shows) into ARRAY:
# rx_bytes, rx_packets, rx_errors, rx_dropped, tx_bytes, tx_packets,
# tx_errors, tx_dropped.  Read from /proc/PID/net/dev of the namespace's
# holder process: no process is started.
devstats() {
	local -n _dev=$3
	local name rest f

	_dev=()
	while read -r name rest; do
		[ "$name" = "$2:" ] || continue
		read -r -a f <<<"$rest"
		_dev=([rx_bytes]=${f[0]} [rx_packets]=${f[1]}
		      [rx_errors]=${f[2]} [rx_dropped]=${f[3]}
		      [tx_bytes]=${f[8]} [tx_packets]=${f[9]}
		      [tx_errors]=${f[10]} [tx_dropped]=${f[11]})
	done <"/proc/${E2E_HOLDER[$1]}/net/dev"
	[ ${#_dev[@]} -eq 8 ] || fail "$2 is not in $1's /proc/net/dev"
}

# snmp6 NS NAME: a counter of NS's IPv6 stack (/proc/net/snmp6).
snmp6() {
	local name val

	while read -r name val; do
		[ "$name" = "$2" ] && { echo "$val"; return; }
	done <"/proc/${E2E_HOLDER[$1]}/net/snmp6"
	fail "no $2 in $1's /proc/net/snmp6"
}

# indent TEXT: TEXT with every line indented by four spaces.
indent() {
	[ -n "$1" ] && echo "    ${1//$'\n'/$'\n'    }"
	true
}

# ping_counts OUTPUT: "TRANSMITTED RECEIVED" from ping's summary line.
ping_counts() {
	[[ "$1" =~ ([0-9]+)\ packets\ transmitted,\ ([0-9]+)\ received ]] ||
		return 1
	echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
}
