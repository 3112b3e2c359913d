#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Hand-made ND frames for the end-to-end tests, on an AF_PACKET socket.

    ndp-frames.py ra IFACE [--src IP] [--src-mac MAC] [--reachable MS]
                  [--retrans MS] [--lifetime S] [--rdnss IP]
                  [--rdnss-lifetime S] [--captive-portal URI]
                  [--pref64 PREFIX/LEN] [--pref64-lifetime S]
        One Router Advertisement to ff02::1: its Reachable Time and
        Retrans Timer shorten the receiver's ND timers (RFC 4861 6.3.4);
        Router Lifetime 0 (default) adds no default router.  No options
        but an RDNSS option (RFC 8106) for IP with its lifetime (default
        0: the server is withdrawn) when --rdnss is given, a Captive
        Portal option (RFC 8910) with URI, a PREF64 option (RFC 8781) for
        PREFIX/LEN (96, 64, 56, 48, 40 or 32) with its lifetime (a
        multiple of 8 s; default 600).

    ndp-frames.py ras IFACE ROUTERS PREFIXES
        ROUTERS Router Advertisements to ff02::1, router i (1, 2, ...)
        from fe80::1:i and MAC 02:aa:00:00:00:i, Router Lifetime 1800 s,
        each with PREFIXES Prefix Information options 2001:db8:i:j::/64
        (j = 1, 2, ...; on-link, autonomous, valid 3600 s, preferred
        1800 s): many routers, prefixes and SLAAC addresses at once.

    ndp-frames.py ns IFACE DST_MAC TARGET [--src IP] [--src-mac MAC]
                  [--dst IP] [--hoplimit N]
        One Neighbor Solicitation for TARGET, to DST (default: the
        solicited-node group of TARGET) with a Source Link-Layer Address
        option; --hoplimit other than 255 makes it invalid (RFC 4861 7.1.1).

    ndp-frames.py flood IFACE DST_MAC TARGET [--rate PPS] [--seconds S]
                  [--count N] [--first N]
        NS for TARGET, unicast to DST_MAC, each from its own link-local
        address fe80::ee:0:<i> and MAC 02:ee:<i> (frames built before the
        clock starts): every valid one makes the receiver create a STALE
        neighbour entry (RFC 4861 7.2.3).  At most PPS per second, for S
        seconds (PPS * S frames; fewer when the machine cannot keep the
        rate), or with --count N frames however long they take, in
        batches of one sendmmsg(2) each (ndp_send.py); prints what it
        sent and the rate it reached.

    ndp-frames.py rounds IFACE DST_MAC TARGET ROUTERS PREFIXES [--count N]
                  [--fill N] [--rate PPS]
        ND churn on demand from one process (python's start costs seconds
        under QEMU's emulation): "rounds: ready", then at every SIGUSR1
        one round: the RAs of `ras ROUTERS PREFIXES`, then an NS flood (as
        flood, at most PPS per second) from --count new sources (default
        1000; each round its own), then "round K done: ...".  With
        --fill N, the first SIGUSR1 sends an NS flood from sources 1 .. N
        alone, then "fill: ...".  Until killed.  Send no SIGUSR1 before
        "rounds: ready".

    ndp-frames.py udp IFACE DST_MAC DST --src IP [--src-mac MAC]
        One UDP datagram (port 9 to 9, 8 bytes of payload) from IP to DST
        in a frame to DST_MAC: a group MAC with a unicast DST is what a
        receiver must not forward nor answer with an ICMPv6 error
        (RFC 4443 2.4 e.3).

    ndp-frames.py slow-na IFACE TARGET [--delay MS] [--wait S]
        A neighbour that answers late: every NS for TARGET received on
        IFACE gets a solicited NA (S and O set, TLLA IFACE's MAC) DELAY ms
        later (default 50), from TARGET, which IFACE itself need not have.
        Exits 0 at the first other packet to TARGET (the one the
        solicitation was for, sent on resolution) and 1 if none came within
        S seconds (default 5).  Frames to MACs 02:xx (the flood's sources)
        are filtered out in the kernel: it keeps up with a flood.

    ndp-frames.py marker IFACE TEXT
        One broadcast frame from IFACE's own MAC, EtherType 0x88b5 (local
        experimental), TEXT as its payload: not IPv6, so no ND counter or
        filter takes it for one.  A capture that has written TEXT has
        written every frame IFACE sent before it (a packet socket keeps
        its frames in order): the sign that a capture is complete.

Needs CAP_NET_RAW.  Checksums are computed here (the frames bypass the
sender's IPv6 stack).
"""
import argparse
import ipaddress
import socket
import struct

ND_RA, ND_NS, ND_NA = 134, 135, 136


def mac_bytes(s):
    return bytes.fromhex(s.replace(':', ''))


def ip_bytes(s):
    return ipaddress.IPv6Address(s).packed


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def mcast_mac(ip):
    return b'\x33\x33' + ip[12:]


def solicited_node(ip):
    return ip_bytes('ff02::1:ff00:0')[:13] + ip[13:]


def frame(dst_mac, src_mac, src, dst, icmp, hoplimit=255):
    """Ethernet + IPv6 + ICMPv6 (checksum filled in)."""
    pseudo = src + dst + struct.pack('!I', len(icmp)) + b'\0\0\0\x3a'
    c = csum(pseudo + icmp)
    icmp = icmp[:2] + struct.pack('!H', c) + icmp[4:]
    ip6 = struct.pack('!IHBB', 0x60000000, len(icmp), 58, hoplimit)
    return dst_mac + src_mac + b'\x86\xdd' + ip6 + src + dst + icmp


def ns_icmp(target, src_mac):
    return struct.pack('!BBHI', ND_NS, 0, 0, 0) + target + \
        struct.pack('!BB', 1, 1) + src_mac


def open_sock(iface):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    return s


def own_mac(iface):
    """IFACE's MAC, from the kernel itself (a bound packet socket's own
    address): /sys shows the namespace it was mounted in, not this one."""
    with open_sock(iface) as s:
        return s.getsockname()[4]


def cmd_ra(a):
    src_mac = mac_bytes(a.src_mac) if a.src_mac else own_mac(a.iface)
    dst = ip_bytes('ff02::1')
    icmp = struct.pack('!BBHBBHII', ND_RA, 0, 0, 0, 0, a.lifetime,
                       a.reachable, a.retrans)
    if a.rdnss:
        # type 25, 3 units of 8 bytes, reserved, lifetime, one address
        icmp += struct.pack('!BBHI', 25, 3, 0, a.rdnss_lifetime)
        icmp += ip_bytes(a.rdnss)
    if a.captive_portal:
        # type 37: the URI, zero-padded to a multiple of 8 with the header
        uri = a.captive_portal.encode()
        units = (2 + len(uri) + 7) // 8
        icmp += struct.pack('!BB', 37, units) + uri
        icmp += bytes(units * 8 - 2 - len(uri))
    if a.pref64:
        # type 38, 2 units: scaled lifetime (8 s units) and the length code
        pfx, plen = a.pref64.split('/')
        plc = {96: 0, 64: 1, 56: 2, 48: 3, 40: 4, 32: 5}[int(plen)]
        icmp += struct.pack('!BBH', 38, 2,
                            (a.pref64_lifetime // 8) << 3 | plc)
        icmp += ip_bytes(pfx)[:12]
    f = frame(mcast_mac(dst), src_mac, ip_bytes(a.src), dst, icmp)
    open_sock(a.iface).send(f)
    print('sent RA from %s: reachable %d ms, retrans %d ms, lifetime %d s%s'
          % (a.src, a.reachable, a.retrans, a.lifetime,
             ', RDNSS %s for %d s' % (a.rdnss, a.rdnss_lifetime)
             if a.rdnss else ''))


def ras_frames(routers, prefixes):
    dst = ip_bytes('ff02::1')
    frames = []
    for i in range(1, routers + 1):
        src_mac = bytes([2, 0xaa, 0, 0, 0, i])
        icmp = struct.pack('!BBHBBHII', ND_RA, 0, 0, 64, 0, 1800, 0, 0)
        icmp += struct.pack('!BB', 1, 1) + src_mac
        for j in range(1, prefixes + 1):
            pfx = ip_bytes('2001:db8:%x:%x::' % (i, j))
            icmp += struct.pack('!BBBBIII', 3, 4, 64, 0xc0, 3600, 1800, 0)
            icmp += pfx
        frames.append(frame(mcast_mac(dst), src_mac,
                            ip_bytes('fe80::1:%x' % i), dst, icmp))
    return frames


def cmd_ras(a):
    s = open_sock(a.iface)
    for f in ras_frames(a.routers, a.prefixes):
        s.send(f)
    print('sent %d RAs with %d prefixes each' % (a.routers, a.prefixes))


def cmd_ns(a):
    src_mac = mac_bytes(a.src_mac) if a.src_mac else own_mac(a.iface)
    target = ip_bytes(a.target)
    dst = ip_bytes(a.dst) if a.dst else solicited_node(target)
    dst_mac = mac_bytes(a.dst_mac) if a.dst_mac != 'auto' else \
        mcast_mac(dst)
    f = frame(dst_mac, src_mac, ip_bytes(a.src), dst,
              ns_icmp(target, src_mac), a.hoplimit)
    open_sock(a.iface).send(f)
    print('sent NS for %s from %s, hop limit %d' % (a.target, a.src,
                                                     a.hoplimit))


def cmd_udp(a):
    src_mac = mac_bytes(a.src_mac) if a.src_mac else own_mac(a.iface)
    src, dst = ip_bytes(a.src), ip_bytes(a.dst)
    udp = struct.pack('!HHHH', 9, 9, 16, 0) + b'ndpv6-l2'
    pseudo = src + dst + struct.pack('!I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('!H', csum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('!IHBB', 0x60000000, len(udp), 17, 64)
    f = mac_bytes(a.dst_mac) + src_mac + b'\x86\xdd' + ip6 + src + dst + udp
    open_sock(a.iface).send(f)
    print('sent UDP from %s to %s in a frame to %s' % (a.src, a.dst,
                                                       a.dst_mac))


def flood_frames(dst_mac, target, first, count):
    """NS for TARGET from the sources FIRST .. FIRST + COUNT - 1."""
    base = ip_bytes('fe80::ee:0:0:0')[:12]
    frames = []
    for i in range(first, first + count):
        mac = b'\x02\xee' + struct.pack('!I', i)
        src = base + struct.pack('!I', i)
        frames.append(frame(dst_mac, mac, src, target, ns_icmp(target, mac)))
    return frames


def cmd_flood(a):
    from ndp_send import send_paced	# ctypes: only the flood pays for it
    count = a.count or a.rate * a.seconds
    frames = flood_frames(mac_bytes(a.dst_mac), ip_bytes(a.target), a.first,
                          count)
    s = open_sock(a.iface)
    print('flood: %d frames built, sending' % count, flush=True)
    sent, dt = send_paced(s, frames, a.rate,
                          seconds=None if a.count else a.seconds)
    print('flood: sent %d of %d NS in %.2f s: %.0f NS/s (asked %d NS/s)'
          % (sent, count, dt, sent / dt, a.rate))


def drop_flood_replies(s):
    """Classic BPF on socket S: drop frames whose destination MAC begins
    with 02 (the flood's sources, 02:ee:...), keep the rest."""
    import ctypes
    prog = [(0x30, 0, 0, 0),		# ldb [0]
            (0x15, 0, 1, 0x02),		# jeq #0x02
            (0x06, 0, 0, 0),		# ret #0
            (0x06, 0, 0, 0xffff)]	# ret #0xffff
    insns = b''.join(struct.pack('HBBI', *i) for i in prog)
    buf = ctypes.create_string_buffer(insns)
    fprog = struct.pack('HL', len(prog), ctypes.addressof(buf))
    s.setsockopt(socket.SOL_SOCKET, 26, fprog)	# SO_ATTACH_FILTER


def cmd_slow_na(a):
    import sys
    import time
    eth_p_ipv6 = 0x86dd
    mac = own_mac(a.iface)
    target = ip_bytes(a.target)
    # no protocol until the filter is on: nothing unfiltered is queued
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    drop_flood_replies(s)
    s.bind((a.iface, eth_p_ipv6))
    s.settimeout(0.2)
    t0 = time.monotonic()
    answered = 0
    print('slow-na: answering NS for %s after %d ms' % (a.target, a.delay),
          flush=True)	# the caller waits for this line
    while time.monotonic() < t0 + a.wait:
        try:
            data, addr = s.recvfrom(2048)
        except socket.timeout:
            continue
        if addr[2] == socket.PACKET_OUTGOING or len(data) < 14 + 40 + 24:
            continue
        ip6 = data[14:]
        src, dst = ip6[8:24], ip6[24:40]
        if ip6[6] == 58 and ip6[40] == ND_NS and ip6[48:64] == target:
            time.sleep(a.delay / 1000)
            icmp = struct.pack('!BBHI', ND_NA, 0, 0, 0x60000000) + target + \
                struct.pack('!BB', 2, 1) + mac
            s.send(frame(data[6:12], mac, target, src, icmp))
            answered += 1
        elif dst == target:
            print('slow-na: %d NS answered, then a packet for %s after %.0f ms'
                  % (answered, a.target, (time.monotonic() - t0) * 1000))
            return
    print('slow-na: %d NS answered, no packet for %s in %d s'
          % (answered, a.target, a.wait))
    sys.exit(1)


def cmd_rounds(a):
    """Rounds of ND churn on demand, from one process: python's start
    costs seconds under QEMU's emulation."""
    import signal
    from ndp_send import send_paced
    dst_mac, target = mac_bytes(a.dst_mac), ip_bytes(a.target)
    # blocked before "ready": a SIGUSR1 waits for sigwait(), none is lost
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    s = open_sock(a.iface)
    ras = ras_frames(a.routers, a.prefixes)
    print('rounds: ready', flush=True)
    if a.fill:
        signal.sigwait({signal.SIGUSR1})
        sent, dt = send_paced(s, flood_frames(dst_mac, target, 1, a.fill),
                              a.rate)
        print('fill: sent %d of %d NS in %.2f s: %.0f NS/s'
              % (sent, a.fill, dt, sent / dt), flush=True)
    first = 1 + a.fill
    k = 0
    while True:
        signal.sigwait({signal.SIGUSR1})
        k += 1
        for f in ras:
            s.send(f)
        sent, dt = send_paced(s, flood_frames(dst_mac, target, first,
                                              a.count), a.rate)
        first += a.count
        print('round %d done: %d RAs, %d of %d NS in %.2f s'
              % (k, len(ras), sent, a.count, dt), flush=True)


def cmd_marker(a):
    f = b'\xff' * 6 + own_mac(a.iface) + b'\x88\xb5' + a.text.encode()
    open_sock(a.iface).send(f + bytes(max(0, 60 - len(f))))
    print('sent marker %r on %s' % (a.text, a.iface))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)

    p = sub.add_parser('ra')
    p.add_argument('iface')
    p.add_argument('--src', default='fe80::1:1')
    p.add_argument('--src-mac')
    p.add_argument('--reachable', type=int, default=0)
    p.add_argument('--retrans', type=int, default=0)
    p.add_argument('--lifetime', type=int, default=0)
    p.add_argument('--rdnss')
    p.add_argument('--rdnss-lifetime', type=int, default=0)
    p.add_argument('--captive-portal')
    p.add_argument('--pref64')
    p.add_argument('--pref64-lifetime', type=int, default=600)

    p = sub.add_parser('ras')
    p.add_argument('iface')
    p.add_argument('routers', type=int)
    p.add_argument('prefixes', type=int)

    p = sub.add_parser('ns')
    p.add_argument('iface')
    p.add_argument('dst_mac', help="a MAC, or 'auto' for DST's group MAC")
    p.add_argument('target')
    p.add_argument('--src', required=True)
    p.add_argument('--src-mac')
    p.add_argument('--dst')
    p.add_argument('--hoplimit', type=int, default=255)

    p = sub.add_parser('flood')
    p.add_argument('iface')
    p.add_argument('dst_mac')
    p.add_argument('target')
    p.add_argument('--rate', type=int, default=4000)
    p.add_argument('--seconds', type=int, default=10)
    p.add_argument('--count', type=int, default=0)
    p.add_argument('--first', type=int, default=1)

    p = sub.add_parser('rounds')
    p.add_argument('iface')
    p.add_argument('dst_mac')
    p.add_argument('target')
    p.add_argument('routers', type=int)
    p.add_argument('prefixes', type=int)
    p.add_argument('--count', type=int, default=1000)
    p.add_argument('--fill', type=int, default=0)
    p.add_argument('--rate', type=int, default=4000)

    p = sub.add_parser('udp')
    p.add_argument('iface')
    p.add_argument('dst_mac')
    p.add_argument('dst')
    p.add_argument('--src', required=True)
    p.add_argument('--src-mac')

    p = sub.add_parser('slow-na')
    p.add_argument('iface')
    p.add_argument('target')
    p.add_argument('--delay', type=int, default=50)
    p.add_argument('--wait', type=int, default=5)

    p = sub.add_parser('marker')
    p.add_argument('iface')
    p.add_argument('text')

    a = ap.parse_args()
    {'ra': cmd_ra, 'ras': cmd_ras, 'ns': cmd_ns, 'flood': cmd_flood, 'udp': cmd_udp,
     'slow-na': cmd_slow_na, 'marker': cmd_marker,
     'rounds': cmd_rounds}[a.cmd](a)


if __name__ == '__main__':
    main()
