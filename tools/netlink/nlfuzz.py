#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A seeded netlink fuzzer for ndpv6 devices: random, boundary and mutated
requests to the generic netlink family "ndpv6" and to rtnetlink (links,
addresses, routes, neighbours of ndpv6 devices and of their lowers), on
raw AF_NETLINK sockets, for a bounded time.

    nlfuzz.py [--seed N] [--seconds S] [--count N] [--unprivileged]
              [--dev ndp0] [--lower veth1] [--spare veth3]
              [--other NETNS:DEV] [--peer NETNS:DEV] [--log FILE]

Root (the default): every kind of message, on the device DEV (and its
lower) of the process's own network namespace, on a second ndpv6 device
DEV of namespace NETNS (--other, /run/netns/NETNS), on devices it creates
itself on the spare lower (--spare: "nfz0".."nfz2", created and deleted
with random link attributes), and on the peer end of the lower's link
(--peer: carrier down and up).  --unprivileged: the same requests without
CAP_NET_ADMIN, in the own namespace only.

What it asserts, and stops at the first failure (exit status 1):
  - every request is answered: a barrier (NLMSG_NOOP with NLM_F_ACK) sent
    after it is acknowledged within 10 s, and every dump ends;
  - everything the kernel sends is well-formed netlink: lengths, nested
    attributes, the extended ACK's offsets inside the request;
  - a request to the ndpv6 family built from known parts (not mutated)
    gets the answer its contents call for, computed here in the order the
    kernel checks (flags, command, policy, device, permission, the
    command's own checks): e.g. an attribute out of its policy is EINVAL
    or ERANGE, a read-only attribute EINVAL, a device of another
    namespace ENODEV, a dump with a key EINVAL, GET_PARAMS on the device
    always works; every refusal of a known command carries an extended
    ACK message (include/uapi/linux/ndpv6.h promises one);
  - replies hold what the UAPI says: the device's index, 16-byte
    addresses, prefix lengths and states in range, prefix bits beyond the
    length clear, preferred lifetimes not above valid ones, table fill
    not above capacity, a dump without NLM_F_DUMP_INTR lists no entry
    twice; events on the events group are well-formed;
  - without CAP_NET_ADMIN: no write ever succeeds; a well-formed write
    naming an ndpv6 device of the namespace is refused with EPERM, and so
    is every rtnetlink write and joining the events group; reads work;
  - DEV never leaves its namespace (IFLA_NET_NS_FD is refused);
  - the mirror keeps up (every 100 requests or so, as root, on DEV and
    the other namespace's device): while the device is up, the kernel
    has no address on it that its core does not have (the mirror gives
    the user's to the core or takes them away, and takes away what the
    core lets go), within 10 s;
  - as root: the kernel's log (/dev/kmsg, read after every request) shows
    no report (BUG, WARNING, Oops, ...), so that one is pinned to the
    requests before it (the harness scans the whole console too).

The seed alone decides every choice (the PRNG is never fed what the
kernel answers), so `--seed S --count N` sends the same first N requests
again; indexes of devices are looked up from the kernel.  It prints the
seed first, then per kind of request how many were sent and the errors
they got, and the rate.  On a failure it prints the request (hex), the
answer and the last steps before it.
"""

import argparse
import collections
import ctypes
import errno
import os
import random
import re
import socket
import struct
import sys
import time

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(
    __file__)), '..', '..'))
UAPI = os.path.join(REPO, 'include', 'uapi', 'linux', 'ndpv6.h')

# <linux/netlink.h>, <linux/genetlink.h>, <linux/rtnetlink.h>, ... (ABI)
NETLINK_ROUTE = 0
NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NLM_F_REQUEST = 0x1
NLM_F_MULTI = 0x2
NLM_F_ACK = 0x4
NLM_F_ECHO = 0x8
NLM_F_DUMP_INTR = 0x10
NLM_F_ROOT = 0x100
NLM_F_MATCH = 0x200
NLM_F_DUMP = 0x300
NLM_F_REPLACE = 0x100
NLM_F_EXCL = 0x200
NLM_F_CREATE = 0x400
NLM_F_APPEND = 0x800
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_NOOP = 1
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLMSG_OVERRUN = 4
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_NEST = 6
NLA_F_NESTED = 0x8000
NLA_F_NET_BYTEORDER = 0x4000
NLA_TYPE_MASK = 0x3fff
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_CMD_GETPOLICY = 10
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
CTRL_ATTR_MCAST_GROUPS = 7
CTRL_ATTR_OP = 10
CTRL_ATTR_MCAST_GRP_NAME = 1
CTRL_ATTR_MCAST_GRP_ID = 2
RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK = 16, 17, 18, 19
RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR = 20, 21, 22
RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE = 24, 25, 26
RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH = 28, 29, 30
RTM_GETSTATS = 94
RTM_WRITES = (RTM_NEWLINK, RTM_DELLINK, RTM_SETLINK, RTM_NEWADDR,
              RTM_DELADDR, RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWNEIGH,
              RTM_DELNEIGH)
# the family header before the attributes (ifinfomsg, ifaddrmsg, ...)
RTM_HDRLEN = {RTM_NEWLINK: 16, RTM_DELLINK: 16, RTM_GETLINK: 16,
              RTM_SETLINK: 16, RTM_NEWADDR: 8, RTM_DELADDR: 8, RTM_GETADDR: 8,
              RTM_NEWROUTE: 12, RTM_DELROUTE: 12, RTM_GETROUTE: 12,
              RTM_NEWNEIGH: 12, RTM_DELNEIGH: 12, RTM_GETNEIGH: 12,
              RTM_GETSTATS: 12}
IFLA_ADDRESS, IFLA_IFNAME, IFLA_MTU, IFLA_LINK = 1, 3, 4, 5
IFLA_TXQLEN, IFLA_OPERSTATE, IFLA_LINKMODE, IFLA_LINKINFO = 13, 16, 17, 18
IFLA_IFALIAS, IFLA_GROUP, IFLA_NET_NS_FD, IFLA_EXT_MASK = 20, 27, 28, 29
IFLA_CARRIER, IFLA_GSO_MAX_SIZE, IFLA_GSO_MAX_SEGS = 33, 41, 40
IFLA_INFO_KIND, IFLA_INFO_DATA = 1, 2
IFLA_AF_SPEC, IFLA_INET6_TOKEN, IFLA_INET6_ADDR_GEN_MODE = 26, 7, 8
VETH_INFO_PEER = 1
IFA_ADDRESS, IFA_LOCAL, IFA_CACHEINFO, IFA_FLAGS = 1, 2, 6, 8
IFA_RT_PRIORITY, IFA_PROTO = 9, 11
RTA_DST, RTA_OIF, RTA_GATEWAY, RTA_PRIORITY = 1, 4, 5, 6
RTA_PREFSRC, RTA_METRICS, RTA_MULTIPATH, RTA_TABLE = 7, 8, 9, 15
RTA_PREF, RTA_EXPIRES = 20, 23
NDA_DST, NDA_LLADDR, NDA_PROBES = 1, 2, 4
IFF_UP, IFF_PROMISC, IFF_ALLMULTI = 0x1, 0x100, 0x200
AF_UNSPEC, AF_INET, AF_INET6 = 0, 2, 10
CLONE_NEWNET = 0x40000000

TIMEOUT = 10.0
# Before 6.5 the kernel gives a dump's start callback no extended ACK: the
# family's refusals of a dump request (a key, a device) carry no message.
KERNEL = tuple(int(x) for x in re.findall(r'\d+', os.uname().release)[:2])
RECV_SIZE = 1 << 17


class Failure(Exception):
    """An assertion of the fuzzer did not hold."""


class Malformed(Exception):
    """The kernel sent bytes that are not well-formed netlink."""


# ------------------------------------------------------------- the UAPI

def load_uapi(path):
    """The enums and #defines of include/uapi/linux/ndpv6.h, by name."""
    with open(path) as f:
        text = re.sub(r'/\*.*?\*/', ' ', f.read(), flags=re.S)
    vals = {}
    for m in re.finditer(r'#define\s+(NDPV6_\w+)\s+(0x[0-9a-fA-F]+|\d+)U?\b',
                         text):
        vals[m.group(1)] = int(m.group(2), 0)
    for m in re.finditer(r'enum\s+\w+\s*\{(.*?)\}', text, flags=re.S):
        n = 0
        for item in m.group(1).split(','):
            item = item.strip()
            if not item:
                continue
            if '=' in item:
                name, val = (s.strip() for s in item.split('=', 1))
                n = vals[val] if val in vals else int(val, 0)
            else:
                name = item
            vals[name] = n
            n += 1
    for m in re.finditer(r'#define\s+(NDPV6_\w+)\s+\((__NDPV6_\w+)\s*-\s*1\)',
                         text):
        vals[m.group(1)] = vals[m.group(2)] - 1
    for m in re.finditer(r'#define\s+(NDPV6_\w+)\s+"([^"]*)"', text):
        vals[m.group(1)] = m.group(2)
    return type('Uapi', (), vals)


U = load_uapi(os.environ.get('NDPV6_UAPI', UAPI))


# ------------------------------------------------------------- encoding

def attr(atype, data):
    """One attribute (padded)."""
    return (struct.pack('=HH', 4 + len(data), atype) + data +
            bytes(-len(data) % 4))


def nest(atype, parts, flag=True):
    return attr(atype | (NLA_F_NESTED if flag else 0), b''.join(parts))


def u8(v):
    return struct.pack('=B', v & 0xff)


def u16(v):
    return struct.pack('=H', v & 0xffff)


def u32(v):
    return struct.pack('=I', v & 0xffffffff)


def cstr(s):
    return s.encode() + b'\0'


def nlmsg(mtype, flags, seq, body, length=None):
    n = 16 + len(body) if length is None else length
    return struct.pack('=IHHII', n, mtype, flags, seq, 0) + body


def genl_body(cmd, attrs, version=1, reserved=0):
    return struct.pack('=BBH', cmd, version, reserved) + b''.join(attrs)


def ip6(text):
    return socket.inet_pton(socket.AF_INET6, text)


def walk_attrs(buf, start, end, out, depth=0):
    """Offsets of the well-formed attributes in buf[start:end], nested ones
    (NLA_F_NESTED) too, as (offset, length, depth)."""
    off = start
    while off + 4 <= end:
        alen, atype = struct.unpack_from('=HH', buf, off)
        if alen < 4 or off + alen > end:
            return
        out.append((off, alen, depth))
        if atype & NLA_F_NESTED and depth < 8:
            walk_attrs(buf, off + 4, off + alen, out, depth + 1)
        off += (alen + 3) & ~3


# -------------------------------------------------------------- parsing

def parse_attrs(buf, what='attributes'):
    """[(type, flags, payload)] of a well-formed attribute stream (the
    kernel's replies); raises Malformed."""
    out = []
    off = 0
    while off < len(buf):
        if len(buf) - off < 4:
            if any(buf[off:]):
                raise Malformed('%s: %d stray bytes' % (what, len(buf) - off))
            break
        alen, atype = struct.unpack_from('=HH', buf, off)
        if alen < 4 or off + alen > len(buf):
            raise Malformed('%s: attribute type %d of length %d at %d in %d'
                            % (what, atype & NLA_TYPE_MASK, alen, off,
                               len(buf)))
        out.append((atype & NLA_TYPE_MASK, atype & ~NLA_TYPE_MASK,
                    buf[off + 4:off + alen]))
        off += (alen + 3) & ~3
    return out


def adict(attrs):
    """{type: payload} of an attribute list (the last one of a type)."""
    return {t: p for t, _, p in attrs}


class Msg:
    """One netlink message of the kernel's."""

    def __init__(self, mtype, flags, seq, pid, payload):
        self.type, self.flags, self.seq, self.pid = mtype, flags, seq, pid
        self.payload = payload


def split_msgs(data):
    """The messages of one datagram from the kernel; raises Malformed."""
    msgs = []
    off = 0
    while off < len(data):
        if len(data) - off < 16:
            raise Malformed('%d stray bytes after the last message'
                            % (len(data) - off))
        mlen, mtype, flags, seq, pid = struct.unpack_from('=IHHII', data, off)
        if mlen < 16 or off + mlen > len(data):
            raise Malformed('message length %d at %d of a %d-byte datagram'
                            % (mlen, off, len(data)))
        msgs.append(Msg(mtype, flags, seq, pid, data[off + 16:off + mlen]))
        off += (mlen + 3) & ~3
    return msgs


class Answer:
    """What came back for one request."""

    def __init__(self):
        self.err = None         # errno (positive) of its NLMSG_ERROR, 0: ACK
        self.msgs = []          # its other messages (replies, dump parts)
        self.done = False       # a dump's NLMSG_DONE
        self.intr = False       # NLM_F_DUMP_INTR on one of them
        self.ext_msg = None     # the extended ACK's message
        self.ext_offs = None
        self.send_err = None    # errno of send() itself
        self.abandoned = False  # a dump left before its end

    def result(self):
        """0 (success) or the errno."""
        if self.send_err is not None:
            return self.send_err
        return self.err or 0

    def __str__(self):
        if self.send_err is not None:
            return 'send: %s' % errno.errorcode.get(self.send_err,
                                                    self.send_err)
        s = 'ok' if not self.err else errno.errorcode.get(self.err,
                                                           str(self.err))
        if self.ext_msg:
            s += ' "%s"' % self.ext_msg
        if self.ext_offs is not None:
            s += ' @%d' % self.ext_offs
        s += ', %d message(s)' % len(self.msgs)
        if self.done:
            s += ', done'
        if self.intr:
            s += ', DUMP_INTR'
        if self.abandoned:
            s += ', abandoned'
        return s


def parse_error(msg, req_len):
    """(errno, extack message, extack offset) of an NLMSG_ERROR; checks the
    extended ACK."""
    p = msg.payload
    if len(p) < 20:
        raise Malformed('NLMSG_ERROR of %d bytes' % len(p))
    err = struct.unpack_from('=i', p)[0]
    if err > 0 or err < -4095:
        raise Malformed('NLMSG_ERROR with error %d' % err)
    olen = struct.unpack_from('=I', p, 4)[0]
    off = 4 + (16 if msg.flags & NLM_F_CAPPED else olen)
    off = (off + 3) & ~3
    if off > len(p):
        raise Malformed('NLMSG_ERROR: the request (%d bytes) does not fit '
                        'in %d' % (olen, len(p)))
    text = offs = None
    if msg.flags & NLM_F_ACK_TLVS:
        tlv = adict(parse_attrs(p[off:], 'extended ACK'))
        if NLMSGERR_ATTR_MSG in tlv:
            raw = tlv[NLMSGERR_ATTR_MSG]
            if not raw.endswith(b'\0'):
                raise Malformed('extended ACK message without its NUL')
            text = raw[:-1].decode(errors='replace')
        for key in (NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_MISS_NEST):
            if key in tlv:
                if len(tlv[key]) != 4:
                    raise Malformed('extended ACK offset of %d bytes'
                                    % len(tlv[key]))
                offs = struct.unpack('=I', tlv[key])[0]
                if req_len is not None and offs >= req_len:
                    raise Malformed('extended ACK offset %d beyond the '
                                    '%d-byte request' % (offs, req_len))
    return -err, text, offs


# ---------------------------------------------------------- kernel log

# A kernel report's first line (tools/harness/console_check.py's, and
# lib.sh's check_kernel's).
REPORT = re.compile(r'^(BUG: |WARNING: |UBSAN: |kernel BUG at |Oops|'
                    r'general protection fault|Unable to handle kernel |'
                    r'INFO: trying to register non-static key|'
                    r'INFO: task .* blocked|ODEBUG: |list_(add|del) '
                    r'corruption|unregister_netdevice: waiting|'
                    r'kernfs: can not remove)')


class Kmsg:
    """The kernel's log from now on (/dev/kmsg, root only), read after
    every request: a report is pinned to the requests just before it."""

    def __init__(self):
        self.fd = os.open('/dev/kmsg', os.O_RDONLY | os.O_NONBLOCK)
        os.lseek(self.fd, 0, os.SEEK_END)

    def lines(self):
        out = []
        while True:
            try:
                rec = os.read(self.fd, 8192)
            except BlockingIOError:
                return out
            except BrokenPipeError:
                out.append('(nlfuzz: kernel log records lost)')
                continue
            out.append(rec.decode(errors='replace').split(';', 1)[-1]
                       .split('\n', 1)[0])

    def report(self):
        """The lines of a kernel report since the last call, or None.
        UML's known "suspicious RCU usage" splat in force_flush_all
        (console_check.py filters it too) is not one."""
        lines = self.lines()
        for i, line in enumerate(lines):
            if not REPORT.match(line):
                continue
            time.sleep(0.5)     # the rest of the report
            block = lines[i:] + self.lines()
            if line.startswith('WARNING: suspicious RCU usage') and \
                    any('force_flush_all' in x for x in block[:60]):
                continue
            return block[:60]
        return None


# -------------------------------------------------------------- sockets

_libc = ctypes.CDLL(None, use_errno=True)


def setns(fd):
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, 'setns: ' + os.strerror(err))


class Sock:
    """A netlink socket of one protocol in one network namespace."""

    def __init__(self, proto, netns=None, cap_ack=False, rcvbuf=None):
        self.proto, self.netns, self.cap_ack = proto, netns, cap_ack
        if netns:
            home = os.open('/proc/self/ns/net', os.O_RDONLY)
            there = os.open('/run/netns/' + netns, os.O_RDONLY)
            try:
                setns(there)
                self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                       proto)
            finally:
                setns(home)
                os.close(there)
                os.close(home)
        else:
            self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
        self.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        if cap_ack:
            self.s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        if rcvbuf:
            self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.s.bind((0, 0))
        self.s.settimeout(TIMEOUT)
        self.seq = 1000

    def close(self):
        self.s.close()

    def next_seq(self):
        self.seq += 1
        return self.seq

    def recv(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout()
        self.s.settimeout(left)
        data, _, flags, _ = self.s.recvmsg(RECV_SIZE)
        if flags & socket.MSG_TRUNC:
            raise Malformed('a datagram longer than %d bytes' % RECV_SIZE)
        return split_msgs(data)

    def exchange(self, data, seq, parts=None):
        """Send DATA (the request with sequence number SEQ, maybe more
        messages), then a barrier; read until the barrier is acknowledged
        and every dump that started has ended (or, with PARTS, until that
        many dump messages came: the dump is then left unfinished and the
        caller closes the socket).  Returns an Answer; messages of other
        sequence numbers (other messages of DATA) are checked for form
        only."""
        ans = Answer()
        ans.others = []
        try:
            self.s.send(data)
        except OSError as e:
            ans.send_err = e.errno
            return ans
        bseq = self.next_seq()
        self.s.send(nlmsg(NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, bseq, b''))
        deadline = time.monotonic() + TIMEOUT
        barrier = False
        open_dumps = set()
        nparts = 0
        while True:
            if barrier and not open_dumps:
                return ans
            if parts is not None and nparts >= parts and barrier:
                ans.abandoned = True
                return ans
            try:
                msgs = self.recv(deadline)
            except socket.timeout:
                raise Failure('no answer within %d s (barrier %s, dumps '
                              'open: %s)' % (TIMEOUT, 'acked' if barrier
                                             else 'not acked',
                                             sorted(open_dumps) or 'none'))
            for m in msgs:
                if m.seq == bseq and m.type == NLMSG_ERROR:
                    e, text, _ = parse_error(m, 16)
                    if e:
                        raise Failure('the barrier got %s (%s)' % (
                            errno.errorcode.get(e, e), text))
                    barrier = True
                    continue
                if m.type == NLMSG_OVERRUN:
                    raise Malformed('NLMSG_OVERRUN')
                if m.seq != seq:
                    ans.others.append(m)
                    if m.type == NLMSG_ERROR:
                        parse_error(m, None)
                if m.flags & NLM_F_MULTI and m.type not in (NLMSG_DONE,
                                                            NLMSG_ERROR):
                    open_dumps.add(m.seq)
                if m.type in (NLMSG_DONE, NLMSG_ERROR):
                    open_dumps.discard(m.seq)
                if m.seq != seq:
                    continue
                if m.flags & NLM_F_DUMP_INTR:
                    ans.intr = True
                if m.type == NLMSG_ERROR:
                    ans.err, ans.ext_msg, ans.ext_offs = parse_error(
                        m, len(data))
                elif m.type == NLMSG_DONE:
                    ans.done = True
                    if len(m.payload) >= 4:
                        e = struct.unpack_from('=i', m.payload)[0]
                        if e > 0 or e < -4095:
                            raise Malformed('NLMSG_DONE with error %d' % e)
                        if e:
                            ans.err = -e
                else:
                    ans.msgs.append(m)
                    nparts += 1


def join_group(sock, group):
    sock.s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)


def resolve_family(sock, name):
    """(family id, {group name: id}) of a generic netlink family."""
    seq = sock.next_seq()
    req = nlmsg(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, seq,
                genl_body(CTRL_CMD_GETFAMILY,
                          [attr(CTRL_ATTR_FAMILY_NAME, cstr(name))]))
    ans = sock.exchange(req, seq)
    if ans.result() or not ans.msgs:
        raise Failure('family %s: %s' % (name, ans))
    a = adict(parse_attrs(ans.msgs[0].payload[4:]))
    groups = {}
    for _, _, g in parse_attrs(a.get(CTRL_ATTR_MCAST_GROUPS, b'')):
        ga = adict(parse_attrs(g))
        groups[ga[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b'\0').decode()] = \
            struct.unpack('=I', ga[CTRL_ATTR_MCAST_GRP_ID])[0]
    return struct.unpack('=H', a[CTRL_ATTR_FAMILY_ID])[0], groups


def link_index(sock, name):
    """The index of device NAME in SOCK's namespace, or None."""
    seq = sock.next_seq()
    req = nlmsg(RTM_GETLINK, NLM_F_REQUEST, seq,
                struct.pack('=BxHiII', AF_UNSPEC, 0, 0, 0, 0) +
                attr(IFLA_IFNAME, cstr(name)))
    ans = sock.exchange(req, seq)
    if ans.result() or not ans.msgs:
        return None
    return struct.unpack_from('=i', ans.msgs[0].payload, 4)[0]


# ------------------------------------------------------ what the family is

def cmd_names():
    return {v: k[len('NDPV6_CMD_'):] for k, v in vars(U).items()
            if k.startswith('NDPV6_CMD_') and k != 'NDPV6_CMD_MAX'}


CMD = cmd_names()
# The commands and their handlers (netlink_get.c, netlink_set.c).
DOIT = {U.NDPV6_CMD_GET_ROUTER, U.NDPV6_CMD_GET_PREFIX, U.NDPV6_CMD_GET_ADDR,
        U.NDPV6_CMD_GET_NEIGH, U.NDPV6_CMD_GET_STATS, U.NDPV6_CMD_GET_PARAMS,
        U.NDPV6_CMD_NEW_ROUTER, U.NDPV6_CMD_DEL_ROUTER,
        U.NDPV6_CMD_NEW_PREFIX, U.NDPV6_CMD_DEL_PREFIX,
        U.NDPV6_CMD_NEW_ADDR, U.NDPV6_CMD_DEL_ADDR, U.NDPV6_CMD_SET_PARAMS}
DUMPIT = {U.NDPV6_CMD_GET_ROUTER, U.NDPV6_CMD_GET_PREFIX, U.NDPV6_CMD_GET_ADDR,
          U.NDPV6_CMD_GET_NEIGH, U.NDPV6_CMD_GET_DNS, U.NDPV6_CMD_GET_ROUTE,
          U.NDPV6_CMD_GET_REDIRECT}
WRITES = {U.NDPV6_CMD_NEW_ROUTER, U.NDPV6_CMD_DEL_ROUTER,
          U.NDPV6_CMD_NEW_PREFIX, U.NDPV6_CMD_DEL_PREFIX,
          U.NDPV6_CMD_NEW_ADDR, U.NDPV6_CMD_DEL_ADDR, U.NDPV6_CMD_SET_PARAMS}
# The nest each command takes (besides the device).
CMD_NEST = {
    U.NDPV6_CMD_GET_ROUTER: U.NDPV6_A_ROUTER,
    U.NDPV6_CMD_NEW_ROUTER: U.NDPV6_A_ROUTER,
    U.NDPV6_CMD_DEL_ROUTER: U.NDPV6_A_ROUTER,
    U.NDPV6_CMD_GET_PREFIX: U.NDPV6_A_PREFIX,
    U.NDPV6_CMD_NEW_PREFIX: U.NDPV6_A_PREFIX,
    U.NDPV6_CMD_DEL_PREFIX: U.NDPV6_A_PREFIX,
    U.NDPV6_CMD_GET_ADDR: U.NDPV6_A_ADDR,
    U.NDPV6_CMD_NEW_ADDR: U.NDPV6_A_ADDR,
    U.NDPV6_CMD_DEL_ADDR: U.NDPV6_A_ADDR,
    U.NDPV6_CMD_GET_NEIGH: U.NDPV6_A_NEIGH,
    U.NDPV6_CMD_SET_PARAMS: U.NDPV6_A_PARAMS,
}
NEST_MAX = {U.NDPV6_A_ROUTER: U.NDPV6_ROUTER_A_MAX,
            U.NDPV6_A_PREFIX: U.NDPV6_PREFIX_A_MAX,
            U.NDPV6_A_ADDR: U.NDPV6_ADDR_A_MAX,
            U.NDPV6_A_NEIGH: U.NDPV6_NEIGH_A_MAX,
            U.NDPV6_A_PARAMS: U.NDPV6_PARAMS_A_MAX}
# Writable attributes of each nest: (kind, low, high); the rest of the
# nest's attributes are read-only (NLA_REJECT).
U32MAX = 0xffffffff
WRITABLE = {
    U.NDPV6_A_ROUTER: {U.NDPV6_ROUTER_A_ADDRESS: ('addr', 0, 0),
                       U.NDPV6_ROUTER_A_LIFETIME: ('u32', 1, U32MAX)},
    U.NDPV6_A_PREFIX: {U.NDPV6_PREFIX_A_ADDRESS: ('addr', 0, 0),
                       U.NDPV6_PREFIX_A_LEN: ('u8', 0, 128),
                       U.NDPV6_PREFIX_A_VALID_LFT: ('u32', 1, U32MAX)},
    U.NDPV6_A_ADDR: {U.NDPV6_ADDR_A_ADDRESS: ('addr', 0, 0),
                     U.NDPV6_ADDR_A_PREFIX_LEN: ('u8', 1, 128),
                     U.NDPV6_ADDR_A_VALID_LFT: ('u32', 1, U32MAX),
                     U.NDPV6_ADDR_A_PREFERRED_LFT: ('u32', 0, U32MAX)},
    U.NDPV6_A_NEIGH: {U.NDPV6_NEIGH_A_ADDRESS: ('addr', 0, 0)},
    U.NDPV6_A_PARAMS: {
        U.NDPV6_PARAMS_A_DAD_TRANSMITS: ('u8', 0, U.NDPV6_MAX_DAD_TRANSMITS),
        U.NDPV6_PARAMS_A_ACCEPT_RA: ('u8', 0, 1),
        U.NDPV6_PARAMS_A_REPLY_ECHO: ('u8', 0, 1),
        U.NDPV6_PARAMS_A_OPTIMISTIC_DAD: ('u8', 0, 1),
        U.NDPV6_PARAMS_A_ADDR_GEN_MODE: ('u8', 0, U.NDPV6_ADDR_GEN_MAX),
        U.NDPV6_PARAMS_A_STABLE_SECRET: ('bin', U.NDPV6_STABLE_SECRET_LEN,
                                         U.NDPV6_STABLE_SECRET_LEN),
        U.NDPV6_PARAMS_A_MAX_ADDRS: ('u32', 1, U.NDPV6_MAX_ADDRS),
        U.NDPV6_PARAMS_A_MAX_NBRS: ('u32', 1, U.NDPV6_MAX_NBRS),
        U.NDPV6_PARAMS_A_MAX_ROUTERS: ('u32', 1, U.NDPV6_MAX_ROUTERS),
        U.NDPV6_PARAMS_A_MAX_PREFIXES: ('u32', 1, U.NDPV6_MAX_PREFIXES),
        U.NDPV6_PARAMS_A_MAX_ROUTES: ('u32', 0, U.NDPV6_MAX_ROUTES)},
}
ADDR_ATTR = {U.NDPV6_A_ROUTER: U.NDPV6_ROUTER_A_ADDRESS,
             U.NDPV6_A_PREFIX: U.NDPV6_PREFIX_A_ADDRESS,
             U.NDPV6_A_ADDR: U.NDPV6_ADDR_A_ADDRESS,
             U.NDPV6_A_NEIGH: U.NDPV6_NEIGH_A_ADDRESS}

# Addresses the requests draw from: few, so that they meet (EEXIST,
# ENOENT, full tables).
LINKLOCAL = ['fe80::1', 'fe80::2', 'fe80::3', 'fe80::4', 'fe80::77',
             'fe80::5054:ff:fe12:3456', 'fe80::5054:ff:feab:cdef',
             'fe80::ffff:ffff:ffff:ffff', 'febf:ffff::1']
GLOBAL = ['2001:db8::1', '2001:db8::2', '2001:db8:1::1', '2001:db8:1::2',
          '2001:db8:1:0:5054:ff:fe12:3456', '2001:db8:2::1', '2001:db8:3::9',
          'fd00::1', 'fec0::1', '64:ff9b::1', '::ffff:192.0.2.1']
SPECIAL = ['::', '::1', 'ff02::1', 'ff02::1:ff12:3456', 'ff05::2', 'ff00::']
U32_EDGES = [0, 1, 2, 3, 5, 30, 600, 3600, 0x7fffffff, 0x80000000,
             0xfffffffe, 0xffffffff]
ALLOWED_GENL = {errno.EINVAL, errno.ERANGE, errno.ENODEV, errno.EOPNOTSUPP,
                errno.ENOENT, errno.EEXIST, errno.ENOSPC, errno.ENETDOWN,
                errno.EPERM, errno.EBUSY, errno.ENOMEM}


def is_linklocal(b):
    return b[0] == 0xfe and (b[1] & 0xc0) == 0x80


def is_unicast(b):
    return b[0] != 0xff and b != bytes(16) and b != bytes(15) + b'\1'


class Target:
    """An ndpv6 device the requests name: its namespace's sockets, its
    name, and whether it surely exists (ours) or maybe (created and
    deleted by the fuzzer)."""

    def __init__(self, label, genl, rtnl, name, sure):
        self.label, self.genl, self.rtnl = label, genl, rtnl
        self.name, self.sure = name, sure
        self.index = None


# ----------------------------------------------------------- the fuzzer

class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.stats = collections.defaultdict(collections.Counter)
        self.busy = collections.Counter()
        self.t_note = time.monotonic()
        self.history = collections.deque(maxlen=8)
        self.step = 0
        self.log = open(args.log, 'w') if args.log else None
        self.unpriv = args.unprivileged
        self.fam = None

    # ------------------------------------------------------------ setup

    def setup(self):
        a = self.args
        # NETLINK_CAP_ACK here, not on the other sockets: both forms of
        # the error message are read
        self.genl = Sock(NETLINK_GENERIC, cap_ack=True)
        self.rtnl = Sock(NETLINK_ROUTE)
        self.fam, groups = resolve_family(self.genl, U.NDPV6_GENL_NAME)
        self.group = groups.get(U.NDPV6_MCGRP_EVENTS)
        if self.group is None:
            raise Failure('the family has no group %s'
                          % U.NDPV6_MCGRP_EVENTS)
        me = Target('dev', self.genl, self.rtnl, a.dev, True)
        self.targets = [me]
        self.main = me
        self.lower = a.lower
        self.other = self.peer = None
        if a.other and not self.unpriv:
            ns, dev = a.other.split(':')
            self.other = Target('other', Sock(NETLINK_GENERIC, ns),
                                Sock(NETLINK_ROUTE, ns), dev, True)
            self.other.ns = ns
            self.targets.append(self.other)
        if a.peer and not self.unpriv:
            ns, dev = a.peer.split(':')
            self.peer = (Sock(NETLINK_ROUTE, ns), dev)
        self.spares = []
        if a.spare and not self.unpriv:
            for i in range(3):
                self.spares.append(Target('nfz', self.genl, self.rtnl,
                                          'nfz%d' % i, False))
            self.targets += self.spares
        for t in self.targets:
            if t.sure:
                t.index = link_index(t.rtnl, t.name)
                if t.index is None:
                    raise Failure('no device %s (%s)' % (t.name, t.label))
        self.lower_index = link_index(self.rtnl, self.lower)
        # the other namespace's device index, as seen from here
        self.foreign = [t.index for t in self.targets
                        if t.sure and t is not me]
        self.events = None
        self.kmsg = None if self.unpriv else Kmsg()
        if self.unpriv:
            s = Sock(NETLINK_GENERIC)
            try:
                join_group(s, self.group)
            except OSError as e:
                if e.errno != errno.EPERM:
                    raise Failure('joining the events group without '
                                  'CAP_NET_ADMIN: %s, not EPERM'
                                  % os.strerror(e.errno))
            else:
                raise Failure('joined the events group without '
                              'CAP_NET_ADMIN')
            s.close()
            self.stats['mcast-join']['EPERM'] += 1
        else:
            self.events = Sock(NETLINK_GENERIC, rcvbuf=1 << 20)
            join_group(self.events, self.group)
            self.events.s.setblocking(False)

    # ------------------------------------------------------- choices

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    def pick_addr(self, kind=None):
        r = self.rng.random()
        if kind == 'll' and r < 0.8 or kind is None and r < 0.35:
            return ip6(self.pick(LINKLOCAL))
        if r < 0.8:
            return ip6(self.pick(GLOBAL))
        if r < 0.93:
            return ip6(self.pick(SPECIAL))
        return bytes(self.rng.getrandbits(8) for _ in range(16))

    def pick_u(self, width, lo, hi):
        """(value bytes, in policy) for a u8/u32 in [lo, hi]: mostly
        inside, edges and one past them too."""
        r = self.rng.random()
        if r < 0.45:
            v = self.rng.randint(lo, hi) if hi - lo < 4096 else \
                self.pick([x for x in U32_EDGES if lo <= x <= hi] or [lo])
        elif r < 0.65:
            v = lo
        elif r < 0.8:
            v = hi
        elif r < 0.88 and lo > 0:
            v = lo - 1
        elif r < 0.96 and hi < (1 << (8 * width)) - 1:
            v = hi + 1
        else:
            v = self.rng.getrandbits(8 * width)
        return (u8(v) if width == 1 else u32(v)), lo <= v <= hi

    def value(self, kind, lo, hi):
        """(payload, in policy) of a writable attribute."""
        if self.chance(0.05):
            # a wrong length: the policies check it
            right = {'u8': 1, 'u32': 4, 'addr': 16}.get(kind, lo)
            n = self.pick([x for x in (0, 1, 2, 3, 4, 5, 8, 15, 16, 17, 32,
                                       300) if x != right])
            return bytes(self.rng.getrandbits(8) for _ in range(n)), False
        if kind == 'u8':
            return self.pick_u(1, lo, hi)
        if kind == 'u32':
            return self.pick_u(4, lo, hi)
        if kind == 'addr':
            return self.pick_addr(), True
        return bytes(self.rng.getrandbits(8) for _ in range(lo)), True

    # ------------------------------------------------- ndpv6 requests

    def device_attrs(self, t):
        """(attributes naming a device, what it makes of the request:
        'ok' | 'maybe' | errno | 'policy')."""
        r = self.rng.random()
        if r < 0.45:
            return [attr(U.NDPV6_A_IFNAME, cstr(t.name))], \
                'ok' if t.sure else 'maybe'
        if r < 0.7:
            if t.sure:
                return [attr(U.NDPV6_A_IFINDEX, u32(t.index))], 'ok'
            return [attr(U.NDPV6_A_IFNAME,
                         t.name.encode() + b'\0junk')], 'maybe'
        if r < 0.74:
            return [], errno.EINVAL
        if r < 0.78:
            return [attr(U.NDPV6_A_IFINDEX, u32(t.index or 1)),
                    attr(U.NDPV6_A_IFNAME, cstr(t.name))], errno.EINVAL
        if r < 0.83:
            return [attr(U.NDPV6_A_IFNAME, cstr(self.lower))], \
                errno.EOPNOTSUPP if t.genl is self.genl else 'any'
        if r < 0.87:
            return [attr(U.NDPV6_A_IFNAME, cstr('nosuchdev0'))], errno.ENODEV
        if r < 0.91:
            return [attr(U.NDPV6_A_IFINDEX,
                         u32(self.pick([0, 0x7fffffff, 0xffffffff])))], \
                errno.ENODEV
        if r < 0.95:
            # an index of another namespace's device: another device here,
            # or none
            idx = self.pick(self.foreign or [4242])
            return [attr(U.NDPV6_A_IFINDEX, u32(idx))], 'any'
        bad = self.pick([b'a' * 16 + b'\0', b'ndp0', b'', b'x' * 40,
                         b'\0' * 3, u32(1)])
        if self.chance(0.3):
            return [attr(U.NDPV6_A_IFINDEX, self.pick([b'', b'\1', b'\1\0',
                                                       bytes(8)]))], 'policy'
        nul = b'\0' in bad[:16]
        return [attr(U.NDPV6_A_IFNAME, bad)], \
            'any' if nul else 'policy'

    def object_nest(self, cmd, nest_type):
        """(the nest's attributes, in policy, facts for the checks)."""
        writable = WRITABLE[nest_type]
        parts, ok, facts = [], True, {}
        for atype, (kind, lo, hi) in sorted(writable.items()):
            is_addr = atype == ADDR_ATTR.get(nest_type)
            want = 0.9 if is_addr else 0.5
            if nest_type == U.NDPV6_A_PREFIX and \
                    atype == U.NDPV6_PREFIX_A_LEN:
                want = 0.9
            if nest_type == U.NDPV6_A_PARAMS:
                want = 0.3
            if not self.chance(want):
                continue
            if is_addr and nest_type == U.NDPV6_A_ROUTER:
                data, inpol = self.pick_addr('ll'), True
                if self.chance(0.05):
                    data, inpol = self.value(kind, lo, hi)
            else:
                data, inpol = self.value(kind, lo, hi)
            ok &= inpol
            parts.append(attr(atype, data))
            facts[atype] = data
        if self.chance(0.1):
            # a read-only or unknown attribute
            atype = self.rng.randint(0, NEST_MAX[nest_type] + 2)
            if atype not in writable:
                parts.insert(self.rng.randint(0, len(parts)),
                             attr(atype, bytes(self.rng.randint(0, 8))))
                ok = False
        if self.chance(0.03):
            self.rng.shuffle(parts)
        return parts, ok, facts

    def ndpv6_request(self, t, unpriv):
        """One well-built request: (bytes, seq, expected results or None,
        description, dump)."""
        r = self.rng.random()
        if r < 0.02:
            cmd = self.pick([0, U.NDPV6_CMD_EVENT, U.NDPV6_CMD_MAX + 1, 200])
        else:
            cmd = self.rng.randint(1, U.NDPV6_CMD_MAX)
        dump = cmd in DUMPIT and self.chance(0.4) or self.chance(0.04)
        attrs, dev = self.device_attrs(t)
        nest_type = CMD_NEST.get(cmd)
        inpol = dev != 'policy'
        facts = {}
        has_nest = False
        if nest_type and self.chance(0.2 if dump else 0.9):
            has_nest = True
            parts, ok, facts = self.object_nest(cmd, nest_type)
            inpol &= ok
            flag = True
            if self.chance(0.02):
                flag, inpol = False, False
            attrs.append(nest(nest_type, parts, flag))
        if self.chance(0.04):
            # an attribute the command does not take, or none knows
            atype = self.pick([x for x in range(0, U.NDPV6_A_MAX + 3)
                               if x not in (U.NDPV6_A_IFINDEX,
                                            U.NDPV6_A_IFNAME, nest_type)])
            attrs.insert(self.rng.randint(0, len(attrs)),
                         nest(atype, [attr(1, u32(7))]) if self.chance(0.5)
                         else attr(atype, u32(7)))
            inpol = False
        flags = NLM_F_REQUEST | (NLM_F_ACK if self.chance(0.85) else 0)
        if self.chance(0.03):
            flags |= NLM_F_ECHO
        if dump:
            flags |= NLM_F_DUMP
        if self.chance(0.02):
            flags |= self.pick([NLM_F_ROOT, NLM_F_MATCH, NLM_F_CREATE,
                                NLM_F_APPEND, 0x1000])
        # genetlink takes REQUEST, ACK, ECHO and DUMP (both bits) only
        rest = flags & ~NLM_F_DUMP if flags & NLM_F_DUMP == NLM_F_DUMP \
            else flags
        hdr_ok = not rest & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO)
        reserved = 0
        if self.chance(0.02):
            reserved, hdr_ok = self.rng.randint(1, 0xffff), False
        version = self.pick([1, 1, 1, 0, 2, 255])
        if self.chance(0.1):
            self.rng.shuffle(attrs)
        seq = t.genl.next_seq()
        data = nlmsg(self.fam, flags, seq,
                     genl_body(cmd, attrs, version, reserved))
        exp = self.expect(cmd, dump, dev, inpol, has_nest, nest_type, facts,
                          unpriv, hdr_ok, t)
        desc = '%s %s%s dev=%s%s' % (t.label, CMD.get(cmd, 'cmd%d' % cmd),
                                     ' dump' if dump else '',
                                     dev, '' if inpol else ' policy')
        return data, seq, exp, desc, dump, cmd

    def expect(self, cmd, dump, dev, inpol, has_nest, nest_type, facts,
               unpriv, hdr_ok, t):
        """The answers the kernel may give, in the order it checks."""
        E = errno
        if not hdr_ok:
            return {E.EINVAL}
        if dump and cmd not in DUMPIT or not dump and cmd not in DOIT:
            return {E.EOPNOTSUPP}
        if not inpol:
            return {E.EINVAL, E.ERANGE}
        if dump and has_nest:
            return {E.EINVAL}
        if dev == 'any':
            return None
        if isinstance(dev, int) and dev != 'policy':
            return {dev}
        devs = {E.ENODEV} if dev == 'maybe' else set()
        if unpriv and cmd in WRITES and not dump:
            return {E.EPERM} | devs
        if dump:
            return {0} | devs
        res = self.semantic(cmd, has_nest, nest_type, facts)
        return res | devs

    def semantic(self, cmd, has_nest, nest_type, facts):
        """What a command makes of a request that passed the policy."""
        E = errno
        if cmd in (U.NDPV6_CMD_GET_STATS, U.NDPV6_CMD_GET_PARAMS):
            return {0}
        if not has_nest:
            return {E.EINVAL}
        addr = facts.get(ADDR_ATTR.get(nest_type))
        if cmd == U.NDPV6_CMD_SET_PARAMS:
            return {0, E.EINVAL} if facts else {E.EINVAL}
        if addr is None:
            return {E.EINVAL}
        if nest_type == U.NDPV6_A_PREFIX and \
                U.NDPV6_PREFIX_A_LEN not in facts:
            return {E.EINVAL}
        if cmd in (U.NDPV6_CMD_GET_ROUTER, U.NDPV6_CMD_GET_PREFIX,
                   U.NDPV6_CMD_GET_ADDR, U.NDPV6_CMD_GET_NEIGH):
            return {0, E.ENOENT}
        add = cmd in (U.NDPV6_CMD_NEW_ROUTER, U.NDPV6_CMD_NEW_PREFIX,
                      U.NDPV6_CMD_NEW_ADDR)
        if nest_type == U.NDPV6_A_ROUTER:
            if not is_linklocal(addr):
                return {E.EINVAL}
            if not add and U.NDPV6_ROUTER_A_LIFETIME in facts:
                return {E.EINVAL}
            return {0, E.ENETDOWN, E.EINVAL,
                    E.ENOSPC if add else E.ENOENT}
        if nest_type == U.NDPV6_A_PREFIX:
            if facts[U.NDPV6_PREFIX_A_LEN][0] >= 8 and addr[0] == 0xff:
                return {E.EINVAL}
            if not add and U.NDPV6_PREFIX_A_VALID_LFT in facts:
                return {E.EINVAL}
            return {0, E.ENETDOWN, E.EINVAL,
                    E.ENOSPC if add else E.ENOENT}
        # addresses
        if not is_unicast(addr):
            return {E.EINVAL}
        if not add and len(facts) > 1:
            return {E.EINVAL}
        if add:
            valid = struct.unpack('=I', facts.get(U.NDPV6_ADDR_A_VALID_LFT,
                                                  u32(U32MAX)))[0]
            pref = facts.get(U.NDPV6_ADDR_A_PREFERRED_LFT)
            if pref is not None and struct.unpack('=I', pref)[0] > valid:
                return {E.EINVAL}
            return {0, E.ENETDOWN, E.EEXIST, E.ENOSPC, E.EINVAL}
        return {0, E.ENETDOWN, E.ENOENT, E.EINVAL}

    # ---------------------------------------------------- mutations

    def mutate(self, data, hdrlen):
        """DATA (one message whose attributes follow a family header of
        HDRLEN bytes) changed at the byte level; (bytes, what)."""
        buf = bytearray(data)
        spots = []
        walk_attrs(buf, 16 + hdrlen, len(buf), spots)
        r = self.rng.random()
        if r < 0.15 and len(buf) > 20:
            cut = self.rng.randint(17, len(buf) - 1)
            del buf[cut:]
            what = 'truncated at %d' % cut
        elif r < 0.35 and spots:
            off, alen, _ = self.pick(spots)
            bad = self.pick([0, 1, 3, 4, alen - 1, alen + 1, alen + 4,
                             0xffff, self.rng.getrandbits(16)])
            struct.pack_into('=H', buf, off, bad & 0xffff)
            what = 'nla_len %d -> %d at %d' % (alen, bad & 0xffff, off)
        elif r < 0.5 and spots:
            off, alen, _ = self.pick(spots)
            t = self.rng.getrandbits(16)
            struct.pack_into('=H', buf, off + 2, t)
            what = 'nla_type -> %#x at %d' % (t, off)
        elif r < 0.62 and spots:
            off, alen, _ = self.pick(spots)
            junk = bytes(self.rng.getrandbits(8)
                         for _ in range(self.pick([4, 8, 12, 20])))
            # garbage inside the attribute (its and the message's lengths
            # grow; enclosing nests keep theirs)
            ins = off + 4 + self.rng.randint(0, max(0, alen - 4))
            buf[ins:ins] = junk
            struct.pack_into('=H', buf, off, min(0xffff, alen + len(junk)))
            what = 'garbage in the attribute at %d' % off
        elif r < 0.72 and spots:
            off, alen, _ = self.pick(spots)
            a = bytes(buf[off:off + ((alen + 3) & ~3)])
            buf[off:off] = a
            what = 'attribute at %d twice' % off
        elif r < 0.8:
            n = self.rng.randint(1, 8)
            for _ in range(n):
                i = self.rng.randrange(16, len(buf))
                buf[i] ^= 1 << self.rng.randrange(8)
            what = '%d bit(s) flipped' % n
        elif r < 0.86:
            # a huge attribute
            big = self.rng.randint(1000, 60000)
            buf += attr(self.rng.randint(0, 20), bytes(big))
            what = 'huge attribute (%d bytes)' % big
        elif r < 0.9:
            # a deep nest of nests
            inner = attr(1, u32(1))
            for _ in range(self.rng.randint(2, 40)):
                inner = nest(self.rng.randint(1, 12), [inner])
            buf += inner
            what = 'deep nest'
        elif r < 0.95:
            buf += bytes(self.rng.randint(1, 3))
            what = 'trailing bytes'
        else:
            bad = self.pick([0, 15, 16, len(buf) - 1, len(buf) + 1,
                             len(buf) + 100, 0xffffffff])
            struct.pack_into('=I', buf, 0, bad)
            return bytes(buf), 'nlmsg_len %d of %d' % (bad, len(buf))
        struct.pack_into('=I', buf, 0, len(buf))
        return bytes(buf), what

    # ------------------------------------------------ the steps

    def record(self, kind, ans):
        res = ans.result()
        self.stats[kind]['ok' if res == 0 else
                         errno.errorcode.get(res, str(res))] += 1
        self.stats[kind]['sent'] += 1
        self.busy[kind] += time.monotonic() - self.t_note

    def fail(self, desc, data, ans, why):
        raise Failure('%s\n  request: %s\n  hex: %s\n  answer: %s'
                      % (why, desc, data.hex(), ans))

    def step_ndpv6(self, mutated):
        t = self.pick_target()
        data, seq, exp, desc, dump, cmd = self.ndpv6_request(t, self.unpriv)
        kind = 'ndpv6'
        if mutated:
            data, what = self.mutate(data, 4)
            desc += ' mutated: ' + what
            kind = 'ndpv6-mutated'
            exp = None
        parts = None
        if dump and self.chance(0.2):
            parts = self.rng.randint(0, 3)
        self.note(kind, desc, data)
        ans = t.genl.exchange(data, seq, parts)
        if ans.abandoned:
            self.reopen(t)
        self.record(kind + (' dump' if dump else ''), ans)
        self.check_ndpv6(t, cmd, dump, exp, desc, data, ans, mutated)

    def pick_target(self):
        r = self.rng.random()
        if self.unpriv or r < 0.6:
            return self.main
        if r < 0.8 and self.other:
            return self.other
        if self.spares:
            return self.pick(self.spares)
        return self.main

    def reopen(self, t):
        """A dump left unfinished: a fresh socket for that namespace."""
        ns = getattr(t, 'ns', None)
        old = t.genl
        new = Sock(NETLINK_GENERIC, ns, old.cap_ack)
        for x in self.targets:
            if x.genl is old:
                x.genl = new
        if self.genl is old:
            self.genl = new
        old.close()

    def check_ndpv6(self, t, cmd, dump, exp, desc, data, ans, mutated):
        res = ans.result()
        if ans.send_err is not None:
            if mutated:
                return
            self.fail(desc, data, ans, 'send() failed')
        if self.unpriv and res == 0 and self.is_write(data):
            self.fail(desc, data, ans,
                      'a write without CAP_NET_ADMIN succeeded')
        allowed = ALLOWED_GENL if self.unpriv else ALLOWED_GENL - {
            errno.EPERM}
        if res and res not in allowed:
            self.fail(desc, data, ans, 'unexpected error %s'
                      % errno.errorcode.get(res, res))
        if mutated:
            return
        if exp is not None and res not in exp:
            self.fail(desc, data, ans, 'expected %s' % ' or '.join(
                sorted('ok' if e == 0 else errno.errorcode.get(e, str(e))
                       for e in exp)))
        if (exp is not None and res and not ans.ext_msg and
                res not in (errno.EOPNOTSUPP, errno.ENOMEM) and
                not (dump and KERNEL < (6, 5))):
            self.fail(desc, data, ans, 'a refusal without an extended ACK '
                      'message')
        if res == 0 and exp is not None:
            self.check_replies(t, cmd, dump, ans, desc, data)

    def is_write(self, data):
        """Is DATA a whole request of the family for a write command, one
        the kernel acts on (neither ignored nor a dump)?"""
        mlen, mtype, flags = struct.unpack_from('=IHH', data)
        return (mlen == len(data) and len(data) >= 20 and
                mtype == self.fam and flags & NLM_F_REQUEST and
                flags & NLM_F_DUMP != NLM_F_DUMP and data[16] in WRITES)

    # ------------------------------------------------ reply checks

    def check_replies(self, t, cmd, dump, ans, desc, data):
        keys = set()
        for m in ans.msgs:
            if m.type != self.fam:
                self.fail(desc, data, ans, 'a reply of type %d' % m.type)
            try:
                rcmd = m.payload[0]
                top = parse_attrs(m.payload[4:], 'reply')
                key = self.check_reply(t, cmd, rcmd, top)
            except Malformed as e:
                self.fail(desc, data, ans, 'malformed reply: %s' % e)
            except Failure as e:
                self.fail(desc, data, ans, 'reply: %s' % e)
            if dump and key is not None:
                if key in keys and not ans.intr:
                    self.fail(desc, data, ans, 'a dump without '
                              'NLM_F_DUMP_INTR lists %r twice' % (key,))
                keys.add(key)
        if dump and not ans.done and not ans.abandoned:
            self.fail(desc, data, ans, 'a dump without NLMSG_DONE')
        if not dump and cmd in DOIT and not ans.msgs and \
                cmd not in WRITES:
            self.fail(desc, data, ans, 'a GET without a reply')
        if cmd == U.NDPV6_CMD_SET_PARAMS and len(ans.msgs) != 1:
            self.fail(desc, data, ans, 'SET_PARAMS without its reply')

    def check_reply(self, t, cmd, rcmd, top):
        """Check one reply of the family; its dump key."""
        if rcmd != cmd:
            raise Failure('reply command %d to %d' % (rcmd, cmd))
        a = adict(top)
        idx = a.get(U.NDPV6_A_IFINDEX)
        if idx is None or len(idx) != 4:
            raise Failure('no NDPV6_A_IFINDEX')
        if t.sure and struct.unpack('=I', idx)[0] != t.index:
            raise Failure('the reply names device %d, not %d'
                          % (struct.unpack('=I', idx)[0], t.index))
        nest_type = {U.NDPV6_CMD_GET_ROUTER: U.NDPV6_A_ROUTER,
                     U.NDPV6_CMD_GET_PREFIX: U.NDPV6_A_PREFIX,
                     U.NDPV6_CMD_GET_ADDR: U.NDPV6_A_ADDR,
                     U.NDPV6_CMD_GET_NEIGH: U.NDPV6_A_NEIGH,
                     U.NDPV6_CMD_GET_DNS: U.NDPV6_A_DNS,
                     U.NDPV6_CMD_GET_STATS: U.NDPV6_A_STATS,
                     U.NDPV6_CMD_GET_PARAMS: U.NDPV6_A_PARAMS,
                     U.NDPV6_CMD_SET_PARAMS: U.NDPV6_A_PARAMS}.get(cmd)
        if nest_type is None:
            return None
        if nest_type not in a:
            raise Failure('no nest %d' % nest_type)
        inner = parse_attrs(a[nest_type], 'nest %d' % nest_type)
        return CHECKERS[nest_type](inner)

    # ---------------------------------------------------- rtnetlink

    def rt_dev(self):
        """A device index and name for rtnetlink requests: ndp0 mostly."""
        r = self.rng.random()
        if r < 0.65 or not self.spares:
            return self.main.index, self.main.name
        if r < 0.8:
            s = self.pick(self.spares)
            return self.spare_index(s), s.name
        return self.pick([0, self.lower_index, 0x7fffffff]), None

    def spare_index(self, s):
        """nfzN's index now, looked up (not random), or an unused one."""
        try:
            return socket.if_nametoindex(s.name)
        except OSError:
            return 0x7ffffff0

    def link_msg(self):
        """A link request: (socket, type, flags, body, description)."""
        r = self.rng.random()
        ifi = struct.pack
        flags = NLM_F_REQUEST | NLM_F_ACK
        if r < 0.3:
            # ndp0 or its lower: up/down, MTU, flags
            on_lower = self.chance(0.35)
            idx = self.lower_index if on_lower else self.main.index
            name = self.lower if on_lower else self.main.name
            fl, ch = 0, 0
            attrs = []
            if self.chance(0.5):
                ch = IFF_UP
                fl = IFF_UP if self.chance(0.6) else 0
            if self.chance(0.15):
                bits = self.pick([IFF_PROMISC, IFF_ALLMULTI])
                ch |= bits
                fl |= bits if self.chance(0.5) else 0
            if self.chance(0.35):
                attrs.append(attr(IFLA_MTU, u32(self.pick(
                    [0, 68, 1279, 1280, 1400, 1500, 1501, 9000, 65535,
                     65536, 0xffffffff]))))
            if on_lower and self.chance(0.15):
                mac = bytes([0x52, 0x54, 0, 0x12, 0x34,
                             self.pick([0x56, 0x57, 0x58])])
                if self.chance(0.1):
                    mac = bytes([1, 0, 0x5e, 0, 0, 1])
                attrs.append(attr(IFLA_ADDRESS, mac))
            if not on_lower and self.chance(0.2):
                attrs.append(self.pick([
                    attr(IFLA_ADDRESS, bytes(6)),
                    attr(IFLA_TXQLEN, u32(self.pick([0, 1000, U32MAX]))),
                    attr(IFLA_CARRIER, u8(self.rng.randint(0, 1))),
                    attr(IFLA_OPERSTATE, u8(self.rng.randint(0, 7))),
                    attr(IFLA_LINKMODE, u8(self.rng.randint(0, 1))),
                    attr(IFLA_GSO_MAX_SIZE, u32(self.pick([0, 65536,
                                                           U32MAX]))),
                    nest(IFLA_LINKINFO, [
                        attr(IFLA_INFO_KIND, cstr('ndpv6')),
                        nest(IFLA_INFO_DATA, [attr(1, u32(1))])]),
                    # the kernel's own address generation on ndp0
                    nest(IFLA_AF_SPEC, [nest(AF_INET6, [
                        attr(IFLA_INET6_ADDR_GEN_MODE,
                             u8(self.rng.randint(0, 4)))])]),
                    nest(IFLA_AF_SPEC, [nest(AF_INET6, [
                        attr(IFLA_INET6_TOKEN, ip6('::1:2:3:4'))])])]))
            if not attrs and not ch:
                ch, fl = IFF_UP, IFF_UP
            mtype = self.pick([RTM_SETLINK, RTM_NEWLINK])
            body = ifi('=BxHiII', AF_UNSPEC, 0, idx, fl, ch) + b''.join(attrs)
            return self.rtnl, mtype, flags, body, 'link %s %s' % (
                name, 'SETLINK' if mtype == RTM_SETLINK else 'NEWLINK')
        if r < 0.36 and self.other:
            # ndp0 may not leave its namespace
            ns = self.other.ns
            fd = os.open('/run/netns/' + ns, os.O_RDONLY)
            self.fds.append(fd)
            body = ifi('=BxHiII', AF_UNSPEC, 0, self.main.index, 0, 0) + \
                attr(IFLA_NET_NS_FD, u32(fd))
            return self.rtnl, RTM_SETLINK, flags, body, 'netns move ndp0'
        if r < 0.42 and self.peer:
            sock, dev = self.peer
            up = self.chance(0.5)
            body = ifi('=BxHiII', AF_UNSPEC, 0, 0, IFF_UP if up else 0,
                       IFF_UP) + attr(IFLA_IFNAME, cstr(dev))
            return sock, RTM_SETLINK, flags, body, 'peer %s %s' % (
                dev, 'up' if up else 'down')
        if r < 0.7 and self.spares:
            return self.spare_msg()
        if r < 0.85:
            # reads: ndp0's link message, a dump
            if self.chance(0.5):
                body = ifi('=BxHiII', AF_UNSPEC, 0, self.main.index, 0, 0)
                if self.chance(0.5):
                    body += attr(IFLA_EXT_MASK, u32(self.rng.getrandbits(5)))
                return self.rtnl, RTM_GETLINK, flags, body, 'getlink ndp0'
            body = ifi('=BxHiII', AF_UNSPEC, 0, 0, 0, 0)
            return self.rtnl, RTM_GETLINK, flags | NLM_F_DUMP, body, \
                'getlink dump'
        # RTM_GETSTATS of ndp0 (filter: every kind of statistics)
        body = struct.pack('=BxxxiI', AF_UNSPEC, self.main.index,
                           self.rng.getrandbits(6))
        dump = self.chance(0.3)
        return self.rtnl, RTM_GETSTATS, flags | (NLM_F_DUMP if dump else 0), \
            body, 'getstats'

    def spare_msg(self):
        """Create, change or delete nfzN on the spare lower."""
        s = self.pick(self.spares)
        ifi = struct.pack
        flags = NLM_F_REQUEST | NLM_F_ACK
        r = self.rng.random()
        sock = self.rtnl
        if r < 0.45:
            lower = self.rng.random()
            if lower < 0.8:
                link = self.spare_lower_index()
            elif lower < 0.85:
                link = self.lower_index
            elif lower < 0.9:
                link = self.main.index
            elif lower < 0.95:
                link = 1
            else:
                link = self.pick([0, 0x7fffffff])
            info = [attr(IFLA_INFO_KIND, cstr('ndpv6'))]
            if self.chance(0.4):
                info.append(self.pick([
                    nest(IFLA_INFO_DATA, [attr(1, u32(1)),
                                          attr(2, bytes(16))]),
                    attr(IFLA_INFO_DATA, bytes(self.rng.getrandbits(8)
                                               for _ in range(13))),
                    nest(IFLA_INFO_DATA, []),
                    attr(IFLA_INFO_DATA, b'')]))
            attrs = [attr(IFLA_IFNAME, cstr(s.name)), attr(IFLA_LINK,
                                                          u32(link)),
                     nest(IFLA_LINKINFO, info)]
            if self.chance(0.25):
                attrs.append(attr(IFLA_MTU, u32(self.pick(
                    [0, 1279, 1280, 1500, 1501, 9000]))))
            if self.chance(0.1):
                attrs.append(attr(IFLA_ADDRESS, bytes(6)))
            if self.chance(0.3):
                attrs.append(attr(IFLA_GROUP, u32(77)))
            if self.chance(0.15) and self.other:
                fd = os.open('/run/netns/' + self.other.ns, os.O_RDONLY)
                self.fds.append(fd)
                attrs.append(attr(IFLA_NET_NS_FD, u32(fd)))
            up = IFF_UP if self.chance(0.5) else 0
            body = ifi('=BxHiII', AF_UNSPEC, 0, 0, up, up) + \
                b''.join(attrs)
            return sock, RTM_NEWLINK, flags | NLM_F_CREATE | NLM_F_EXCL, \
                body, 'create %s on %d' % (s.name, link)
        if r < 0.7:
            up = self.chance(0.6)
            body = ifi('=BxHiII', AF_UNSPEC, 0, 0, IFF_UP if up else 0,
                       IFF_UP) + attr(IFLA_IFNAME, cstr(s.name))
            return sock, RTM_SETLINK, flags, body, '%s %s' % (
                s.name, 'up' if up else 'down')
        if r < 0.95:
            if self.other and self.chance(0.3):
                sock = self.other.rtnl
            body = ifi('=BxHiII', AF_UNSPEC, 0, 0, 0, 0) + \
                attr(IFLA_IFNAME, cstr(s.name))
            return sock, RTM_DELLINK, flags, body, 'delete %s' % s.name
        # every device of group 77 at once (nfzN, maybe the spare lower)
        body = ifi('=BxHiII', AF_UNSPEC, 0, 0, 0, 0) + \
            attr(IFLA_GROUP, u32(77))
        if self.chance(0.5):
            # the spare lower joins the group first
            body2 = ifi('=BxHiII', AF_UNSPEC, 0, 0, 0, 0) + \
                attr(IFLA_IFNAME, cstr(self.args.spare)) + \
                attr(IFLA_GROUP, u32(77))
            seq = sock.next_seq()
            data = nlmsg(RTM_SETLINK, flags, seq, body2)
            self.note('rtnl-link', 'spare lower joins group 77', data)
            self.record('rtnl-link', sock.exchange(data, seq))
        return sock, RTM_DELLINK, flags, body, 'delete group 77'

    def spare_lower_index(self):
        """The spare lower's index; made again (a veth pair, IPv6 off on
        the spare end) if a group deletion took it away."""
        try:
            return socket.if_nametoindex(self.args.spare)
        except OSError:
            pass
        name = self.args.spare
        peer = ifi_name_peer(name)
        info = nest(IFLA_LINKINFO, [
            attr(IFLA_INFO_KIND, cstr('veth')),
            nest(IFLA_INFO_DATA, [attr(VETH_INFO_PEER,
                                       struct.pack('=BxHiII', 0, 0, 0, 0, 0) +
                                       attr(IFLA_IFNAME, cstr(peer)))])])
        seq = self.rtnl.next_seq()
        body = struct.pack('=BxHiII', AF_UNSPEC, 0, 0, IFF_UP, IFF_UP) + \
            attr(IFLA_IFNAME, cstr(name)) + info
        ans = self.rtnl.exchange(nlmsg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK |
                                       NLM_F_CREATE | NLM_F_EXCL, seq, body),
                                 seq)
        if ans.result() == 0:
            with open('/proc/sys/net/ipv6/conf/%s/disable_ipv6' % name,
                      'w') as f:
                f.write('1')
            for dev in (name, peer):
                seq = self.rtnl.next_seq()
                self.rtnl.exchange(nlmsg(
                    RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK, seq,
                    struct.pack('=BxHiII', AF_UNSPEC, 0, 0, IFF_UP, IFF_UP) +
                    attr(IFLA_IFNAME, cstr(dev))), seq)
            self.stats['spare-lower']['remade'] += 1
        try:
            return socket.if_nametoindex(name)
        except OSError:
            return 0x7ffffff1

    def addr_msg(self):
        idx, _ = self.rt_dev()
        fam = self.pick([AF_INET6] * 8 + [AF_INET, AF_UNSPEC, 255])
        plen = self.pick([0, 1, 8, 48, 64, 64, 64, 96, 127, 128, 128, 129,
                          255])
        a = self.pick_addr()
        fl = 0
        attrs = [attr(self.pick([IFA_LOCAL, IFA_ADDRESS]), a)]
        if self.chance(0.1):
            attrs = [attr(IFA_LOCAL, a[:self.pick([0, 4, 15])])]
        if self.chance(0.5):
            pref = self.pick(U32_EDGES)
            valid = self.pick(U32_EDGES)
            attrs.append(attr(IFA_CACHEINFO, struct.pack('=IIII', pref,
                                                         valid, 0, 0)))
        if self.chance(0.5):
            attrs.append(attr(IFA_FLAGS, u32(self.rng.getrandbits(12))))
        else:
            fl = self.rng.getrandbits(8)
        if self.chance(0.2):
            attrs.append(attr(IFA_PROTO, u8(self.rng.randint(0, 4))))
        if self.chance(0.1):
            attrs.append(attr(IFA_RT_PRIORITY, u32(self.pick(U32_EDGES))))
        mtype = self.pick([RTM_NEWADDR, RTM_NEWADDR, RTM_DELADDR])
        flags = NLM_F_REQUEST | NLM_F_ACK
        if mtype == RTM_NEWADDR:
            flags |= self.pick([NLM_F_CREATE | NLM_F_EXCL, NLM_F_CREATE |
                                NLM_F_REPLACE, NLM_F_REPLACE, 0])
        if self.chance(0.1):
            mtype, flags = RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP
        body = struct.pack('=BBBBi', fam, plen, fl, self.pick([0, 0, 253,
                                                               254]), idx)
        sock = self.rtnl
        if self.other and self.chance(0.15):
            sock = self.other.rtnl
            body = body[:4] + struct.pack('=i', self.other.index)
        return sock, mtype, flags, body + b''.join(attrs), 'addr %d' % mtype

    def route_msg(self):
        idx, _ = self.rt_dev()
        dst_len = self.pick([0, 0, 8, 48, 64, 64, 128, 129])
        proto = self.pick([0, 2, 3, 4, 9, 16, 186, 255])
        rtype = self.pick([1, 1, 1, 2, 3, 6, 7, 11, 12, 0])
        body = struct.pack('=BBBBBBBBI', self.pick([AF_INET6] * 6 + [0, 2]),
                           dst_len, self.pick([0, 0, 64]), 0,
                           self.pick([254, 254, 255, 0, 100]), proto,
                           self.pick([0, 0, 253, 254, 200]), rtype,
                           self.pick([0, 0, 0x200, 0x1000]))
        attrs = [attr(RTA_OIF, u32(idx))]
        if dst_len or self.chance(0.5):
            attrs.append(attr(RTA_DST, self.pick_addr()))
        if self.chance(0.5):
            attrs.append(attr(RTA_GATEWAY, self.pick_addr('ll')))
        if self.chance(0.3):
            attrs.append(attr(RTA_PRIORITY, u32(self.pick(U32_EDGES))))
        if self.chance(0.2):
            attrs.append(attr(RTA_PREF, u8(self.pick([0, 1, 3, 0x18, 255]))))
        if self.chance(0.2):
            attrs.append(attr(RTA_EXPIRES, u32(self.pick(U32_EDGES))))
        if self.chance(0.1):
            attrs.append(nest(RTA_METRICS, [attr(2, u32(self.pick(
                U32_EDGES)))], False))
        if self.chance(0.05):
            attrs.append(attr(RTA_MULTIPATH, bytes(self.rng.getrandbits(8)
                                                   for _ in range(16))))
        if self.chance(0.1):
            attrs.append(attr(RTA_PREFSRC, self.pick_addr()))
        mtype = self.pick([RTM_NEWROUTE, RTM_NEWROUTE, RTM_DELROUTE])
        flags = NLM_F_REQUEST | NLM_F_ACK
        if mtype == RTM_NEWROUTE:
            flags |= self.pick([NLM_F_CREATE | NLM_F_EXCL, NLM_F_CREATE |
                                NLM_F_REPLACE, NLM_F_CREATE | NLM_F_APPEND])
        if self.chance(0.1):
            mtype, flags = RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP
        return self.rtnl, mtype, flags, body + b''.join(attrs), \
            'route %d' % mtype

    def neigh_msg(self):
        idx, _ = self.rt_dev()
        state = self.pick([0x02, 0x04, 0x08, 0x40, 0x80, 0x01, 0x20, 0x10,
                           0xffff])
        body = struct.pack('=BxxxiHBB', self.pick([AF_INET6] * 6 + [0, 7]),
                           idx, state, self.pick([0, 0x08, 0x80, 0x02]),
                           self.pick([0, 1]))
        attrs = [attr(NDA_DST, self.pick_addr())]
        if self.chance(0.6):
            attrs.append(attr(NDA_LLADDR, self.pick(
                [b'', bytes(6), b'\x52\x54\0\1\2\3', bytes(32)])))
        if self.chance(0.05):
            attrs.append(attr(NDA_PROBES, u32(3)))
        mtype = self.pick([RTM_NEWNEIGH, RTM_NEWNEIGH, RTM_DELNEIGH])
        flags = NLM_F_REQUEST | NLM_F_ACK
        if mtype == RTM_NEWNEIGH:
            flags |= self.pick([NLM_F_CREATE, NLM_F_CREATE | NLM_F_REPLACE,
                                NLM_F_CREATE | NLM_F_EXCL])
        if self.chance(0.1):
            mtype, flags = RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP
        return self.rtnl, mtype, flags, body + b''.join(attrs), \
            'neigh %d' % mtype

    def step_rtnl(self, kind, mutated):
        gen = {'rtnl-link': self.link_msg, 'rtnl-addr': self.addr_msg,
               'rtnl-route': self.route_msg,
               'rtnl-neigh': self.neigh_msg}[kind]
        sock, mtype, flags, body, desc = gen()
        if self.unpriv:
            sock = self.rtnl
        seq = sock.next_seq()
        data = nlmsg(mtype, flags, seq, body)
        if mutated:
            data, what = self.mutate(data, RTM_HDRLEN.get(mtype, 16))
            desc += ' mutated: ' + what
            kind += '-mutated'
        self.note(kind, desc, data)
        ans = sock.exchange(data, seq)
        self.record(kind, ans)
        while self.fds:
            os.close(self.fds.pop())
        res = ans.result()
        if ans.send_err is not None:
            return
        if self.unpriv and mtype in RTM_WRITES:
            mlen, mt, fl = struct.unpack_from('=IHH', data)
            whole = mlen == len(data) and fl & NLM_F_REQUEST and mlen > 16
            if whole and mt in RTM_WRITES and res != errno.EPERM:
                self.fail(desc, data, ans, 'an rtnetlink write without '
                          'CAP_NET_ADMIN: not EPERM')
        if not mutated and desc == 'netns move ndp0' and res == 0:
            self.fail(desc, data, ans, 'ndp0 left its network namespace')

    # ---------------------------------------------------------- ctrl

    def step_ctrl(self):
        """The controller: the family by name or id, its policies."""
        seq = self.genl.next_seq()
        r = self.rng.random()
        if r < 0.3:
            body = genl_body(CTRL_CMD_GETFAMILY, [attr(
                CTRL_ATTR_FAMILY_NAME, cstr(U.NDPV6_GENL_NAME))])
            flags = NLM_F_REQUEST | NLM_F_ACK
            exp = {0}
        elif r < 0.45:
            body = genl_body(CTRL_CMD_GETFAMILY, [attr(
                CTRL_ATTR_FAMILY_ID, u16(self.fam))])
            flags = NLM_F_REQUEST | NLM_F_ACK
            exp = {0}
        else:
            attrs = [attr(CTRL_ATTR_FAMILY_ID, u16(self.fam))]
            exp = {0}
            if self.chance(0.5):
                op = self.rng.randint(0, U.NDPV6_CMD_MAX + 2)
                attrs.append(attr(CTRL_ATTR_OP, u32(op)))
                if op not in DOIT | DUMPIT:
                    exp = {errno.ENOENT, errno.EOPNOTSUPP}
            body = genl_body(CTRL_CMD_GETPOLICY, attrs)
            flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP
        data = nlmsg(GENL_ID_CTRL, flags, seq, body)
        self.note('ctrl', 'ctrl', data)
        ans = self.genl.exchange(data, seq)
        self.record('ctrl', ans)
        if ans.result() not in exp:
            self.fail('ctrl', data, ans, 'the controller refused')
        for m in ans.msgs:
            try:
                check_tree(m.payload[4:])
            except Malformed as e:
                self.fail('ctrl', data, ans, 'malformed: %s' % e)

    # ------------------------------------------------- the mirror

    def kernel_addrs(self, t):
        """(up, the addresses the kernel has on device T)."""
        seq = t.rtnl.next_seq()
        ans = t.rtnl.exchange(nlmsg(RTM_GETLINK, NLM_F_REQUEST, seq,
                                    struct.pack('=BxHiII', AF_UNSPEC, 0,
                                                t.index, 0, 0)), seq)
        if ans.result() or not ans.msgs:
            raise Failure('%s: RTM_GETLINK: %s' % (t.label, ans))
        up = struct.unpack_from('=I', ans.msgs[0].payload, 8)[0] & IFF_UP
        seq = t.rtnl.next_seq()
        ans = t.rtnl.exchange(nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP,
                                    seq, struct.pack('=BBBBi', AF_INET6, 0,
                                                     0, 0, 0)), seq)
        addrs = set()
        for m in ans.msgs:
            if m.type != RTM_NEWADDR or \
                    struct.unpack_from('=i', m.payload, 4)[0] != t.index:
                continue
            a = adict(parse_attrs(m.payload[8:], 'RTM_NEWADDR'))
            addr = a.get(IFA_LOCAL, a.get(IFA_ADDRESS))
            if addr[0] == 0xff:
                continue        # a group joined with IFA_F_MCAUTOJOIN
            # the address only: the mirror shows each link-local address
            # of the core's as a /64, whatever its length in the core
            addrs.add(socket.inet_ntop(socket.AF_INET6, addr))
        return up, addrs

    def core_addrs(self, t):
        seq = t.genl.next_seq()
        ans = t.genl.exchange(nlmsg(self.fam, NLM_F_REQUEST | NLM_F_DUMP, seq,
                                    genl_body(U.NDPV6_CMD_GET_ADDR, [
                                        attr(U.NDPV6_A_IFINDEX,
                                             u32(t.index))])), seq)
        addrs = set()
        for m in ans.msgs:
            top = adict(parse_attrs(m.payload[4:]))
            a = adict(parse_attrs(top[U.NDPV6_A_ADDR]))
            addrs.add(socket.inet_ntop(socket.AF_INET6,
                                       a[U.NDPV6_ADDR_A_ADDRESS]))
        return addrs

    def settle(self, t):
        """While T is up, the kernel keeps no address on it that its core
        does not have (the mirror gives a user's address to the core, or
        takes it away again): such an address would be a source that
        nobody answers NS for.  Given 10 s to come true, the mirror's work
        lagging behind."""
        self.step += 1
        self.history.append('%d settle %s' % (self.step, t.label))
        deadline = time.monotonic() + 10
        while True:
            up, kernel = self.kernel_addrs(t)
            if not up:
                return
            extra = kernel - self.core_addrs(t)
            if not extra:
                self.stats['settle']['ok'] += 1
                return
            if time.monotonic() > deadline:
                raise Failure('%s: the kernel has %s, the core does not'
                              % (t.label, ', '.join(sorted(extra))))
            time.sleep(0.2)

    # ----------------------------------------------------- events

    def drain_events(self):
        if not self.events:
            return
        while True:
            try:
                data = self.events.s.recv(RECV_SIZE)
            except BlockingIOError:
                return
            except OSError as e:
                if e.errno == errno.ENOBUFS:
                    self.stats['events']['ENOBUFS'] += 1
                    continue
                raise
            try:
                for m in split_msgs(data):
                    check_event(m, self.fam)
                    self.stats['events']['received'] += 1
            except (Malformed, Failure) as e:
                raise Failure('event: %s\n  hex: %s' % (e, data.hex()))

    # ------------------------------------------------------ driving

    def note(self, kind, desc, data):
        self.step += 1
        line = '%d %s %s %s' % (self.step, kind, desc, data.hex())
        self.history.append(line)
        self.t_note = time.monotonic()
        if self.log:
            self.log.write(line + '\n')

    def one(self):
        r = self.rng.random()
        if self.unpriv:
            if r < 0.6:
                self.step_ndpv6(False)
            elif r < 0.8:
                self.step_ndpv6(True)
            else:
                self.step_rtnl(self.pick(['rtnl-link', 'rtnl-addr',
                                          'rtnl-route', 'rtnl-neigh']),
                               self.chance(0.2))
            return
        if r < 0.45:
            self.step_ndpv6(False)
        elif r < 0.62:
            self.step_ndpv6(True)
        elif r < 0.65:
            self.step_ctrl()
        elif r < 0.77:
            self.step_rtnl('rtnl-link', self.chance(0.1))
        elif r < 0.88:
            self.step_rtnl('rtnl-addr', self.chance(0.15))
        elif r < 0.94:
            self.step_rtnl('rtnl-route', self.chance(0.15))
        else:
            self.step_rtnl('rtnl-neigh', self.chance(0.15))
        if self.chance(0.01):
            for t in (self.main, self.other):
                if t:
                    self.settle(t)
        self.drain_events()
        report = self.kmsg.report()
        if report:
            raise Failure('the kernel reported a problem:\n    ' +
                          '\n    '.join(report))

    def run(self):
        a = self.args
        self.fds = []
        print('nlfuzz: seed %d (%s, %s)' % (
            a.seed, 'unprivileged' if self.unpriv else 'root',
            '%d requests' % a.count if a.count else '%g s' % a.seconds),
            flush=True)
        self.setup()
        t0 = time.monotonic()
        end = t0 + a.seconds
        n = 0
        try:
            while (a.count and n < a.count or
                   not a.count and time.monotonic() < end):
                self.one()
                n = self.step
        except (Failure, Malformed) as e:
            print('nlfuzz: FAIL at step %d (seed %d): %s'
                  % (self.step, a.seed, e))
            print('nlfuzz: the last steps (step kind description hex):')
            for line in self.history:
                print('  ' + line)
            print('nlfuzz: again: nlfuzz.py --seed %d --count %d %s'
                  % (a.seed, self.step, ' '.join(self.replay_args())))
            return 1
        finally:
            if self.log:
                self.log.close()
        took = time.monotonic() - t0
        self.report(n, took)
        return 0

    def replay_args(self):
        a = self.args
        out = ['--dev', a.dev, '--lower', a.lower]
        for opt in ('spare', 'other', 'peer'):
            if getattr(a, opt):
                out += ['--' + opt, getattr(a, opt)]
        if a.unprivileged:
            out.append('--unprivileged')
        return out

    def report(self, n, took):
        print('nlfuzz: %d requests in %.1f s: %.0f/s (seed %d)'
              % (n, took, n / took if took else 0, self.args.seed))
        for kind in sorted(self.stats):
            c = self.stats[kind]
            rest = ', '.join('%s %d' % (k, v) for k, v in
                             sorted(c.items(), key=lambda kv: -kv[1])
                             if k != 'sent')
            sent = c.get('sent')
            print('nlfuzz:   %-22s %s%s' % (
                kind, '%d sent (%.1f ms each): ' % (
                    sent, 1000 * self.busy[kind] / sent) if sent else '',
                rest))


def ifi_name_peer(name):
    return name + 'p'


# ------------------------------------------------------- reply checkers

def need(a, atype, size, what):
    v = a.get(atype)
    if v is None:
        raise Failure('%s: attribute %d missing' % (what, atype))
    if size is not None and len(v) != size:
        raise Failure('%s: attribute %d of %d bytes, not %d'
                      % (what, atype, len(v), size))
    return v


def get_u(a, atype, size, what):
    v = need(a, atype, size, what)
    return int.from_bytes(v, sys.byteorder)


def check_router(attrs):
    a = adict(attrs)
    addr = need(a, U.NDPV6_ROUTER_A_ADDRESS, 16, 'router')
    if not is_linklocal(addr):
        raise Failure('router %s is not link-local'
                      % socket.inet_ntop(socket.AF_INET6, addr))
    get_u(a, U.NDPV6_ROUTER_A_LIFETIME, 4, 'router')
    origin = get_u(a, U.NDPV6_ROUTER_A_ORIGIN, 1, 'router')
    if origin not in (U.NDPV6_ORIGIN_RA, U.NDPV6_ORIGIN_STATIC):
        raise Failure('router origin %d' % origin)
    if get_u(a, U.NDPV6_ROUTER_A_NUD, 1, 'router') > U.NDPV6_NUD_MAX:
        raise Failure('router NUD state out of range')
    return addr


def check_prefix(attrs):
    a = adict(attrs)
    addr = need(a, U.NDPV6_PREFIX_A_ADDRESS, 16, 'prefix')
    plen = get_u(a, U.NDPV6_PREFIX_A_LEN, 1, 'prefix')
    if plen > 128:
        raise Failure('prefix length %d' % plen)
    val = int.from_bytes(addr, 'big')
    if plen < 128 and val & ((1 << (128 - plen)) - 1):
        raise Failure('prefix %s/%d has bits past its length' % (
            socket.inet_ntop(socket.AF_INET6, addr), plen))
    valid = get_u(a, U.NDPV6_PREFIX_A_VALID_LFT, 4, 'prefix')
    pref = get_u(a, U.NDPV6_PREFIX_A_PREFERRED_LFT, 4, 'prefix')
    if pref > valid:
        raise Failure('prefix preferred lifetime %d above valid %d'
                      % (pref, valid))
    origin = get_u(a, U.NDPV6_PREFIX_A_ORIGIN, 1, 'prefix')
    if origin not in (U.NDPV6_ORIGIN_RA, U.NDPV6_ORIGIN_STATIC):
        raise Failure('prefix origin %d' % origin)
    for flag in (U.NDPV6_PREFIX_A_ONLINK, U.NDPV6_PREFIX_A_AUTONOMOUS):
        if flag in a and a[flag]:
            raise Failure('a flag with a payload')
    return addr, plen


def check_addr(attrs):
    a = adict(attrs)
    addr = need(a, U.NDPV6_ADDR_A_ADDRESS, 16, 'addr')
    plen = get_u(a, U.NDPV6_ADDR_A_PREFIX_LEN, 1, 'addr')
    if not 1 <= plen <= 128:
        raise Failure('address prefix length %d' % plen)
    if get_u(a, U.NDPV6_ADDR_A_STATE, 1, 'addr') > U.NDPV6_ADDR_STATE_MAX:
        raise Failure('address state out of range')
    origin = get_u(a, U.NDPV6_ADDR_A_ORIGIN, 1, 'addr')
    if origin not in (U.NDPV6_ORIGIN_LINKLOCAL, U.NDPV6_ORIGIN_SLAAC,
                      U.NDPV6_ORIGIN_MANUAL):
        raise Failure('address origin %d' % origin)
    valid = get_u(a, U.NDPV6_ADDR_A_VALID_LFT, 4, 'addr')
    pref = get_u(a, U.NDPV6_ADDR_A_PREFERRED_LFT, 4, 'addr')
    if pref > valid:
        raise Failure('address %s: preferred lifetime %d above valid %d'
                      % (socket.inet_ntop(socket.AF_INET6, addr), pref,
                         valid))
    return addr


def check_neigh(attrs):
    a = adict(attrs)
    addr = need(a, U.NDPV6_NEIGH_A_ADDRESS, 16, 'neigh')
    state = get_u(a, U.NDPV6_NEIGH_A_STATE, 1, 'neigh')
    if not 1 <= state <= U.NDPV6_NUD_MAX:
        raise Failure('neighbour state %d' % state)
    has_ll = U.NDPV6_NEIGH_A_LLADDR in a
    if has_ll:
        need(a, U.NDPV6_NEIGH_A_LLADDR, 6, 'neigh')
    if has_ll == (state == U.NDPV6_NUD_INCOMPLETE):
        raise Failure('neighbour in state %d %s a link-layer address'
                      % (state, 'with' if has_ll else 'without'))
    get_u(a, U.NDPV6_NEIGH_A_QUEUED, 4, 'neigh')
    return addr


def check_dns(attrs):
    a = adict(attrs)
    kind = get_u(a, U.NDPV6_DNS_A_KIND, 1, 'dns')
    if kind > U.NDPV6_DNS_MAX:
        raise Failure('DNS kind %d' % kind)
    what = {U.NDPV6_DNS_SERVER: (U.NDPV6_DNS_A_SERVER, 16),
            U.NDPV6_DNS_DOMAIN: (U.NDPV6_DNS_A_DOMAIN, None),
            U.NDPV6_DNS_CAPTIVE_PORTAL: (U.NDPV6_DNS_A_URI, None),
            U.NDPV6_DNS_PREF64: (U.NDPV6_DNS_A_PREFIX, 16)}[kind]
    val = need(a, what[0], what[1], 'dns')
    if what[1] is None and not val.endswith(b'\0'):
        raise Failure('DNS string without its NUL')
    rtr = need(a, U.NDPV6_DNS_A_ROUTER, 16, 'dns')
    get_u(a, U.NDPV6_DNS_A_LIFETIME, 4, 'dns')
    return kind, val, rtr


def check_stats(attrs):
    want = 0
    for atype, _, p in attrs:
        if atype != U.NDPV6_STATS_A_STAT:
            raise Failure('stats: attribute %d' % atype)
        a = adict(parse_attrs(p, 'stat'))
        sid = get_u(a, U.NDPV6_STAT_A_ID, 4, 'stat')
        if sid != want:
            raise Failure('stat id %d, not %d' % (sid, want))
        want += 1
        name = need(a, U.NDPV6_STAT_A_NAME, None, 'stat')
        if not name.endswith(b'\0') or not re.match(rb'^[A-Z0-9_]+\0$',
                                                    name):
            raise Failure('stat name %r' % name)
        need(a, U.NDPV6_STAT_A_VALUE, 8, 'stat')
    return None


def check_params(attrs):
    a = adict(attrs)
    caps = [('ADDRS', 'ADDRS'), ('NBRS', 'NBRS'), ('ROUTERS', 'ROUTERS'),
            ('PREFIXES', 'PREFIXES'), ('ROUTES', 'ROUTES'),
            ('GROUPS', 'GROUPS'),
            ('QUEUED', 'QUEUED')]
    for atype, _, p in attrs:
        if atype == U.NDPV6_PARAMS_A_PENDING:
            parse_attrs(p, 'pending')
    running = U.NDPV6_PARAMS_A_RUNNING in a
    for mx, num in caps:
        m = get_u(a, getattr(U, 'NDPV6_PARAMS_A_MAX_' + mx), 4, 'params')
        n_attr = getattr(U, 'NDPV6_PARAMS_A_NUM_' + num)
        if not running:
            if n_attr in a:
                raise Failure('params: a fill while down')
            continue
        n = get_u(a, n_attr, 4, 'params')
        if n > m:
            raise Failure('params: %d %s, above the capacity %d'
                          % (n, num.lower(), m))
    if running:
        inc = get_u(a, U.NDPV6_PARAMS_A_NUM_INCOMPLETE, 4, 'params')
        if inc > get_u(a, U.NDPV6_PARAMS_A_NUM_NBRS, 4, 'params'):
            raise Failure('params: more INCOMPLETE entries than entries')
    for atype, lo, hi in ((U.NDPV6_PARAMS_A_DAD_TRANSMITS, 0,
                           U.NDPV6_MAX_DAD_TRANSMITS),
                          (U.NDPV6_PARAMS_A_ACCEPT_RA, 0, 1),
                          (U.NDPV6_PARAMS_A_REPLY_ECHO, 0, 1),
                          (U.NDPV6_PARAMS_A_OPTIMISTIC_DAD, 0, 1),
                          (U.NDPV6_PARAMS_A_ADDR_GEN_MODE, 0,
                           U.NDPV6_ADDR_GEN_MAX)):
        v = get_u(a, atype, 1, 'params')
        if not lo <= v <= hi:
            raise Failure('params: attribute %d is %d' % (atype, v))
    if U.NDPV6_PARAMS_A_STABLE_SECRET in a:
        raise Failure('params: the secret was read back')
    return None


CHECKERS = {U.NDPV6_A_ROUTER: check_router, U.NDPV6_A_PREFIX: check_prefix,
            U.NDPV6_A_ADDR: check_addr, U.NDPV6_A_NEIGH: check_neigh,
            U.NDPV6_A_DNS: check_dns, U.NDPV6_A_STATS: check_stats,
            U.NDPV6_A_PARAMS: check_params}


def check_tree(buf, depth=0):
    """Every attribute of BUF well-formed, nested ones (by their flag) too."""
    for _, flags, p in parse_attrs(buf):
        if flags & NLA_F_NESTED and depth < 8:
            check_tree(p, depth + 1)


def check_event(m, fam):
    if m.type != fam:
        raise Failure('event of type %d' % m.type)
    if len(m.payload) < 4 or m.payload[0] != U.NDPV6_CMD_EVENT:
        raise Failure('event command %r' % m.payload[:1])
    a = adict(parse_attrs(m.payload[4:], 'event'))
    need(a, U.NDPV6_A_IFINDEX, 4, 'event')
    name = need(a, U.NDPV6_A_IFNAME, None, 'event')
    if not name.endswith(b'\0') or len(name) > 16:
        raise Failure('event: device name %r' % name)
    ev = get_u(a, U.NDPV6_A_EVENT, 1, 'event')
    if not 1 <= ev <= U.NDPV6_EVENT_MAX:
        raise Failure('event %d' % ev)
    objs = [t for t in (U.NDPV6_A_ADDR, U.NDPV6_A_ROUTER, U.NDPV6_A_PREFIX,
                        U.NDPV6_A_NEIGH) if t in a]
    if ev in (U.NDPV6_EVENT_LOST, U.NDPV6_EVENT_DNS):
        if objs:
            raise Failure('event %d with an object' % ev)
        return
    if len(objs) != 1:
        raise Failure('event %d with %d objects' % (ev, len(objs)))
    inner = adict(parse_attrs(a[objs[0]], 'event object'))
    need(inner, ADDR_ATTR[objs[0]], 16, 'event %d' % ev)
    if ev == U.NDPV6_EVENT_KERNEL_REFUSED or \
            ev == U.NDPV6_EVENT_ADDR_REFUSED:
        if ev == U.NDPV6_EVENT_KERNEL_REFUSED:
            need(a, U.NDPV6_A_ERROR, 4, 'event')


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--seed', type=int, default=None)
    p.add_argument('--seconds', type=float, default=20.0)
    p.add_argument('--count', type=int, default=0,
                   help='requests to send (instead of --seconds)')
    p.add_argument('--unprivileged', action='store_true')
    p.add_argument('--dev', default='ndp0')
    p.add_argument('--lower', default='veth1')
    p.add_argument('--spare', default=None)
    p.add_argument('--other', default=None, metavar='NETNS:DEV')
    p.add_argument('--peer', default=None, metavar='NETNS:DEV')
    p.add_argument('--log', default=None)
    args = p.parse_args()
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), 'big')
    return Fuzzer(args).run()


if __name__ == '__main__':
    sys.exit(main())
