#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One echo request from each of N source addresses, one at a time.

    echo-from.py DST%DEV PREFIX N [TIMEOUT [INTERVAL]]

Sends an ICMPv6 echo request to DST from PREFIX:1, PREFIX:2, ... PREFIX:N
(hex, addresses the caller put on DEV) and waits up to TIMEOUT seconds
(default 3) for its reply before the next, and at least INTERVAL seconds
(default 0) after the request before; a reply that comes later still
counts.  One raw socket, one process: no ping started per address.
Prints how many were answered (the sources left unanswered on stderr).
"""
import socket
import struct
import sys
import time


def main():
    dst, dev = sys.argv[1].split('%')
    prefix, n = sys.argv[2], int(sys.argv[3])
    wait = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    ifidx = socket.if_nametoindex(dev)
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW,
                      socket.IPPROTO_ICMPV6)
    ident = 0x4e44
    answered = set()

    def receive(until, want):
        """Replies until @until (monotonic), or until @want's has come."""
        while want not in answered:
            left = until - time.monotonic()
            if left <= 0:
                return
            s.settimeout(left)
            try:
                data = s.recv(2048)
            except socket.timeout:
                return
            if len(data) >= 8 and data[0] == 129:
                rid, seq = struct.unpack('!HH', data[4:8])
                if rid == ident and 1 <= seq <= n:
                    answered.add(seq)

    for i in range(1, n + 1):
        src = socket.inet_pton(socket.AF_INET6, '%s:%x' % (prefix, i))
        # the kernel fills in the checksum of a raw ICMPv6 socket
        req = struct.pack('!BBHHH', 128, 0, 0, ident, i) + b'first-reply'
        info = src + struct.pack('@I', ifidx)
        s.sendmsg([req], [(socket.IPPROTO_IPV6, socket.IPV6_PKTINFO, info)],
                   0, (dst, 0, 0, ifidx))
        sent = time.monotonic()
        receive(sent + wait, i)
        receive(sent + interval, 0)
    # a reply later than @wait still counts: slow is not lost
    receive(time.monotonic() + wait, 0)
    missing = sorted(set(range(1, n + 1)) - answered)
    print(len(answered))
    if missing:
        print('no reply to', ' '.join('%x' % i for i in missing),
              file=sys.stderr)


if __name__ == '__main__':
    main()
