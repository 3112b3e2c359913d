#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Find kernel reports in a UML console log (not KTAP: kunit.py reads that).

    console_check.py [--uml612|--smp] CONSOLE_LOG [RESULTS]

Every BUG, WARNING (WARN_ON, lockdep, RCU, debugobjects), KASAN, UBSAN,
Oops or panic report is a problem, and so is every kmemleak object whose
backtrace names the module (the report between the init script's
"kmemleak begin/end" markers, taken while the module is loaded).  Known
noise of the 6.1 UML test kernel is filtered, precisely and nothing else:

  - the "suspicious RCU usage" lockdep splat whose trace names
    force_flush_all (UML's mm code, once or twice per boot);
  - kmemleak's "Trying to color unknown object" traces (every insmod:
    they are a dump_stack, not a report);
  - kmemleak objects that do not name the module (about 55 to 130 for UML
    itself, among them the insmod arguments and socket inodes).

--uml612: the console of the UML 6.12 kernel (KUnit only), which prints
no such splat (measured 2026-12-07: no RCU splat, no "unknown object"
trace, no kmemleak object in a boot, insmod, scan and rmmod): the
force_flush_all filter is off for it, so that the same splat there fails
the run until someone looks at it.  Its other noise, 20 UBSAN
misaligned-access reports in core kernel code, is turned off in its
configuration (tools/harness/uml-6.12.config), not filtered here.

--smp: the console of the SMP debug kernel under QEMU (make check-smp,
tools/harness/smp-kernel.sh), with KCSAN.  No UML filter applies.  A
KCSAN report ("BUG: KCSAN: ...") fails the run when one of its lines
names the module (a stack frame "func+0x12/0x34 [ndpv6]"); the others,
data races of the rest of the kernel, are listed with their signature
(the header line, "data-race in A / B") and the line they start at, and
do not fail it.  Every other report fails it, as above.

kmemleak is best-effort: a stale pointer anywhere in scanned memory hides a
leaked object, so a single leaked allocation may go unseen (measured here:
4 to 15 of 16 leaked objects reported); repeated leaks are caught.

Prints each problem with its lines and what was filtered; appends one line
"console-<kind> fail" per problem to RESULTS.  Without RESULTS, the exit
status is 1 if there is any problem; with it, 0 once the results are
written (they carry the failures).
"""

import re
import sys

MODULE = 'ndpv6'
MARK = 'ndpv6-harness: '

# A kernel report starts at column 0 with one of these.
HEADERS = re.compile(
    r'^(BUG: |WARNING: |UBSAN: |kernel BUG at |Kernel panic - |Oops|'
    r'general protection fault|Unable to handle kernel |'
    r'INFO: trying to register non-static key|INFO: task .* blocked|'
    r'ODEBUG: |list_(add|del) corruption|'
    r'kmemleak: Kernel memory leak detector disabled)')
# ... and ends at one of these, or at the next report or harness marker.
ENDS = re.compile(r'^(---\[ end trace|={20,}$)')
REPORT_MAX_LINES = 120
SHOW_LEAKS = 3

KIND = [
    (re.compile(r'^BUG: KCSAN: '), 'kcsan'),
    (re.compile(r'KASAN'), 'kasan'),
    (re.compile(r'^UBSAN'), 'ubsan'),
    (re.compile(r'suspicious RCU|locking|lock state|non-static key|'
                r'lock inversion|held lock|DEBUG_LOCKS'), 'lockdep'),
    (re.compile(r'^WARNING: CPU'), 'warning'),
    (re.compile(r'^ODEBUG'), 'debugobjects'),
    (re.compile(r'kmemleak'), 'kmemleak'),
    (re.compile(r'panic|^Oops|^BUG|protection fault|Unable to handle'),
     'bug'),
]


def kind_of(header):
    for pattern, kind in KIND:
        if pattern.search(header):
            return kind
    return 'warning'


def reports(lines):
    """Yield (line number, lines) of each kernel report."""
    i = 0
    while i < len(lines):
        if not HEADERS.match(lines[i]):
            i += 1
            continue
        start = i
        i += 1
        while (i < len(lines) and i - start < REPORT_MAX_LINES and
               not HEADERS.match(lines[i]) and
               not lines[i].startswith(MARK)):
            i += 1
            if ENDS.match(lines[i - 1]) and i - start > 2:
                break
        yield start + 1, lines[start:i]


def leaks(lines):
    """Yield (line number, lines) of each kmemleak object in the report."""
    try:
        begin = lines.index(MARK + 'kmemleak begin')
        end = lines.index(MARK + 'kmemleak end', begin)
    except ValueError:
        return
    obj = None
    for n in range(begin + 1, end):
        if lines[n].startswith('unreferenced object '):
            if obj:
                yield obj
            obj = (n + 1, [lines[n]])
        elif obj:
            obj[1].append(lines[n])
    if obj:
        yield obj


def frame_names_module(block):
    """True if a line of a report is a stack frame in the module."""
    return any(re.search(r'\[' + MODULE + r'\]\s*$', line) for line in block)


def names_module(block):
    """True if the backtrace of a kmemleak object names the module.

    A frame in the module's text reads "func+0x12/0x34 [ndpv6]".  A frame
    in its init function cannot: init text is freed once init returns, and
    the frame is a bare address under do_one_initcall/do_init_module.  The
    harness's insmod loads no other module, so an object that insmod
    allocated under do_init_module was allocated by the module's init.
    """
    trace = by_insmod = in_init = False
    for line in block:
        if line.strip().startswith('comm "insmod"'):
            by_insmod = True
        elif line.strip() == 'backtrace:':
            trace = True
        elif trace and re.search(r'\[' + MODULE + r'\]\s*$', line):
            return True
        elif trace and re.search(r'\] do_init_module\+', line):
            in_init = True
    return by_insmod and in_init


def main():
    args = sys.argv[1:]
    uml612 = '--uml612' in args
    smp = '--smp' in args
    args = [a for a in args if a not in ('--uml612', '--smp')]
    log = args[0]
    results = args[1] if len(args) > 1 else None
    with open(log, errors='backslashreplace') as f:
        lines = [line.rstrip('\n') for line in f]

    problems = []
    kcsan_others = []
    rcu_noise = 0
    for num, block in reports(lines):
        if (smp and block[0].startswith('BUG: KCSAN: ') and
                not frame_names_module(block)):
            kcsan_others.append((num, block[0]))
            continue
        if (not uml612 and not smp and
                block[0].startswith('WARNING: suspicious RCU usage') and
                any('force_flush_all' in line for line in block)):
            rcu_noise += 1
            continue
        problems.append((kind_of(block[0]), num, block))

    color_noise = sum(bool(re.match(r'kmemleak: (Trying to color|Adding scan '
                                    r'area to) unknown object', line))
                      for line in lines)

    ours, others = [], 0
    for num, block in leaks(lines):
        if names_module(block):
            ours.append((num, block))
        else:
            others += 1
    if ours:
        block = ['kmemleak: %d object(s) allocated by %s leaked%s'
                 % (len(ours), MODULE,
                    ', the first %d:' % SHOW_LEAKS
                    if len(ours) > SHOW_LEAKS else ':')]
        for _, obj in ours[:SHOW_LEAKS]:
            block += obj
        problems.append(('kmemleak', ours[0][0], block))

    if smp:
        print('console: %d KCSAN report(s) not naming %s (the rest of the '
              'kernel; not failures), %d kmemleak object(s) not naming %s'
              % (len(kcsan_others), MODULE, others, MODULE))
        for num, header in kcsan_others:
            print('console:   %s:%d: %s' % (log, num, header))
    else:
        print('console: filtered known UML noise: %s, %d kmemleak "Trying to '
              'color / Adding scan area to unknown object" trace(s), %d '
              'kmemleak object(s) not naming %s'
              % ('no RCU splat filter for UML 6.12' if uml612 else
                 '%d "suspicious RCU usage" splat(s) naming force_flush_all'
                 % rcu_noise, color_noise, others, MODULE))
    for kind, num, block in problems:
        print('console: %s report at %s:%d' % (kind, log, num))
        for line in block:
            print('    ' + line)
    if not problems:
        print('console: no kernel reports')

    if results:
        with open(results, 'a') as f:
            for kind, num, _ in problems:
                f.write('console-%s fail\n' % kind)
        return 0
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
