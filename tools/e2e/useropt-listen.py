#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the RTM_NEWNDUSEROPT messages of this network namespace.

    useropt-listen.py SECONDS [COUNT]

Joins RTNLGRP_ND_USEROPT, as rdnssd does, and prints one line per message
until COUNT messages (default: no limit) or SECONDS have passed:

    useropt ifindex N type T code C len L opt HEX src ADDR

the fields of struct nduseroptmsg (family AF_INET6 checked, padding
checked zero), the option bytes in hex, and the NDUSEROPT_SRCADDR
attribute.  Prints "listening" once it has joined the group.  Exits 0, or
1 on a malformed message.
"""
import select
import socket
import struct
import sys
import time

RTNLGRP_ND_USEROPT = 20
RTM_NEWNDUSEROPT = 68
NDUSEROPT_SRCADDR = 1
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1


def parse(msg):
    """One nlmsg payload: the line to print, or None if malformed."""
    if len(msg) < 16:
        return None
    family, pad1, opts_len, ifindex, typ, code, pad2, pad3 = \
        struct.unpack_from('=BBHiBBHI', msg)
    if family != socket.AF_INET6 or pad1 or pad2 or pad3:
        return None
    if 16 + opts_len > len(msg):
        return None
    opt = msg[16:16 + opts_len]
    src = '-'
    pos = 16 + ((opts_len + 3) & ~3)
    while pos + 4 <= len(msg):
        alen, atype = struct.unpack_from('=HH', msg, pos)
        if alen < 4 or pos + alen > len(msg):
            return None
        if atype == NDUSEROPT_SRCADDR and alen == 20:
            src = socket.inet_ntop(socket.AF_INET6, msg[pos + 4:pos + 20])
        pos += (alen + 3) & ~3
    return 'useropt ifindex %d type %d code %d len %d opt %s src %s' % (
        ifindex, typ, code, opts_len, opt.hex(), src)


def main():
    seconds = float(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                      socket.NETLINK_ROUTE)
    s.bind((0, 0))
    s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, RTNLGRP_ND_USEROPT)
    print('listening', flush=True)
    end = time.monotonic() + seconds
    seen = 0
    while time.monotonic() < end and (not count or seen < count):
        r, _, _ = select.select([s], [], [], max(0, end - time.monotonic()))
        if not r:
            break
        data = s.recv(65536)
        pos = 0
        while pos + 16 <= len(data):
            nlen, ntype = struct.unpack_from('=IH', data, pos)
            if nlen < 16 or pos + nlen > len(data):
                return 1
            if ntype == RTM_NEWNDUSEROPT:
                line = parse(data[pos + 16:pos + nlen])
                if line is None:
                    print('malformed message', flush=True)
                    return 1
                print(line, flush=True)
                seen += 1
            pos += (nlen + 3) & ~3
    return 0


if __name__ == '__main__':
    sys.exit(main())
