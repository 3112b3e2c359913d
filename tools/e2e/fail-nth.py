#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Fail each slab allocation of netlink requests in turn (fail-nth).

    fail-nth.py [-v] [--max N] [--first N] [--kmsg] 'OP ARG...'...
    fail-nth.py --plain 'OP ARG...'...

Each OP is one request, built as ip(8) or ndpv6ctl(8) builds it:

    link-add LOWER NAME     RTM_NEWLINK of type ndpv6 (ip link add link
                            LOWER name NAME type ndpv6)
    link-up NAME            RTM_NEWLINK IFF_UP (ip link set NAME up); before
                            each try max-nbrs grows by one, so that ndo_open
                            allocates the core's memory anew
    router-add|router-del DEV ADDR
    prefix-add|prefix-del DEV PREFIX/LEN
    addr-add|addr-del DEV ADDR/LEN  (the length goes with an add only)
    params-set DEV DAD_TRANSMITS ACCEPT_RA REPLY_ECHO
    params-get|stats-get DEV
    addr-dump DEV           NDPV6_CMD_GET_ADDR, NLM_F_DUMP

For n = 1, 2, ...: n goes to /proc/thread-self/fail-nth, the request is
sent, and fail-nth is read back at once (0: the n-th slab allocation of
this thread failed) and cleared before the answer is read: rtnetlink and
generic netlink handle a request inside sendmsg(), so the failures are
the request's own, the module's and the kernel's around it.  The first
try in which nothing failed ends the loop: n - 1 is the number of failure
points of the request (each allocation counts twice: kmemleak allocates
its object for it, and falls back to its pool when that fails).  Each try
must end in one of:

  - an error, from sendmsg or in the answer: ENOMEM or ENOBUFS (link-add
    also EINVAL: see LinkAdd), with the state before the request;
  - success (the failure was absorbed), with the state the request makes;
  - the answer lost (ENOBUFS on the socket: no memory for the ack), with
    one state or the other.

The state is read with no fault: whether NAME exists; whether it is up
and its core running; whether the core has the router, prefix or
address; the parameters.  A try that changed it is undone (with no fault)
before the next, which is the retry of the one before; the last try
must succeed and its change stays, for the next OP.  Prints the outcomes
of each OP and its number of failure points; exits 0, or 1 with a "FAIL:"
line at the first violation.  Needs root, CONFIG_FAULT_INJECTION with
failslab's ignore-gfp-wait off (or GFP_KERNEL allocations are not
counted); run it in the devices' network namespace.

--plain sends each request once with no fault (exit 1 on an error), for
a test that injects faults some other way; three more OPs are for it:
link-down NAME, kaddr-add DEV ADDR/LEN (ip addr add) and sleep SECONDS.
"""
import argparse
import collections
import errno
import ipaddress
import os
import re
import socket
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
UAPI = os.path.join(HERE, '..', '..', 'include', 'uapi', 'linux', 'ndpv6.h')

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NLM_F_EXCL = 0x200
NLM_F_CREATE = 0x400
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLMSGERR_ATTR_MSG = 1
NLA_F_NESTED = 0x8000
RTM_NEWLINK = 16
RTM_DELLINK = 17
RTM_GETLINK = 18
RTM_NEWADDR = 20
IFA_LOCAL = 2
IFLA_IFNAME = 3
IFLA_LINK = 5
IFLA_LINKINFO = 18
IFLA_INFO_KIND = 1
IFF_UP = 0x1
GENL_ID_CTRL = 16
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
# what a failed allocation may come back as
ALLOWED = frozenset([errno.ENOMEM, errno.ENOBUFS])


def uapi_enums(path):
    """Every enumerator of the UAPI header: name -> value."""
    with open(path) as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    names = {}
    for body in re.findall(r'enum\s+\w+\s*\{(.*?)\}', text, flags=re.S):
        value = 0
        for item in body.split(','):
            item = item.strip()
            if not item:
                continue
            name, _, expr = item.partition('=')
            if expr.strip():
                expr = expr.strip()
                value = names[expr] if expr in names else int(expr, 0)
            names[name.strip()] = value
            value += 1
    return names


E = uapi_enums(UAPI)


def attr(kind, data):
    """One netlink attribute, padded."""
    if isinstance(data, list):
        data = b''.join(data)
        kind |= NLA_F_NESTED
    raw = struct.pack('=HH', 4 + len(data), kind) + data
    return raw + bytes(-len(raw) % 4)


def attrs(buf):
    """The attributes of @buf: type (flags cleared) -> payload."""
    out, pos = {}, 0
    while pos + 4 <= len(buf):
        length, kind = struct.unpack_from('=HH', buf, pos)
        if length < 4:
            break
        out[kind & 0x3fff] = buf[pos + 4:pos + length]
        pos += (length + 3) & ~3
    return out


def strz(s):
    return s.encode() + b'\0'


class Answer:
    """What a request came to: errno 0 (success), the errno, or lost."""

    def __init__(self, err, msg='', payloads=(), lost=False, where=''):
        self.err = err
        self.msg = msg
        self.payloads = list(payloads)
        self.lost = lost
        self.where = where

    def __str__(self):
        if self.lost:
            return 'answer lost (%s)' % errno.errorcode.get(self.err, self.err)
        if not self.err:
            return 'ok'
        name = errno.errorcode.get(self.err, str(self.err))
        return '%s%s%s' % (name, ' (%s)' % self.where if self.where else '',
                           ' "%s"' % self.msg if self.msg else '')


class FailNth:
    """This thread's fail-nth: arm() before a system call, fired() after."""

    def __init__(self):
        self.fd = os.open('/proc/thread-self/fail-nth', os.O_RDWR)

    def arm(self, n):
        os.pwrite(self.fd, b'%d' % n, 0)

    def fired(self):
        """Did the armed failure happen?  Disarms."""
        left = int(os.pread(self.fd, 32, 0))
        os.pwrite(self.fd, b'0', 0)
        return left == 0


class Netlink:
    """A netlink socket sending one request at a time."""

    def __init__(self, proto, nth):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
        self.sock.bind((0, 0))
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.sock.settimeout(10)
        self.seq = 0
        self.nth = nth

    def request(self, kind, flags, payload, n=0):
        """Send one request (the n-th allocation failing, if n), and read
        its answer.  Returns (Answer, fired)."""
        self.seq += 1
        msg = struct.pack('=IHHII', 16 + len(payload), kind,
                          NLM_F_REQUEST | NLM_F_ACK | flags,
                          self.seq, 0) + payload
        fired = False
        if n:
            self.nth.arm(n)
        try:
            self.sock.send(msg)
        except OSError as e:
            if n:
                fired = self.nth.fired()
            return Answer(e.errno, where='sendmsg'), fired
        if n:
            fired = self.nth.fired()
        return self.answer(), fired

    def answer(self):
        payloads = []
        while True:
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                # no answer, and no error on the socket either
                return Answer(errno.ETIMEDOUT, where='no answer in 10 s')
            except OSError as e:
                # ENOBUFS: the kernel had no memory for the answer
                return Answer(e.errno, payloads=payloads,
                              lost=e.errno == errno.ENOBUFS, where='recv')
            pos = 0
            while pos + 16 <= len(data):
                length, kind, flags, seq, _ = struct.unpack_from('=IHHII',
                                                                 data, pos)
                body = data[pos + 16:pos + length]
                pos += (length + 3) & ~3
                if seq != self.seq:
                    continue
                if kind == NLMSG_DONE:
                    # the end of a dump, with its error (no ack follows)
                    err = -struct.unpack_from('=i', body)[0] if body else 0
                    return Answer(err, payloads=payloads)
                if kind != NLMSG_ERROR:
                    payloads.append(body)
                    continue
                err = -struct.unpack_from('=i', body)[0]
                text = ''
                if flags & NLM_F_ACK_TLVS:
                    # after the error and the request's header (CAP_ACK)
                    tlv = attrs(body[4 + 16:])
                    if NLMSGERR_ATTR_MSG in tlv:
                        text = tlv[NLMSGERR_ATTR_MSG].rstrip(b'\0').decode()
                return Answer(err, text, payloads)


class Ndpv6:
    """The generic netlink family "ndpv6"."""

    def __init__(self, nth):
        self.nl = Netlink(NETLINK_GENERIC, nth)
        ans, _ = self.nl.request(GENL_ID_CTRL, 0, struct.pack(
            '=BBH', CTRL_CMD_GETFAMILY, 1, 0) + attr(CTRL_ATTR_FAMILY_NAME,
                                                     strz('ndpv6')))
        if ans.err or not ans.payloads:
            sys.exit('FAIL: no generic netlink family ndpv6: %s' % ans)
        self.family = struct.unpack(
            '=H', attrs(ans.payloads[0][4:])[CTRL_ATTR_FAMILY_ID])[0]

    def request(self, cmd, dev, attributes, n=0, flags=0):
        payload = struct.pack('=BBH', E[cmd], 1, 0) + \
            attr(E['NDPV6_A_IFNAME'], strz(dev)) + b''.join(attributes)
        return self.nl.request(self.family, flags, payload, n)

    def call(self, cmd, dev, attributes=()):
        """A request without faults: the answer, or exit on an error."""
        ans, _ = self.request(cmd, dev, attributes)
        if ans.err:
            sys.exit('FAIL: %s %s: %s' % (cmd, dev, ans))
        return ans

    def params(self, dev):
        ans = self.call('NDPV6_CMD_GET_PARAMS', dev)
        return attrs(attrs(ans.payloads[0][4:])[E['NDPV6_A_PARAMS']])


# ------------------------------------------------------------ the requests

class Op:
    """One request: its message, the state before and after it, its undo."""

    # errnos a failure may end in, besides ENOMEM and ENOBUFS
    allow = frozenset()

    def __init__(self, nd, rt):
        self.nd = nd
        self.rt = rt

    def setup(self):
        """Make the state the request starts from (no faults)."""

    def before_try(self):
        """Runs before each try (no faults)."""

    def send(self, n):
        raise NotImplementedError

    def state(self):
        raise NotImplementedError

    def undo(self):
        """Back to the state before, after a try that succeeded."""


def link_get(rt, name):
    """(ifindex, flags) of device @name, None if there is none.  (Not
    if_nametoindex(): its ioctl tries to load a module for a name that is
    not there, a modprobe each time.)"""
    body = struct.pack('=BxHiII', socket.AF_UNSPEC, 0, 0, 0, 0) + \
        attr(IFLA_IFNAME, strz(name))
    ans, _ = rt.request(RTM_GETLINK, 0, body)
    if ans.err == errno.ENODEV:
        return None
    if ans.err or not ans.payloads:
        sys.exit('FAIL: RTM_GETLINK %s: %s' % (name, ans))
    _, _, index, flags = struct.unpack_from('=BxHiI', ans.payloads[0])
    return index, flags


class LinkAdd(Op):
    # register_netdevice(): device_add() says EINVAL when the kobject has
    # no name, which it has not when dev_set_name() found no memory
    allow = frozenset([errno.EINVAL])

    def __init__(self, nd, rt, lower, name):
        super().__init__(nd, rt)
        self.lower, _ = link_get(rt, lower)
        self.name = name
        self.want = (False, True)

    def send(self, n):
        info = attr(IFLA_LINKINFO, [attr(IFLA_INFO_KIND, strz('ndpv6'))])
        body = struct.pack('=BxHiII', socket.AF_UNSPEC, 0, 0, 0, 0) + \
            attr(IFLA_IFNAME, strz(self.name)) + \
            attr(IFLA_LINK, struct.pack('=I', self.lower)) + info
        return self.rt.request(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, body,
                               n)

    def state(self):
        return link_get(self.rt, self.name) is not None

    def undo(self):
        body = struct.pack('=BxHiII', socket.AF_UNSPEC, 0, 0, 0, 0) + \
            attr(IFLA_IFNAME, strz(self.name))
        ans, _ = self.rt.request(RTM_DELLINK, 0, body)
        if ans.err:
            sys.exit('FAIL: deleting %s: %s' % (self.name, ans))


class LinkUp(Op):
    def __init__(self, nd, rt, name):
        super().__init__(nd, rt)
        self.name = name
        self.index, _ = link_get(rt, name)
        self.want = ((False, False), (True, True))

    def setup(self):
        self.nbrs = struct.unpack('=I', self.nd.params(self.name)[
            E['NDPV6_PARAMS_A_MAX_NBRS']])[0]

    def before_try(self):
        # a larger core each time: ndo_open allocates its memory anew
        self.nbrs += 1
        self.nd.call('NDPV6_CMD_SET_PARAMS', self.name, [attr(
            E['NDPV6_A_PARAMS'], [attr(E['NDPV6_PARAMS_A_MAX_NBRS'],
                                       struct.pack('=I', self.nbrs))])])

    def set_flags(self, flags, n=0):
        body = struct.pack('=BxHiII', socket.AF_UNSPEC, 0, self.index,
                           flags, IFF_UP)
        return self.rt.request(RTM_NEWLINK, 0, body, n)

    def send(self, n):
        return self.set_flags(IFF_UP, n)

    def state(self):
        _, flags = link_get(self.rt, self.name)
        running = E['NDPV6_PARAMS_A_RUNNING'] in self.nd.params(self.name)
        return (bool(flags & IFF_UP), running)

    def undo(self):
        ans, _ = self.set_flags(0)
        if ans.err:
            sys.exit('FAIL: setting %s down: %s' % (self.name, ans))


def ip16(text):
    return ipaddress.IPv6Address(text).packed


class Entry(Op):
    """A router, prefix or address: added or deleted by the request."""

    NEST = {'router': 'NDPV6_A_ROUTER', 'prefix': 'NDPV6_A_PREFIX',
            'addr': 'NDPV6_A_ADDR'}

    def __init__(self, nd, rt, kind, add, dev, key):
        super().__init__(nd, rt)
        self.kind, self.add, self.dev = kind, add, dev
        up = kind.upper()
        self.cmds = ('NDPV6_CMD_NEW_' + up, 'NDPV6_CMD_DEL_' + up,
                     'NDPV6_CMD_GET_' + up)
        addr, _, plen = key.partition('/')
        self.key = [attr(E['NDPV6_%s_A_ADDRESS' % up], ip16(addr))]
        self.extra = []
        if kind == 'prefix':
            self.key.append(attr(E['NDPV6_PREFIX_A_LEN'],
                                 struct.pack('=B', int(plen))))
        elif kind == 'addr' and plen:
            self.extra.append(attr(E['NDPV6_ADDR_A_PREFIX_LEN'],
                                   struct.pack('=B', int(plen))))
        self.want = (not add, add)

    def nest(self, with_extra):
        return [attr(E[self.NEST[self.kind]],
                     self.key + (self.extra if with_extra else []))]

    def put(self, add, n=0):
        return self.nd.request(self.cmds[0] if add else self.cmds[1],
                               self.dev, self.nest(add), n)

    def setup(self):
        if self.state() != self.want[0]:
            ans, _ = self.put(not self.add)
            if ans.err:
                sys.exit('FAIL: setup: %s' % ans)

    def send(self, n):
        return self.put(self.add, n)

    def state(self):
        ans, _ = self.nd.request(self.cmds[2], self.dev, self.nest(False))
        if ans.err not in (0, errno.ENOENT):
            sys.exit('FAIL: %s: %s' % (self.cmds[2], ans))
        return ans.err == 0

    def undo(self):
        ans, _ = self.put(not self.add)
        if ans.err:
            sys.exit('FAIL: undo: %s' % ans)


class ParamsSet(Op):
    KEYS = ('NDPV6_PARAMS_A_DAD_TRANSMITS', 'NDPV6_PARAMS_A_ACCEPT_RA',
            'NDPV6_PARAMS_A_REPLY_ECHO')

    def __init__(self, nd, rt, dev, *values):
        super().__init__(nd, rt)
        self.dev = dev
        self.target = tuple(int(v) for v in values)

    def setup(self):
        self.want = (self.state(), self.target)
        if self.want[0] == self.want[1]:
            sys.exit('FAIL: params-set: the values are already set')

    def put(self, values, n=0):
        nest = [attr(E[k], struct.pack('=B', v))
                for k, v in zip(self.KEYS, values)]
        return self.nd.request('NDPV6_CMD_SET_PARAMS', self.dev,
                               [attr(E['NDPV6_A_PARAMS'], nest)], n)

    def send(self, n):
        return self.put(self.target, n)

    def state(self):
        p = self.nd.params(self.dev)
        return tuple(p[E[k]][0] for k in self.KEYS)

    def undo(self):
        ans, _ = self.put(self.want[0])
        if ans.err:
            sys.exit('FAIL: undo: %s' % ans)


class Read(Op):
    """A request that changes nothing."""

    CMDS = {'params-get': 'NDPV6_CMD_GET_PARAMS',
            'stats-get': 'NDPV6_CMD_GET_STATS',
            'addr-dump': 'NDPV6_CMD_GET_ADDR'}

    def __init__(self, nd, rt, op, dev):
        super().__init__(nd, rt)
        self.cmd = self.CMDS[op]
        self.dump = op.endswith('-dump')
        self.dev = dev
        self.want = (None, None)

    def send(self, n):
        return self.nd.request(self.cmd, self.dev, [], n,
                               NLM_F_DUMP if self.dump else 0)

    def state(self):
        return None


class Plain(Op):
    """What --plain also does, without a fail-nth loop: link-down NAME,
    kaddr-add DEV ADDR/LEN (ip addr add), sleep SECONDS."""

    def __init__(self, nd, rt, op, *args):
        super().__init__(nd, rt)
        self.op, self.args = op, args

    def send(self, n):
        if self.op == 'sleep':
            time.sleep(float(self.args[0]))
            return Answer(0), False
        index, _ = link_get(self.rt, self.args[0])
        if self.op == 'link-down':
            body = struct.pack('=BxHiII', socket.AF_UNSPEC, 0, index, 0,
                               IFF_UP)
            return self.rt.request(RTM_NEWLINK, 0, body, n)
        addr, _, plen = self.args[1].partition('/')
        body = struct.pack('=BBBBi', socket.AF_INET6, int(plen), 0, 0,
                           index) + attr(IFA_LOCAL, ip16(addr))
        return self.rt.request(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, body,
                               n)


def make_op(nd, rt, op, args):
    if op in ('link-down', 'kaddr-add', 'sleep'):
        return Plain(nd, rt, op, *args)
    if op == 'link-add':
        return LinkAdd(nd, rt, *args)
    if op == 'link-up':
        return LinkUp(nd, rt, *args)
    if op == 'params-set':
        return ParamsSet(nd, rt, *args)
    if op in Read.CMDS:
        return Read(nd, rt, op, *args)
    kind, _, verb = op.partition('-')
    if kind in Entry.NEST and verb in ('add', 'del'):
        return Entry(nd, rt, kind, verb == 'add', *args)
    sys.exit('fail-nth.py: unknown OP %s' % op)


def run(op, label, a):
    """The loop of one request; exits on a violation."""
    op.setup()
    outcomes = collections.Counter()
    for n in range(a.first, a.max + 2):
        if n > a.max:
            sys.exit('FAIL: %s: more than %d failure points' % (label, a.max))
        before = op.state()
        if before != op.want[0]:
            sys.exit('FAIL: %s: before try %d the state is %s, not %s' %
                     (label, n, before, op.want[0]))
        op.before_try()
        if a.kmsg:
            with open('/dev/kmsg', 'w') as k:
                k.write('fail-nth.py: %s: try %d\n' % (label, n))
        ans, fired = op.send(n)
        after = op.state()
        if a.v:
            print('%s: try %d: %s%s, state %s' % (
                label, n, ans, '' if fired else ' (nothing failed)', after))
        if not fired:
            if ans.err or ans.lost:
                sys.exit('FAIL: %s: %s with no failure injected' %
                         (label, ans))
            if after != op.want[1]:
                sys.exit('FAIL: %s: succeeded, but the state is %s, not %s'
                         % (label, after, op.want[1]))
            break
        if ans.lost:
            outcomes['answer lost'] += 1
            ok = after in op.want
        elif ans.err:
            outcomes[str(ans)] += 1
            ok = ans.err in ALLOWED | op.allow and after == op.want[0]
        else:
            outcomes['ok (absorbed)'] += 1
            ok = after == op.want[1]
        if not ok:
            sys.exit('FAIL: %s: allocation %d failed: %s, then the state is '
                     '%s (before %s, after success %s)' %
                     (label, n, ans, after, op.want[0], op.want[1]))
        if after != op.want[0]:
            op.undo()
    for what, count in sorted(outcomes.items()):
        print('%s:   %4d x %s' % (label, count, what))
    print('%s: %d failure points, each a clean outcome' % (label, n - 1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('-v', action='store_true', help='print every try')
    p.add_argument('--max', type=int, default=3000,
                   help='fail when a request has more failure points')
    p.add_argument('--first', type=int, default=1,
                   help='start at this allocation (to look at one)')
    p.add_argument('--kmsg', action='store_true',
                   help='mark each try in the kernel log')
    p.add_argument('--plain', action='store_true',
                   help='send each request once, with no fault (to make '
                   'events while faults are injected another way)')
    p.add_argument('op', nargs='+', help='"OP ARG..." (one argument each)')
    a = p.parse_args()
    nth = FailNth()
    nd = Ndpv6(nth)
    rt = Netlink(socket.NETLINK_ROUTE, nth)
    for words in a.op:
        words = words.split()
        op = make_op(nd, rt, words[0], words[1:])
        if isinstance(op, Plain) and not a.plain:
            sys.exit('fail-nth.py: %s: with --plain only' % words[0])
        if a.plain:
            ans, _ = op.send(0)
            if ans.err:
                sys.exit('FAIL: %s: %s' % (' '.join(words), ans))
            continue
        run(op, ' '.join(words), a)


if __name__ == '__main__':
    main()
