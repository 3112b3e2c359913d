#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Send N Neighbor Solicitations, each from its own address and MAC.

    ns-flood.py IFACE DST_MAC TARGET COUNT [--rate PPS] [--first N]

Each NS (RFC 4861 4.3) goes from fe80::ee:<i> with link-layer address
02:ee:<i> to TARGET (unicast, DST_MAC), hop limit 255, with a Source
Link-Layer Address option: the receiver creates a STALE neighbour entry
for every one (RFC 4861 7.2.3).  Bounded: COUNT frames at most PPS per
second (default 5000), in batches of one sendmmsg(2) each (ndp_send.py).
Raw AF_PACKET socket: needs CAP_NET_RAW.
"""
import argparse
import ipaddress
import struct

from ndp_send import open_sock, send_paced


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def frame(i, dst_mac, target):
    mac = b'\x02\xee' + struct.pack('!I', i)
    src = ipaddress.IPv6Address('fe80::ee:0:0:0').packed[:10] + \
        b'\0\0' + struct.pack('!I', i)
    dst = target
    icmp = struct.pack('!BBHI', 135, 0, 0, 0) + target + \
        struct.pack('!BB', 1, 1) + mac
    pseudo = src + dst + struct.pack('!I', len(icmp)) + b'\0\0\0\x3a'
    c = csum(pseudo + icmp)
    icmp = icmp[:2] + struct.pack('!H', c) + icmp[4:]
    ip6 = struct.pack('!IHBB', 0x60000000, len(icmp), 58, 255) + src + dst
    return dst_mac + mac + b'\x86\xdd' + ip6 + icmp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('iface')
    ap.add_argument('dst_mac')
    ap.add_argument('target')
    ap.add_argument('count', type=int)
    ap.add_argument('--rate', type=int, default=5000)
    ap.add_argument('--first', type=int, default=1)
    a = ap.parse_args()
    dst_mac = bytes.fromhex(a.dst_mac.replace(':', ''))
    target = ipaddress.IPv6Address(a.target).packed
    frames = [frame(a.first + k, dst_mac, target) for k in range(a.count)]
    sent, dt = send_paced(open_sock(a.iface), frames, a.rate)
    print('sent %d of %d NS in %.1f s: %.0f NS/s' % (sent, a.count, dt,
                                                 sent / dt))


if __name__ == '__main__':
    main()
