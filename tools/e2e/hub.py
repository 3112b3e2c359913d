#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""An Ethernet hub between interfaces, for kernels without bridge or tc.

    hub.py IFACE IFACE...

Every frame that arrives on one of the interfaces leaves on all the others,
as it is (a repeater: no learning, no filtering).  The interfaces are to
be up, in promiscuous mode and without IPv6 of their own (the hub's
namespace takes no part).  Runs until killed.
"""
import select
import socket
import sys

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


def main():
    socks = {}
    for name in sys.argv[1:]:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                          socket.htons(ETH_P_ALL))
        s.bind((name, 0))
        socks[s.fileno()] = s
    poll = select.poll()
    for fd in socks:
        poll.register(fd, select.POLLIN)
    while True:
        for fd, _ in poll.poll():
            frame, addr = socks[fd].recvfrom(65535)
            # what the hub itself sent out on this interface comes back
            if addr[2] == PACKET_OUTGOING:
                continue
            for other, s in socks.items():
                if other != fd:
                    try:
                        s.send(frame)
                    except OSError:
                        pass	# a port gone down: the others still get it


if __name__ == '__main__':
    main()
