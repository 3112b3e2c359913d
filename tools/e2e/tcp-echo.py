#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One TCP exchange from a chosen source address.

    tcp-echo.py listen ADDR PORT
    tcp-echo.py connect SRC DST PORT

listen: accepts one connection on [ADDR]:PORT, sends back the client's
address and what it read, then exits.  connect: connects from [SRC] to
[DST]:PORT (retrying for up to 10 s while nobody listens), sends a line
and prints the answer, "FROM-ADDR LINE".  Every wait is bounded (10 s).
"""
import socket
import sys
import time


def listen(addr, port):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(1)
    s.settimeout(60)
    c, peer = s.accept()
    c.settimeout(10)
    data = c.recv(256)
    c.sendall(peer[0].encode() + b' ' + data)
    c.close()


def connect(src, dst, port):
    deadline = time.monotonic() + 10
    while True:
        try:
            c = socket.create_connection((dst, port), timeout=10,
                                         source_address=(src, 0))
            break
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    c.sendall(b'hello\n')
    print(c.recv(256).decode().strip())
    c.close()


def main():
    if sys.argv[1] == 'listen':
        listen(sys.argv[2], int(sys.argv[3]))
    else:
        connect(sys.argv[2], sys.argv[3], int(sys.argv[4]))


if __name__ == '__main__':
    main()
