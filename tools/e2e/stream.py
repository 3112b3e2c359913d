#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A TCP stream each way, connected first and sent when told to.

    stream.py PORT PEER_ADDR%DEV PEER_PORT BYTES GO_FILE

Listens on [::]:PORT, connects to [PEER_ADDR]:PEER_PORT (retrying for up
to 10 s while nobody listens) and accepts the peer's connection: run it
on both ends.  Prints "connected", waits until GO_FILE exists, then sends
BYTES random bytes on its connection while it reads the peer's to the
end, and prints "sent BYTES SHA256" and "received BYTES SHA256" (or
"received N, then ERROR" when the stream stalled or broke).

A test connects before it turns faults on (connect() may fail with
ENOMEM).  Every wait is bounded: 10 s to connect and for GO_FILE, STALL
seconds without progress (default 30; the environment's STREAM_STALL).
"""
import hashlib
import os
import socket
import sys
import threading
import time

STALL = float(os.environ.get('STREAM_STALL', '30'))


def connect(addr, port, scope):
    deadline = time.monotonic() + 10
    while True:
        c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        c.settimeout(STALL)
        try:
            c.connect((addr, port, 0, scope))
            return c
        except ConnectionRefusedError:
            c.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def receive(conn, out):
    h = hashlib.sha256()
    n = 0
    while True:
        try:
            data = conn.recv(65536)
        except OSError as e:
            out.append('received %d, then %s' % (n, e))
            return
        if not data:
            break
        h.update(data)
        n += len(data)
    out.append('received %d %s' % (n, h.hexdigest()))


def main():
    port, peer, peer_port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    size, go = int(sys.argv[4]), sys.argv[5]
    addr, _, dev = peer.partition('%')
    scope = socket.if_nametoindex(dev) if dev else 0

    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('::', port))
    s.listen(1)
    s.settimeout(10)
    out = connect(addr, peer_port, scope)
    inc, _ = s.accept()
    inc.settimeout(STALL)
    print('connected', flush=True)
    deadline = time.monotonic() + 10
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            sys.exit('stream.py: no %s after 10 s' % go)
        time.sleep(0.05)
    got = []
    reader = threading.Thread(target=receive, args=(inc, got))
    reader.start()
    data = os.urandom(size)
    try:
        out.sendall(data)
        out.close()
        print('sent %d %s' % (size, hashlib.sha256(data).hexdigest()),
              flush=True)
    except OSError as e:
        print('sent part, then %s' % e, flush=True)
    reader.join()
    print(got[0], flush=True)


if __name__ == '__main__':
    main()
