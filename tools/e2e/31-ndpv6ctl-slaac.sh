#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# SLAAC from radvd on the peer, seen through ndpv6ctl: the prefix (RA,
# on-link, autonomous, valid 600 s / preferred 300 s), the SLAAC address
# 2001:db8:1::<EUI-64>/64 and the default router (the peer's link-local
# address, lifetime 30 s), each with lifetimes counting down from the RA's.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | RA 2001:db8:1::/64|          |  2001:db8:1::5054:ff:fe12:3456
#    +-------------------+          +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/ndpv6ctl-lib.sh
. "$(dirname "$0")/ndpv6ctl-lib.sh"

command -v radvd >/dev/null || skip "radvd is not installed"
setup_ndp0

conf=$(mktemp /run/ndpv6/radvd-XXXX.conf)
cat >"$conf" <<EOC
interface veth0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 4;
	AdvDefaultLifetime 30;
	prefix 2001:db8:1::/64 {
		AdvOnLink on;
		AdvAutonomous on;
		AdvValidLifetime 600;
		AdvPreferredLifetime 300;
	};
};
EOC
run nsx peer sysctl -qw net.ipv6.conf.all.forwarding=1
wait_until 10 no_tentative peer veth0
peer_ll=$(ll_addr peer veth0)
bg nsx peer radvd -n -C "$conf" -p "/run/ndpv6/radvd-$$.pid" -m stderr

slaac=2001:db8:1::5054:ff:fe12:3456
has_slaac() {
	ctl addrs ndp0 | grep -q "^inet6 $slaac/64 scope global proto slaac preferred "
}
wait_until 20 has_slaac

run ctl prefixes ndp0
run ctl addrs ndp0
run ctl routers ndp0

ctl prefixes ndp0 | grep -Eq '^2001:db8:1::/64 dev ndp0 proto ra onlink autonomous valid_lft [0-9]+sec preferred_lft [0-9]+sec$' ||
	fail "prefixes: no RA prefix line"
ctl routers ndp0 | grep -Eq "^default via $peer_ll dev ndp0 proto ra lifetime [0-9]+sec [A-Z]+$" ||
	fail "routers: no RA router line"

# Lifetimes: at most the RA's, and not more than a few RAs old.
ctl -j prefixes ndp0 | json_get '[p for p in d if p["prefix"] == "2001:db8:1::"][0]' |
	tee /dev/stderr | grep -q "'origin': 'ra'" || fail "prefixes -j"
check() {
	local what=$1 expr=$2

	[ "$(eval "ctl -j $what ndp0" | json_get "$expr")" = True ] ||
		fail "$what: $expr"
}
check prefixes 'all(580 <= p["valid_lft"] <= 600 and 280 <= p["preferred_lft"] <= 300 and p["onlink"] and p["autonomous"] and p["prefixlen"] == 64 for p in d)'
check addrs '[a for a in d if a["address"] == "'"$slaac"'" and a["origin"] == "slaac" and 580 <= a["valid_lft"] <= 600 and 280 <= a["preferred_lft"] <= 300] != []'
check routers '[r for r in d if r["address"] == "'"$peer_ll"'" and r["origin"] == "ra" and 20 <= r["lifetime"] <= 30] != []'
check params 'd["routers"] == 1 and d["prefixes"] == 1 and d["addrs"] == 2'
log "SLAAC seen in prefixes, addrs and routers"
