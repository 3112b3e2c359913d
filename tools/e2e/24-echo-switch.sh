#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Echo requests: by default the core answers them in softirq, before the
# kernel sees them, so the host's net.ipv6.icmp.echo_ignore_all does not
# apply (nor would ip6tables).  The per-device switch
# `ndpv6ctl params set ndp0 reply-echo off` hands them to the kernel instead:
# then the sysctl applies, and with it off the kernel answers (its
# Icmp6InEchos and Icmp6OutEchoReplies move, the core's RX_ECHO does not).
# The switch is kept across down/up; `reply-echo on` gives them back to the
# core.  Skipped, saying so, while the netlink family does not offer the
# switch.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | ping ndp0               |    |  fe80::5054:ff:fe12:3456/64  |
#    |                         |    |  icmp.echo_ignore_all 1 / 0  |
#    +-------------------------+    +------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"


# pings N WAIT: the peer pings ndp0 N times and waits at most WAIT seconds
# for the last reply (ping's -W: a late reply on a loaded machine must not
# count as none; no reply at all costs the whole of it); prints how many
# replies came.
pings() {
	local out

	out=$(nsq peer ping -6 -c "$1" -i 0.2 -W "$2" "$HOST_LL%veth0" 2>&1) ||
		true
	read -r _ rx < <(ping_counts "$out") || fail "ping: $out"
	echo "$rx"
}

# check WHO IGNORE: with echo_ignore_all=IGNORE on the host, 3 pings from
# the peer; WHO (core, kernel, nobody) must have answered them all.
check() {
	local who=$1 ign=$2 e0 e1 k0 k1 r0 r1 got want

	nsq host sysctl -qw net.ipv6.icmp.echo_ignore_all="$ign"
	e0=$(ethstat host ndp0 RX_ECHO)
	k0=$(snmp6 host Icmp6InEchos)
	r0=$(snmp6 host Icmp6OutEchoReplies)
	if [ "$who" = nobody ]; then
		got=$(pings 3 1)
	else
		got=$(pings 3 5)
	fi
	e1=$(ethstat host ndp0 RX_ECHO)
	k1=$(snmp6 host Icmp6InEchos)
	r1=$(snmp6 host Icmp6OutEchoReplies)
	log "echo_ignore_all=$ign: $got of 3 answered; core RX_ECHO" \
	    "+$((e1 - e0)), kernel Icmp6InEchos +$((k1 - k0))" \
	    "Icmp6OutEchoReplies +$((r1 - r0))"
	# replies, RX_ECHO, Icmp6InEchos, Icmp6OutEchoReplies
	case $who in
	core)	want="3 3 0 0" ;;
	kernel)	want="3 0 3 3" ;;
	nobody)	want="0 0 3 0" ;;
	esac
	[ "$got $((e1 - e0)) $((k1 - k0)) $((r1 - r0))" = "$want" ] ||
		fail "expected $who to answer (replies, RX_ECHO, Icmp6InEchos, Icmp6OutEchoReplies: $want)"
}

ndp0_setup quiet

log "default: the core answers, echo_ignore_all or not"
check core 0
check core 1

err=$(ctl params set ndp0 reply-echo off 2>&1) || {
	echo "$err"
	skip "'ndpv6ctl params set DEV reply-echo on|off' is not there: the netlink family does not expose ndp_set_reply_echo() yet"
}
log "reply-echo off: the kernel's rules apply"
check nobody 1
check kernel 0

log "the switch is kept across down/up"
run ip -n host link set ndp0 down
run ip -n host link set ndp0 up
wait_until 5 has_addr host ndp0 "$HOST_LL"
check kernel 0

run ctl params set ndp0 reply-echo on
log "reply-echo on: the core answers again"
check core 1
