#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The RFC 7217 address ndpv6 makes, computed independently of it.

    stable-iid.py PREFIX MAC SECRET [DAD_COUNTER]

PREFIX an IPv6 /64 prefix (fe80::, 2001:db8:1::), MAC the interface's
(52:54:00:12:34:56), SECRET 32 hex digits, DAD_COUNTER 0 by default.
Prints the address: the prefix, then the first 8 bytes (little-endian) of
SipHash-2-4 keyed with SECRET over prefix (8 bytes) || MAC || DAD_Counter
(Documentation/ndpv6/core.rst, "Interface identifiers"), the counter
raised past RFC 5453's reserved identifiers as the core does.
"""
import ipaddress
import sys

M64 = (1 << 64) - 1


def rol(v, n):
    return ((v << n) | (v >> (64 - n))) & M64


def sipround(v):
    v[0] = (v[0] + v[1]) & M64
    v[1] = rol(v[1], 13) ^ v[0]
    v[0] = rol(v[0], 32)
    v[2] = (v[2] + v[3]) & M64
    v[3] = rol(v[3], 16) ^ v[2]
    v[0] = (v[0] + v[3]) & M64
    v[3] = rol(v[3], 21) ^ v[0]
    v[2] = (v[2] + v[1]) & M64
    v[1] = rol(v[1], 17) ^ v[2]
    v[2] = rol(v[2], 32)


def siphash24(key, data):
    k0 = int.from_bytes(key[:8], 'little')
    k1 = int.from_bytes(key[8:], 'little')
    v = [k0 ^ 0x736f6d6570736575, k1 ^ 0x646f72616e646f6d,
         k0 ^ 0x6c7967656e657261, k1 ^ 0x7465646279746573]
    whole = len(data) // 8 * 8
    for i in range(0, whole, 8):
        m = int.from_bytes(data[i:i + 8], 'little')
        v[3] ^= m
        sipround(v)
        sipround(v)
        v[0] ^= m
    last = (len(data) & 0xff) << 56 | int.from_bytes(data[whole:], 'little')
    v[3] ^= last
    sipround(v)
    sipround(v)
    v[0] ^= last
    v[2] ^= 0xff
    for _ in range(4):
        sipround(v)
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def reserved(iid):
    if iid == bytes(8):
        return True
    if iid[:5] == bytes.fromhex('02005efffe') and \
            iid[5:] <= bytes.fromhex('521200'):
        return True
    return iid[:7] == bytes.fromhex('fdffffffffffff') and iid[7] >= 0x80


def main():
    prefix = ipaddress.IPv6Address(sys.argv[1]).packed[:8]
    mac = bytes.fromhex(sys.argv[2].replace(':', ''))
    secret = bytes.fromhex(sys.argv[3])
    counter = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    while True:
        h = siphash24(secret, prefix + mac + bytes([counter]))
        iid = h.to_bytes(8, 'little')
        if not reserved(iid) or counter == 255:
            break
        counter += 1
    print(ipaddress.IPv6Address(prefix + iid))


if __name__ == '__main__':
    main()
