#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own netlink tooling speaks to ndpv6: Linux 6.12's YNL CLI
# (tools/net/ynl/cli.py, which drives any generic netlink family from its
# spec) with our spec, Documentation/netlink/specs/ndpv6.yaml (validated
# against 6.12's genetlink-legacy schema as the CLI loads it), dumps the
# routers and prefixes a running ndp0 learnt from radvd, adds a static
# router, reads it back and deletes it, and is refused with the kernel's
# message for a router that is not there.  After each step ndpv6ctl must
# see the same.  The YNL tree is extracted from linux-source-6.12 by the
# harness (tools/harness/ynl-tree.sh); without it the test skips.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    | fe80::5054:ff:    |          |  cli.py --spec ndpv6.yaml    |
#    |   feab:cdef       |          |  ndpv6ctl                    |
#    | RA 2001:db8:1::/64|          |                              |
#    +-------------------+          +------------------------------+
#
# timeout: 300
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ynl=${NDPV6_YNL:-}
if [ -z "$ynl" ]; then
	for d in "${XDG_CACHE_HOME:-$HOME/.cache}"/ndpv6/ynl-*/; do
		[ -f "$d/.ndpv6-extracted" ] && ynl=${d%/}
	done
fi
cli=$ynl/tools/net/ynl/cli.py
schema=$ynl/Documentation/netlink/genetlink-legacy.yaml
if [ -z "$ynl" ] || [ ! -f "$cli" ] || [ ! -f "$schema" ]; then
	skip "no YNL tree of Linux 6.12 (tools/harness/ynl-tree.sh extracts it from linux-source-6.12)"
fi
spec=$E2E_REPO/Documentation/netlink/specs/ndpv6.yaml
# Debian's python3: python3-yaml and python3-jsonschema (harness packages)
py=/usr/bin/python3
log "YNL: $cli"

# ynl ARGS...: the CLI in the host namespace, JSON out.  Each run costs
# 10-20 s in UML (Python parses the spec, and the schema, in Python): the
# first run checks the spec against the schema, the others do not
# (check-spec.py does, on the host), and the writes share one run.
schema_arg=(--schema "$schema")
ynl() {
	local out rc=0

	out=$(nsq host "$py" "$cli" --spec "$spec" "${schema_arg[@]}" \
		--output-json "$@") || rc=$?
	echo "$out"
	# what the CLI said of a failure (on stdout) shows in the log too
	[ $rc -eq 0 ] || echo "ynl $*: exit $rc: $out" >&2
	return $rc
}

# same WHAT YNL_JSON CTL_JSON: the two views list the same entries (key
# fields equal, lifetimes within 3 s: the two reads are not at one time).
same() {
	"$py" - "$@" <<'PY'
import json, sys
what, ynl, ctl = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
if what == 'router':
    y = {(e['router']['address'], e['router']['origin']):
         (e['router']['lifetime'],) for e in ynl}
    c = {(e['address'], e['origin']): (e['lifetime'],) for e in ctl}
else:
    y = {(e['prefix']['address'], e['prefix']['len'], e['prefix']['origin'],
          bool(e['prefix'].get('onlink')),
          bool(e['prefix'].get('autonomous'))):
         (e['prefix']['valid-lft'], e['prefix']['preferred-lft'])
         for e in ynl}
    c = {(e['prefix'], e['prefixlen'], e['origin'], e['onlink'],
          e['autonomous']): (e['valid_lft'], e['preferred_lft'])
         for e in ctl}
print('YNL:      %s\nndpv6ctl: %s' % (sorted(y.items()), sorted(c.items())))
if y.keys() != c.keys():
    sys.exit('%s: the two views list other entries' % what)
for k in y:
    if any(abs(a - b) > 3 for a, b in zip(y[k], c[k])):
        sys.exit('%s %s: lifetimes %s and %s' % (what, k, y[k], c[k]))
PY
}

ndp0_setup router 600 300 30
has_router() {
	[[ $(ctl router show ndp0) == *"default via $PEER_LL dev ndp0 proto ra "* ]]
}
has_prefix() {
	[[ $(ctl prefix show ndp0) == *"2001:db8:1::/64 dev ndp0 proto ra "* ]]
}
wait_state 20 "no router from radvd" has_router
wait_state 10 "no prefix from radvd" has_prefix

log "dumps: routers and prefixes"
out=$(ynl --dump get-router --json '{"ifname": "ndp0"}')
echo "$out"
has "$out" "\"address\": \"$PEER_LL\"" '"origin": "ra"'
same router "$out" "$(ctl -j router show ndp0)"
schema_arg=(--no-schema)	# checked once is enough
out=$(ynl --dump get-prefix --json '{"ifname": "ndp0"}')
echo "$out"
has "$out" '"address": "2001:db8:1::"' '"len": 64' '"onlink": true' \
	'"autonomous": true'
same prefix "$out" "$(ctl -j prefix show ndp0)"

log "do: a static router added and read back (one run), then deleted"
r=fe80::77
key="{\"ifname\": \"ndp0\", \"router\": {\"address\": \"$(ip6_hex "$r")\""
out=$(ynl --multi new-router "$key, \"lifetime\": 100}}" \
	--multi get-router "$key}}")
echo "$out"
has "$out" "\"address\": \"$r\", \"lifetime\": (9[0-9]|100), \"origin\": \"static\""
has "$(ctl router show ndp0 "$r")" \
	"^default via $r dev ndp0 proto static lifetime (9[0-9]|100)sec "
run ynl --do del-router --json "$key}}"
expect 1 'no such router' ctl router show ndp0 "$r"

log "a refusal: the kernel's extended ACK through YNL"
rc=0
out=$(ynl --do del-router --json "$key}}" 2>&1) || rc=$?
echo "$out"
[ "$rc" -ne 0 ] || fail "YNL deleted a router that is not there"
has "$out" 'no such router'
log "YNL and ndpv6ctl agree"
