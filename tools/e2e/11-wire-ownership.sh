#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Wire ownership: every NS, NA, RS and MLD message that leaves veth1 comes
# from the core.  tcpdump on veth1 counts them, by type, while ndp0 comes
# up, both sides ping, and a group is joined on ndp0; the counts must equal
# the glue's counters of frames the core built (TX_CORE_*), so none came
# from the kernel.  The kernel's own attempt (its MLD Report for the group
# joined on ndp0) is dropped by ndp0's xmit and counted
# (KERNEL_ND_SUPPRESSED), and the core reports the group itself and has the
# lower let it in (33:33:00:00:ab:cd on veth1, next to the core's own
# all-nodes and solicited-node groups; all of them leave veth1 at down).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)    [tcpdump]     |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  fe80::5054:ff:fe12:3456/64  |
#                                   |  + group ff02::abcd          |
#                                   +------------------------------+
#
# timeout: 150
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

work=$(mktemp -d /run/ndpv6/11.XXXXXX)
tcpdump_pid=
stop_tcpdump() {
	[ -z "$tcpdump_pid" ] || stop_pids "$tcpdump_pid"
	tcpdump_pid=
}
trap 'stop_tcpdump; e2e_cleanup; rm -rf "$work"' EXIT

ndp0_link plain

# Everything veth1 sends, from before ndp0 comes up.
nsq_bg host tcpdump -i veth1 -nn -U --immediate-mode -w "$work/cap.pcap" \
	"ether src $HOST_MAC" 2>"$work/tcpdump.err"
tcpdump_pid=$!
wait_until 20 grep -q "listening on veth1" "$work/tcpdump.err"

ndp0_up
wait_until 20 no_tentative peer veth0
peer_ll=$(ll_addr peer veth0)

run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$peer_ll%ndp0"

# A group on ndp0: the kernel's MLD Report is suppressed, the core joins.
run ip -n host -6 addr add ff02::abcd/128 dev ndp0 autojoin
# lower_has_group MAC: MAC is in veth1's multicast list.
lower_has_group() {
	grep -qE "link +$1( |\$)" <<<"$(ip -n host maddr show dev veth1)"
}
wait_until 20 lower_has_group 33:33:00:00:ab:cd
run ip -n host maddr show dev veth1
# A group is no address for the core: the mirror leaves it in the kernel
# (it used to offer it to the core, and once remove what the core refused).
nap 1
has_kaddr ff02::abcd || fail "ff02::abcd left ndp0"
[ "$(ndp_stat ndp0 glue ADDR_REFUSED)" = 0 ] ||
	fail "the group was taken for an address the core refused"
# The core's own groups are there too: all-nodes and the solicited-node
# group of its link-local address.
lower_has_group 33:33:00:00:00:01 || fail "all-nodes not let in on veth1"
lower_has_group 33:33:ff:12:34:56 ||
	fail "the solicited-node group not let in on veth1"

# Down: the core stops (nothing more leaves) and its groups leave veth1;
# then stop capturing.
run ip -n host link set ndp0 down
lower_clean() {
	! lower_has_group 33:33:ff:12:34:56 &&
		! lower_has_group 33:33:00:00:ab:cd
}
wait_until 20 lower_clean
run ip -n host maddr show dev veth1
# The capture is complete once a marker sent after everything else is in
# the file: frames still in the capture socket when tcpdump is stopped
# would be lost, and counted as built by the core but never on the wire.
marker=ndpv6-e2e-end-of-capture-$$
run nsq host python3 "$FRAMES" marker veth1 "$marker"
wait_until 20 grep -q "$marker" "$work/cap.pcap"
stop_tcpdump

suppressed=$(ndp_stat ndp0 glue KERNEL_ND_SUPPRESSED)
log "kernel ND/MLD on ndp0 suppressed: $suppressed"
[ "$suppressed" -ge 1 ] || fail "the kernel's MLD Report for ff02::abcd was not seen"

tcpdump -r "$work/cap.pcap" -nn -v 2>/dev/null >"$work/cap.txt"
count() {
	grep -c "$1" "$work/cap.txt" || true
}
wire_ns=$(count "neighbor solicitation")
wire_na=$(count "neighbor advertisement")
wire_rs=$(count "router solicitation")
wire_mld=$(count "multicast listener")
wire_echo=$(count "echo reply")
total_nd=$((wire_ns + wire_na + wire_rs + wire_mld))
log "on the wire from $HOST_MAC: NS $wire_ns, NA $wire_na, RS $wire_rs, MLD $wire_mld, echo replies $wire_echo"
fails=0
for kind in NS NA RS MLD ECHO; do
	case $kind in
	NS)	wire=$wire_ns ;;
	NA)	wire=$wire_na ;;
	RS)	wire=$wire_rs ;;
	MLD)	wire=$wire_mld ;;
	ECHO)	wire=$wire_echo ;;
	esac
	core=$(ndp_stat ndp0 glue "TX_CORE_$kind")
	log "$kind: wire $wire, built by the core $core"
	[ "$wire" -eq "$core" ] || fails=$((fails + 1))
done
[ "$fails" -eq 0 ] || fail "$fails kind(s) of ND/MLD frames did not all come from the core"
if [ "$wire_ns" -eq 0 ] || [ "$wire_na" -eq 0 ] || [ "$wire_mld" -eq 0 ]; then
	fail "expected NS, NA and MLD frames on the wire"
fi
grep -q "ff02::abcd" "$work/cap.txt" || fail "the core did not report ff02::abcd"
log "$total_nd ND/MLD frames on the wire, all from the core"
