#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""TCP and UDP transfers both ways, with SHA-256 of what went each way.

    xfer.py PORT PEER_ADDR%DEV PEER_PORT BYTES first|second

Listens on [::]:PORT (TCP and UDP) at once, then runs two sessions: as a
client against PEER_ADDR:PEER_PORT and as a server for the peer's client,
in that order ("first") or the other ("second").  Run it on both ends,
one "first", one "second": each end is client once and server once.  The
client retries connecting until the peer listens (at most 30 s), so both
ends may start together.

A session is TCP, then UDP.  TCP: the client sends BYTES random bytes and
shuts down its side; the server reads to the end, then sends BYTES random
bytes of its own and closes.  UDP: the client sends BYTES in numbered
datagrams of 64 to 3000 bytes (those over 1452 leave as IPv6 fragments),
at most 8 unanswered; the server answers each with as many random bytes of
its own under the same number; unanswered datagrams are resent after
200 ms (UDP may lose); a last datagram (number 0xffffffff) ends the
session.

Prints "client|server PROTO sent|received BYTES SHA256" lines; the caller
compares the two ends.  Every wait is bounded (10 s without progress).
"""
import hashlib
import os
import socket
import struct
import sys
import time

SIZES = (1452, 3000, 64, 1200)
WINDOW = 8
FIN = 0xffffffff
STALL = 10.0


def report(role, proto, what, data):
    print('%s %s %s %d %s' % (role, proto, what, len(data),
                              hashlib.sha256(data).hexdigest()), flush=True)


def recv_all(s):
    chunks = []
    while True:
        b = s.recv(65536)
        if not b:
            return b''.join(chunks)
        chunks.append(b)


def serve(t, u):
    t.settimeout(60)
    c, _ = t.accept()
    c.settimeout(STALL)
    got = recv_all(c)
    report('server', 'tcp', 'received', got)
    mine = os.urandom(len(got))
    c.sendall(mine)
    c.close()
    report('server', 'tcp', 'sent', mine)

    u.settimeout(60)
    parts, answers = {}, {}
    while True:
        d, peer = u.recvfrom(65536)
        u.settimeout(STALL)
        (seq,) = struct.unpack('!I', d[:4])
        if seq == FIN:
            u.sendto(d[:4], peer)
            break
        if seq not in parts:
            parts[seq] = d[4:]
            answers[seq] = os.urandom(len(d) - 4)
        u.sendto(d[:4] + answers[seq], peer)
    report('server', 'udp', 'received',
           b''.join(parts[k] for k in sorted(parts)))
    report('server', 'udp', 'sent',
           b''.join(answers[k] for k in sorted(answers)))


def connect(info):
    deadline = time.monotonic() + 30
    while True:
        c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        c.settimeout(STALL)
        try:
            c.connect(info)
            return c
        except (ConnectionRefusedError, socket.timeout):
            c.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def udp_client(info, mine):
    u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u.connect(info)
    u.settimeout(0.2)
    sent, got, pending = {}, {}, {}
    seq = off = resent = 0
    last = time.monotonic()
    while off < len(mine) or pending:
        while off < len(mine) and len(pending) < WINDOW:
            n = min(SIZES[seq % len(SIZES)], len(mine) - off)
            sent[seq] = mine[off:off + n]
            pending[seq] = struct.pack('!I', seq) + sent[seq]
            u.send(pending[seq])
            off += n
            seq += 1
        try:
            r = u.recv(65536)
        except socket.timeout:
            if time.monotonic() - last > STALL:
                sys.exit('udp: no answer for %.0f s' % STALL)
            for d in pending.values():
                u.send(d)
            resent += len(pending)
            continue
        (k,) = struct.unpack('!I', r[:4])
        if k in pending:
            del pending[k]
            got[k] = r[4:]
            last = time.monotonic()
    for _ in range(int(STALL / 0.2)):
        u.send(struct.pack('!I', FIN))
        try:
            if u.recv(65536)[:4] == struct.pack('!I', FIN):
                break
        except socket.timeout:
            pass
    else:
        sys.exit('udp: the end was not answered')
    report('client', 'udp', 'sent', b''.join(sent[k] for k in sorted(sent)))
    report('client', 'udp', 'received',
           b''.join(got[k] for k in sorted(got)))
    print('client udp: %d datagrams, %d resent' % (seq, resent), flush=True)


def client(addr, port, size):
    info = socket.getaddrinfo(addr, port, socket.AF_INET6)[0][4]
    c = connect(info)
    mine = os.urandom(size)
    c.sendall(mine)
    c.shutdown(socket.SHUT_WR)
    report('client', 'tcp', 'sent', mine)
    report('client', 'tcp', 'received', recv_all(c))
    c.close()
    udp_client(info, os.urandom(size))


def main():
    if len(sys.argv) != 6 or sys.argv[5] not in ('first', 'second'):
        sys.exit(__doc__)
    port, addr, peer_port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    size = int(sys.argv[4])
    t = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind(('::', port))
    t.listen(1)
    u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u.bind(('::', port))
    if sys.argv[5] == 'first':
        client(addr, peer_port, size)
        serve(t, u)
    else:
        serve(t, u)
        client(addr, peer_port, size)


if __name__ == '__main__':
    main()
