#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Endless TCP, UDP and echo traffic that outlives its link (e2e 52).

    stress-load.py server PORT
    stress-load.py client DST%DEV PORT STATUS [--chunk BYTES] [--pause S]
    stress-load.py side DST%DEV PORT STATUS CPU[,CPU...] [--chunk BYTES]
                   [--pause S] [--paused]

server: a TCP echo (a thread per connection) and a UDP echo on [::]:PORT
until killed.

client: until killed, in turn: one TCP exchange (CHUNK bytes, default
16384, sent on a connection kept open and read back, checked), one UDP
datagram and its echo, one ICMPv6 echo request and its reply, each waited
for at most 2 s; then a pause of S seconds (default 0: none), which
leaves a one-CPU machine time for anything else.  Any failure (DEV gone,
no route, a timeout, a reset, a wrong answer) counts as an error: the TCP
connection is closed, DEV's index looked up again (a new DEV of the same
name has another one), and the next exchange tried after 50 ms.  So it
carries on through a link that goes down, comes back, or is deleted and
made again.

STATUS is rewritten (a new file renamed over it: never read half-written)
at most every 0.2 s and at exit, as one line for bash's read:
    TCP_OK UDP_OK ECHO_OK TCP_LAST UDP_LAST ECHO_LAST ERRORS TCP_BYTES
the exchanges that succeeded, the wall-clock time of the last success of
each kind in microseconds (as bash's EPOCHREALTIME without its dot; 0
before the first), the errors and the TCP bytes echoed.

side: one side's whole load from one python start: forks a server and a
client per CPU listed, the i-th pinned to its CPU (as taskset -c) with
the status file STATUS-i.  SIGUSR1 stops the children (SIGSTOP), SIGUSR2
continues them (--paused: stopped from the start, until SIGUSR2), SIGTERM
ends them (each client writes its status) and then itself.
"""
import argparse
import os
import signal
import socket
import struct
import sys
import threading
import time

WAIT = 2.0
PAUSE = 0.05
ICMP6_ECHO_REQUEST, ICMP6_ECHO_REPLY = 128, 129


def now_us():
    return time.time_ns() // 1000


def serve_tcp(conn):
    conn.settimeout(30)
    try:
        while True:
            b = conn.recv(65536)
            if not b:
                break
            conn.sendall(b)
    except OSError:
        pass
    conn.close()


def server(port):
    t = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind(('::', port))
    t.listen(16)
    u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u.bind(('::', port))

    def accept():
        while True:
            c, _ = t.accept()
            threading.Thread(target=serve_tcp, args=(c,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    while True:
        try:
            b, peer = u.recvfrom(65536)
            u.sendto(b, peer)
        except OSError:
            pass


class Client:
    def __init__(self, dst, dev, port, status, chunk, pause):
        self.dst, self.dev, self.port = dst, dev, port
        self.status, self.chunk, self.pause = status, chunk, pause
        self.ok = [0, 0, 0]
        self.last = [0, 0, 0]
        self.errors = 0
        self.bytes = 0
        self.written = 0.0
        self.scope = 0
        self.tcp = None
        self.seq = 0
        self.ident = os.getpid() & 0xffff
        self.udp = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        self.icmp = socket.socket(socket.AF_INET6, socket.SOCK_RAW,
                                  socket.IPPROTO_ICMPV6)

    def write(self, force=False):
        t = time.monotonic()
        if not force and t - self.written < 0.2:
            return
        self.written = t
        tmp = self.status + '.tmp'
        with open(tmp, 'w') as f:
            f.write('%d %d %d %d %d %d %d %d\n' %
                    (*self.ok, *self.last, self.errors, self.bytes))
        os.replace(tmp, self.status)

    def done(self, kind):
        self.ok[kind] += 1
        self.last[kind] = now_us()

    def addr(self):
        return (self.dst, self.port, 0, self.scope)

    def exchange_tcp(self):
        if self.tcp is None:
            self.tcp = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            self.tcp.settimeout(WAIT)
            self.tcp.connect(self.addr())
        self.seq += 1
        data = struct.pack('!I', self.seq) * (self.chunk // 4)
        self.tcp.sendall(data)
        got = bytearray()
        while len(got) < len(data):
            b = self.tcp.recv(len(data) - len(got))
            if not b:
                raise ConnectionError('closed')
            got += b
        if got != data:
            raise ValueError('TCP echo differs')
        self.bytes += len(data)
        self.done(0)

    def exchange_udp(self):
        self.seq += 1
        data = struct.pack('!I', self.seq) * 64
        self.udp.sendto(data, self.addr())
        deadline = time.monotonic() + WAIT
        while True:
            self.udp.settimeout(max(deadline - time.monotonic(), 0.01))
            b = self.udp.recv(65536)	# raises on timeout
            if b == data:
                break
        self.done(1)

    def exchange_echo(self):
        self.seq += 1
        seq = self.seq & 0xffff
        msg = struct.pack('!BBHHH', ICMP6_ECHO_REQUEST, 0, 0, self.ident,
                          seq) + b'ndpv6-52' * 8
        self.icmp.sendto(msg, (self.dst, 0, 0, self.scope))
        deadline = time.monotonic() + WAIT
        while True:
            self.icmp.settimeout(max(deadline - time.monotonic(), 0.01))
            b = self.icmp.recv(65536)
            if len(b) >= 8 and b[0] == ICMP6_ECHO_REPLY and \
               struct.unpack('!HH', b[4:8]) == (self.ident, seq):
                break
        self.done(2)

    def fail(self):
        self.errors += 1
        if self.tcp is not None:
            self.tcp.close()
            self.tcp = None
        self.scope = 0
        time.sleep(PAUSE)

    def run(self):
        steps = (self.exchange_tcp, self.exchange_udp, self.exchange_echo)
        while True:
            for step in steps:
                try:
                    if not self.scope:
                        self.scope = socket.if_nametoindex(self.dev)
                    step()
                except (OSError, ValueError):
                    self.fail()
                self.write()
            if self.pause:
                time.sleep(self.pause)


def client(a, dst, dev, status, cpu):
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    c = Client(dst, dev, a.port, status, a.chunk, a.pause)

    def stop(signum, frame):
        c.write(force=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    c.write(force=True)
    c.run()


def side(a, dst, dev):
    """The server and a client per CPU, forked: one python start, not
    several (seconds each under TCG); the children are processes of their
    own, each client pinned to its CPU as taskset would."""
    kids = []

    def fork(fn, *args):
        pid = os.fork()
        if pid == 0:
            for sig in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2):
                signal.signal(sig, signal.SIG_DFL)
            try:
                fn(*args)
            finally:
                os._exit(0)
        kids.append(pid)

    def each(sig):
        for pid in kids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def stop(signum, frame):
        each(signal.SIGCONT)
        each(signal.SIGTERM)
        for pid in kids:
            os.waitpid(pid, 0)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGUSR1, lambda s, f: each(signal.SIGSTOP))
    signal.signal(signal.SIGUSR2, lambda s, f: each(signal.SIGCONT))
    fork(server, a.port)
    for i, cpu in enumerate(a.cpus.split(','), 1):
        fork(client, a, dst, dev, '%s-%d' % (a.status, i), int(cpu))
    if a.paused:
        each(signal.SIGSTOP)
    while True:
        signal.pause()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('server')
    p.add_argument('port', type=int)
    for name in ('client', 'side'):
        p = sub.add_parser(name)
        p.add_argument('dst')
        p.add_argument('port', type=int)
        p.add_argument('status')
        if name == 'side':
            p.add_argument('cpus')
            p.add_argument('--paused', action='store_true')
        p.add_argument('--chunk', type=int, default=16384)
        p.add_argument('--pause', type=float, default=0.0)
    a = ap.parse_args()
    if a.cmd == 'server':
        server(a.port)
        return
    dst, dev = a.dst.split('%')
    if a.cmd == 'side':
        side(a, dst, dev)
    else:
        client(a, dst, dev, a.status, None)


if __name__ == '__main__':
    main()
