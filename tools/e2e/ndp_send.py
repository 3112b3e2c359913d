# SPDX-License-Identifier: GPL-2.0
"""Paced, batched sending of prebuilt frames on an AF_PACKET socket.

Python's socket module has no sendmmsg(2); this calls libc's through
ctypes (the standard library only), so a flood costs one system call per
batch instead of one per frame plus the interpreter's work for each.  In
User-Mode Linux, where every system call of a process is expensive, that
is what lets a Python sender reach thousands of frames per second.
"""
import ctypes
import errno
import os
import time


class _IoVec(ctypes.Structure):
    _fields_ = [('iov_base', ctypes.c_void_p), ('iov_len', ctypes.c_size_t)]


class _MsgHdr(ctypes.Structure):
    _fields_ = [('msg_name', ctypes.c_void_p),
                ('msg_namelen', ctypes.c_uint32),
                ('msg_iov', ctypes.POINTER(_IoVec)),
                ('msg_iovlen', ctypes.c_size_t),
                ('msg_control', ctypes.c_void_p),
                ('msg_controllen', ctypes.c_size_t),
                ('msg_flags', ctypes.c_int)]


class _MMsgHdr(ctypes.Structure):
    _fields_ = [('msg_hdr', _MsgHdr), ('msg_len', ctypes.c_uint)]


_libc = ctypes.CDLL(None, use_errno=True)
_libc.sendmmsg.argtypes = [ctypes.c_int, ctypes.POINTER(_MMsgHdr),
                           ctypes.c_uint, ctypes.c_int]
_libc.sendmmsg.restype = ctypes.c_int


def send_paced(sock, frames, rate, seconds=None, batch=None):
    """Send FRAMES (bytes) at most RATE per second, in batches of BATCH
    (default: a hundredth of a second's worth) with one sendmmsg(2) each.
    A frame the kernel refuses (ENOBUFS: the receiver's backlog is full)
    is skipped and not counted.  Stops after SECONDS when given, even if
    behind the rate.  Returns (sent, elapsed seconds)."""
    n = len(frames)
    if batch is None:
        batch = max(1, min(256, rate // 100))
    buf = ctypes.create_string_buffer(b''.join(frames))
    base = ctypes.addressof(buf)
    iov = (_IoVec * n)()
    msgs = (_MMsgHdr * n)()
    off = 0
    for k, f in enumerate(frames):
        iov[k].iov_base = base + off
        iov[k].iov_len = len(f)
        msgs[k].msg_hdr.msg_iov = ctypes.pointer(iov[k])
        msgs[k].msg_hdr.msg_iovlen = 1
        off += len(f)
    fd = sock.fileno()
    msg_size = ctypes.sizeof(_MMsgHdr)
    sent = 0
    k = 0
    t0 = time.monotonic()
    while k < n:
        want = min(batch, n - k)
        ret = _libc.sendmmsg(fd, ctypes.cast(ctypes.addressof(msgs) +
                                             k * msg_size,
                                             ctypes.POINTER(_MMsgHdr)),
                             want, 0)
        if ret < 0:
            err = ctypes.get_errno()
            if err not in (errno.ENOBUFS, errno.EAGAIN, errno.EINTR):
                raise OSError(err, os.strerror(err))
            k += 1		# this frame was refused: skip it
            continue
        sent += ret
        k += ret
        if ret < want:
            k += 1		# the frame after the last one sent was refused
        now = time.monotonic() - t0
        ahead = k / rate - now
        if ahead > 0:
            time.sleep(ahead)
        elif seconds is not None and now >= seconds:
            break		# behind the rate: the time is up all the same
    return sent, time.monotonic() - t0
