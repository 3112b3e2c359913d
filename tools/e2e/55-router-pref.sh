#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 4191 against two radvd routers on ndp0's link: r1 a default router
# of high preference, r2 one of low preference that also advertises a
# more-specific route (a Route Information option) to 2001:db8:77::/48 of
# high preference.  The kernel's view shows both default routes with their
# pref and the RIO route (proto ra, expiring); ndpv6ctl shows the same.
# Traffic to an off-link destination goes to r1, to the RIO's prefix to
# r2 (echo requests counted on each router); when r1's link goes down,
# NUD finds it unreachable and the traffic moves to r2.  When r2's radvd
# stops, its final RA withdraws the route (RemoveRoute) with the router.
# Both routers have 2001:db8:99::1 and 2001:db8:77::1 on lo: they answer
# whichever they get.  UML has no bridge: hub.py repeats the frames.
#
#     ns "r1"                ns "peer"                     ns "host"
#  +---------------+    +--------------------+    +------------------------+
#  | eth0 ...:00:01|----| hr1                |    |                        |
#  | radvd high    |    |     hub.py         |    |                        |
#  +---------------+    |  (no IPv6)   veth0 |----| veth1 (IPv6 off)       |
#  +---------------+    |                    |    |  ndp0 (type ndpv6)     |
#  | eth0 ...:00:02|----| hr2                |    |  2001:db8:1::<eui64>   |
#  | radvd low,    |    +--------------------+    +------------------------+
#  | route 77::/48 |
#  +---------------+   r1, r2: 2001:db8:1::1, ::2/64; lo 2001:db8:99::1,
#                      2001:db8:77::1; forwarding on
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

R1=fe80::5054:ff:fe00:1
R2=fe80::5054:ff:fe00:2

# rtr_radvd I PREF [EXTRA]: radvd on r<I>'s eth0: Default Router
# Preference PREF, 2001:db8:1::/64 on-link and autonomous, EXTRA blocks.
rtr_radvd() {
	local conf=/run/ndpv6/radvd-$$-$1.conf

	cat >"$conf" <<EOC
interface eth0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 4;
	AdvDefaultLifetime 1800;
	AdvDefaultPreference $2;
	prefix 2001:db8:1::/64 {
		AdvOnLink on;
		AdvAutonomous on;
	};
${3:-}
};
EOC
	nsenter --net="/run/netns/r$1" radvd -n -C "$conf" \
		-p "/run/ndpv6/radvd-$$-$1.pid" -m stderr &
	RADVD[$1]=$!
	E2E_PIDS+=("$!")
}

# echos NS: the echo requests NS has received (its Icmp6InEchos).
echos() {
	local k v

	while read -r k v; do
		[ "$k" = Icmp6InEchos ] && { echo "$v"; return; }
	done <"/proc/${E2E_HOLDER[$1]}/net/snmp6"
	echo 0
}

# hub_ready: hub.py has its three packet sockets.
hub_ready() {
	local n=0 _l

	while read -r _l; do
		n=$((n + 1))
	done <"/proc/${E2E_HOLDER[peer]}/net/packet"
	[ "$n" -ge 4 ]
}

# pings DST N: N echo requests from the host to DST; how many came back.
pings() {
	local out

	out=$(nsq host ping -6 -n -c "$2" -i 0.3 -W 2 "$1" 2>&1) || true
	read -r _ got < <(ping_counts "$out")
	echo "${got:-0}"
}

# goes_to DST RTR OTHER N: N pings to DST are answered and reach RTR only.
goes_to() {
	local a0 b0 a b got

	a0=$(echos "$2")
	b0=$(echos "$3")
	got=$(pings "$1" "$4")
	a=$(($(echos "$2") - a0))
	b=$(($(echos "$3") - b0))
	log "$1: $got of $4 answered, $a echo requests at $2, $b at $3"
	[ "$got" -eq "$4" ] && [ "$a" -eq "$4" ] && [ "$b" -eq 0 ]
}

# r1_unreachable: after one more echo request towards it, the core has r1
# UNREACHABLE (NUD gave up: DELAY 5 s, then 3 probes 1 s apart).
r1_unreachable() {
	nsq host ping -6 -n -c 1 -W 1 2001:db8:99::1 >/dev/null 2>&1 || true
	[[ $(ctl router show ndp0) == *"via $R1 dev ndp0 proto ra lifetime "*"sec UNREACHABLE pref high"* ]]
}

command -v radvd >/dev/null || skip "radvd is not installed"
command -v python3 >/dev/null || skip "python3 is not installed"
declare -a RADVD
mkdir -p /run/ndpv6
ns_add peer host r1 r2
for ns in peer host r1 r2; do
	holder "$ns"
done
nsq peer sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
	net.ipv6.conf.default.disable_ipv6=1
lower_pair host
for i in 1 2; do
	nsq "r$i" sysctl -qw net.ipv6.conf.default.accept_dad=0 \
		net.ipv6.conf.all.forwarding=1
	ip link add "hr$i" netns peer type veth peer name eth0 netns "r$i" \
		address "52:54:00:00:00:0$i"
	ip -n "r$i" link set eth0 up
	ip -n "r$i" addr add "2001:db8:1::$i/64" dev eth0 nodad
	ip -n "r$i" addr add 2001:db8:99::1/128 dev lo
	ip -n "r$i" addr add 2001:db8:77::1/128 dev lo
	ip -n peer link set "hr$i" promisc on up
done
ip -n peer link set veth0 promisc on
bg nsq peer python3 "$E2E_DIR/hub.py" veth0 hr1 hr2
wait_until 10 hub_ready
wait_until 5 oper_up host veth1
run ip -n host link add link veth1 name ndp0 type ndpv6
rtr_radvd 1 high
rtr_radvd 2 low "	route 2001:db8:77::/48 {
		AdvRoutePreference high;
		AdvRouteLifetime 1800;
	};"
ndp0_up host

# the kernel's view: both default routes with their preference, the route
wait_state 20 "no default route via r1, pref high" \
	has_route "default via $R1 proto ra metric 1023 expires [0-9]+sec pref high"
wait_state 10 "no default route via r2, pref low" \
	has_route "default via $R2 proto ra metric 1025 expires [0-9]+sec pref low"
wait_state 10 "no RIO route via r2" \
	has_route "2001:db8:77::/48 via $R2 proto ra metric 1023 expires [0-9]+sec pref high"
wait_state 10 "no $SLAAC" has_kaddr "$SLAAC"
run ip -n host -6 route show dev ndp0
# ... and the core's, through ndpv6ctl
out=$(ctl router show ndp0)
echo "$out"
has "$out" "default via $R1 dev ndp0 proto ra lifetime [0-9]+sec [A-Z]+ pref high" \
	"default via $R2 dev ndp0 proto ra lifetime [0-9]+sec [A-Z]+ pref low" ||
	fail "router show: preferences"
out=$(ctl route show ndp0)
echo "$out"
has "$out" "^2001:db8:77::/48 via $R2 dev ndp0 pref high lifetime (1[0-9]{3})sec$" ||
	fail "route show: the RIO route"
has "$(ctl -j route show ndp0)" \
	"\"prefix\":\"2001:db8:77::\",\"prefixlen\":48,\"router\":\"$R2\",\"pref\":\"high\",\"lifetime\":[0-9]+" ||
	fail "route show -j: the RIO route"
has "$(ctl -j params show ndp0)" '"max_routes":16,' '"routes":1,' ||
	fail "params: routes"

# the traffic: off-link to the preferred router, the RIO's prefix to r2
goes_to 2001:db8:99::1 r1 r2 3 || fail "2001:db8:99::1 not through r1 alone"
goes_to 2001:db8:77::1 r2 r1 3 || fail "2001:db8:77::1 not through r2 alone"

# r1's link goes down: NUD gives up on it, and r2 takes the traffic
run ip -n r1 link set eth0 down
wait_state 30 "NUD did not find r1 unreachable" r1_unreachable
run ctl router show ndp0
goes_to 2001:db8:99::1 r2 r1 3 || fail "the traffic did not move to r2"

# r2 leaves: its final RA takes its default route and its RIO route along
run kill -TERM "${RADVD[2]}"
wait "${RADVD[2]}" 2>/dev/null || true
wait_state 10 "the RIO route stayed after r2 left" no_route "2001:db8:77::/48 "
wait_state 5 "the default route via r2 stayed" no_route "default via $R2 "
[ -z "$(ctl route show ndp0)" ] || fail "the core still has the RIO route"
run ip -n host -6 route show dev ndp0
log "preferences and the RIO route in both views; traffic followed them"
