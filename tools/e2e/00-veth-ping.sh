#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The harness's own end-to-end case: plain veth, Linux IPv6 on both ends,
# ping -6 over link-local addresses both ways.
#
#        ns "a"                       ns "b"
#    +------------+               +------------+
#    |   veth0    |---------------|   veth1    |
#    | fe80::/64  |               | fe80::/64  |
#    +------------+               +------------+
#
# timeout: 30
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ns_add a b
veth_pair a veth0 b veth1

wait_until 10 no_tentative a veth0
wait_until 10 no_tentative b veth1
lla=$(ll_addr a veth0)
llb=$(ll_addr b veth1)
log "a: $lla, b: $llb"

run nsq a ping -6 -c 2 -i 0.2 -W 2 "$llb%veth0"
run nsq b ping -6 -c 2 -i 0.2 -W 2 "$lla%veth1"
