#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Netlink fuzzing (tools/netlink/nlfuzz.py): random, boundary and mutated
# requests to the ndpv6 generic netlink family and rtnetlink requests for
# ndp0, its lower, the peer's end, devices made and deleted on a spare
# lower and a second ndp0 in namespace "other", as root, then without
# CAP_NET_ADMIN (user nobody, then root without the capability).  The
# fuzzer asserts its answers (see its header); the kernel must report
# nothing; afterwards ndp0 still works: ndpv6ctl reads and writes, and
# link-local pings both ways.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    | veth4             |----------| veth3 (spare: nfz0..nfz2)    |
#    | veth6             |---+      +------------------------------+
#    +-------------------+   |      +------------------------------+
#                            +------| veth5, ndp0 on it  ns "other"|
#                                   +------------------------------+
#
# NDPV6_NLFUZZ_SECONDS: the root run's length (default 25 s); the runs
# without the capability take a third of that together, at least 10 s.
# NDPV6_NLFUZZ_SEED: the seed (default: drawn, and printed).  `make check
# E2E=54 NDPV6_NLFUZZ_SECONDS=600` passes both into the guest and grows
# the time limits (the timeout-scale line below).
#
# timeout: 240
# timeout-scale: NDPV6_NLFUZZ_SECONDS 2
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
command -v capsh >/dev/null || skip "capsh (libcap2-bin) is not installed"
FUZZ=$E2E_REPO/tools/netlink/nlfuzz.py
secs=${NDPV6_NLFUZZ_SECONDS:-25}
seed=${NDPV6_NLFUZZ_SEED:-$((SRANDOM % 1000000000))}
unpriv=$((secs / 3 > 10 ? secs / 3 : 10))
nobody_secs=$((unpriv * 6 / 10))
nocap_secs=$((unpriv - nobody_secs))

ndp0_setup plain
# the spare lower, for the devices the fuzzer makes and deletes
ip link add veth3 netns host type veth peer name veth4 netns peer
nsq host sysctl -qw net.ipv6.conf.veth3.disable_ipv6=1
ip -n host link set veth3 up
ip -n peer link set veth4 up
# a second ndp0, in "other"
ns_add other
holder other
ip link add veth5 netns other type veth peer name veth6 netns peer
nsq other sysctl -qw net.ipv6.conf.veth5.disable_ipv6=1
ip -n other link set veth5 up
ip -n peer link set veth6 up
run ip -n other link add link veth5 name ndp0 type ndpv6
run ip -n other link set ndp0 up

# The fuzzer as root watches the kernel's log itself: its warnings about
# the bad requests (rate-limited) would rotate the 16 KiB ring buffer past
# check_kernel's marker in a long run.
log "root for ${secs}s, seed $seed"
run nsq host python3 "$FUZZ" --seed "$seed" --seconds "$secs" \
	--dev ndp0 --lower veth1 --spare veth3 --other other:ndp0 \
	--peer peer:veth0 || fail "nlfuzz as root (seed $seed)"
log "user nobody for ${nobody_secs}s, seed $seed"
run nsq host setpriv --reuid=65534 --regid=65534 --clear-groups \
	--inh-caps=-all --bounding-set=-all python3 "$FUZZ" --unprivileged \
	--seed "$seed" --seconds "$nobody_secs" ||
	fail "nlfuzz as nobody (seed $seed)"
log "root without CAP_NET_ADMIN for ${nocap_secs}s, seed $((seed + 1))"
# shellcheck disable=SC2016 # expanded by capsh's shell
run nsq host capsh --drop=cap_net_admin -- -c '"$0" "$@"' python3 "$FUZZ" \
	--unprivileged --seed "$((seed + 1))" --seconds "$nocap_secs" ||
	fail "nlfuzz without CAP_NET_ADMIN (seed $((seed + 1)))"
kernel_mark

# Reads work on what the fuzzing left.
run ctl params show ndp0
run ctl addr show ndp0
run ctl router show ndp0
"$NDPV6CTL" -n other params show ndp0 >/dev/null ||
	fail "ndp0 in 'other' does not answer"

# Back to the standard topology's settings, then writes and traffic.
ip -n host link set veth1 address "$HOST_MAC" mtu 1500 promisc off \
	allmulticast off up
# The link mode, and the operstate a request set (IFLA_OPERSTATE dormant
# holds until the next carrier change): default mode, and a carrier flap
# from the peer's end.
ip -n host link set ndp0 mtu 1500 promisc off allmulticast off \
	mode default up
ip -n peer link set veth0 down
ip -n peer link set veth0 up

# Whatever the requests did, the kernel keeps no address on ndp0 that the
# core does not have (the mirror gives the user's to the core, or takes
# them away): it would be a source nobody answers NS for.
kernel_only() {
	local line core

	core=$(ctl addr show ndp0) || return 0
	while read -r _ _ _ line _; do
		# a group joined with autojoin is no source address
		[[ $line == ff* ]] && continue
		# the address only: link-local ones are /64 in the kernel
		[[ $core == *"inet6 ${line%/*}/"* ]] || echo "$line"
	done < <(ip -n host -6 -o addr show dev ndp0)
}
core_has_kernels() {
	[ -z "$(kernel_only)" ]
}
if ! poll_until 10 core_has_kernels; then
	run ip -n host -6 addr show dev ndp0
	run ctl addr show ndp0
	fail "addresses on ndp0 that the core does not have: $(kernel_only)"
fi
ip -n host link set ndp0 addrgenmode none
run ctl params set ndp0 dad-transmits 1 accept-ra on reply-echo on \
	max-addrs 16 max-nbrs 256 max-routers 16 max-prefixes 64 \
	addr-gen-mode eui64
ndp0_bounce
if ! poll_until 5 oper_up host ndp0; then
	run ip -n host -d link show dev ndp0
	fail "ndp0's operstate is not UP"
fi
run ctl router add ndp0 fe80::1
has "$(ctl router show ndp0)" 'default via fe80::1 '
run ctl router del ndp0 fe80::1
wait_until 10 no_tentative peer veth0
run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$PEER_LL%ndp0"
check_kernel
log "ndp0 survived the fuzzing (seed $seed)"
