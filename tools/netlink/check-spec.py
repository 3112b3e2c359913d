#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the ndpv6 YNL spec with the kernel's YNL tools, then against the
UAPI header and the kernel policies.

    check-spec.py [--spec FILE] [--uapi FILE] [--kernel FILE] [--ynl DIR]

DIR is a tree with Linux 6.12's Documentation/netlink/ and tools/net/ynl/
(tools/harness/ynl-tree.sh extracts it from linux-source-6.12; default
$NDPV6_YNL, else that script's cache).  The spec must validate against the
kernel's schema for its protocol (Documentation/netlink/genetlink-legacy.yaml)
and load with the kernel's own spec library (tools/net/ynl/lib/nlspec.py),
whose values (attribute, operation and enum numbers) are what YNL tools
send and decode.  What no schema can check is checked here, and fails
(exit 1, one line per problem) unless:

  - every nested-attributes, enum, check constant, operation attribute
    and multicast group the spec names exists (a schema sees one node at
    a time, not what another names);
  - every enum of the spec (definitions, attribute sets, operations), with
    nlspec's values, is a C enum of the header with the same names and
    values, in order, closed by __<PREFIX>MAX and `#define <PREFIX>MAX
    (__<PREFIX>MAX - 1)`, and every enum of the header is one of them;
  - every constant, the family name and version and every multicast group
    name are #defines of the header with the spec's values;
  - every nla_policy entry of the kernel file that names an attribute of
    the spec has the spec's type, exact length and range (or NLA_REJECT
    for an attribute documented as read-only), and every request
    attribute of every operation is accepted by a kernel policy.
"""

import argparse
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write('check-spec: python3-yaml (PyYAML) is missing\n')
    sys.exit(2)

REPO = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))

problems = []


def problem(msg):
    problems.append(msg)


def c_name(*parts):
    return ''.join(parts).upper().replace('-', '_')


# ------------------------------------------------------------------ C side

def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def c_int(expr, names):
    """Evaluate a small C integer expression over known names."""
    expr = expr.strip()
    expr = re.sub(r'(?<=[0-9a-fA-F])[uUlL]+\b', '', expr)
    expr = re.sub(r'\bsizeof\s*\(\s*struct\s+in6_addr\s*\)', '16', expr)
    expr = re.sub(r'\bETH_ALEN\b', '6', expr)
    expr = re.sub(r'\bIFNAMSIZ\b', '16', expr)

    def name(m):
        if m.group(0) in names:
            return str(names[m.group(0)])
        raise ValueError(m.group(0))
    expr = re.sub(r'\b[A-Za-z_]\w*\b', name, expr)
    if not re.fullmatch(r'[0-9a-fA-FxX()+\-*/<> ]*', expr):
        raise ValueError(expr)
    return int(eval(expr, {'__builtins__': {}}))  # noqa: S307 (digits only)


def parse_header(path):
    """Return (#defines {name: raw value}, enums {enum name: [(n, v)]})."""
    text = strip_comments(open(path).read())
    defines = {}
    for m in re.finditer(r'^\s*#\s*define\s+(\w+)[ \t]+(.+?)\s*$', text,
                         flags=re.M):
        defines[m.group(1)] = m.group(2)
    enums = {}
    values = {}
    for m in re.finditer(r'\benum\s+(\w+)\s*\{(.*?)\}\s*;', text, flags=re.S):
        entries = []
        nxt = 0
        for item in m.group(2).split(','):
            item = item.strip()
            if not item:
                continue
            if '=' in item:
                n, expr = (s.strip() for s in item.split('=', 1))
                nxt = c_int(expr, values)
            else:
                n = item
            entries.append((n, nxt))
            values[n] = nxt
            nxt += 1
        enums[m.group(1)] = entries
    for name, raw in defines.items():
        try:
            values.setdefault(name, c_int(raw, values))
        except (ValueError, SyntaxError):
            pass
    return defines, enums, values


def define_value(defines, values, name):
    raw = defines.get(name)
    if raw is None:
        return None
    if raw.startswith('"'):
        return raw.strip('"')
    try:
        return c_int(raw, values)
    except (ValueError, SyntaxError):
        return raw


# --------------------------------------------------------------- spec side

def load_family(spec_path, ynl):
    """The spec as the kernel's YNL library reads it, after validating it
    against the schema of its protocol."""
    lib = os.path.join(ynl, 'tools', 'net', 'ynl')
    if not os.path.isfile(os.path.join(lib, 'lib', 'nlspec.py')):
        sys.stderr.write('check-spec: no YNL tools in %s (run '
                         'tools/harness/ynl-tree.sh)\n' % ynl)
        sys.exit(2)
    sys.path.insert(0, lib)
    from lib import nlspec  # noqa: E402 (the kernel's, found at run time)
    proto = yaml.safe_load(open(spec_path)).get('protocol', 'genetlink')
    schema = os.path.join(ynl, 'Documentation', 'netlink', proto + '.yaml')
    try:
        return nlspec.SpecFamily(spec_path, schema), schema
    except Exception as e:  # jsonschema's ValidationError, or nlspec's
        problem('%s does not validate against %s: %s' %
                (os.path.relpath(spec_path, REPO), schema,
                 str(e).split('\n')[0]))
        return None, schema


def values_of(elems):
    """nlspec elements (attributes, operations, enum entries) -> [(name,
    value, yaml)] in the spec's order, with the values YNL uses."""
    out = []
    for e in elems:
        v = getattr(e, 'req_value', None)
        out.append((e.name, e.value if v is None else v, e.yaml))
    return out


def compare_enum(what, c_entries, want, prefix):
    """Compare C enum entries with [(C name, value)] and the sentinel."""
    want = list(want) + [('__' + prefix + 'MAX', len(want) and
                          want[-1][1] + 1)]
    if [e[0] for e in c_entries] != [w[0] for w in want]:
        problem('%s: names differ:\n    spec: %s\n    uapi: %s' %
                (what, ' '.join(w[0] for w in want),
                 ' '.join(e[0] for e in c_entries)))
        return
    for (n, v), (_, wv) in zip(c_entries, want):
        if v != wv:
            problem('%s: %s is %d in the header, %d in the spec' %
                    (what, n, v, wv))


def check_max_define(what, defines, prefix):
    raw = defines.get(prefix + 'MAX')
    if raw is None or re.sub(r'\s', '', raw) != '(__%sMAX-1)' % prefix:
        problem('%s: want `#define %sMAX (__%sMAX - 1)`' %
                (what, prefix, prefix))


def check_spec_shape(spec):
    consts = {d['name'] for d in spec.get('definitions', [])
              if d['type'] == 'const'}
    enums = {d['name'] for d in spec.get('definitions', [])
             if d['type'] in ('enum', 'flags')}
    sets = {s['name']: s for s in spec.get('attribute-sets', [])}
    for s in sets.values():
        for a in s['attributes']:
            where = 'attribute-set %s, %s' % (s['name'], a['name'])
            na = a.get('nested-attributes')
            if a['type'] == 'nest' and na not in sets:
                problem('%s: nested-attributes %r is no attribute set' %
                        (where, na))
            if 'enum' in a and a['enum'] not in enums:
                problem('%s: enum %r is not defined' % (where, a['enum']))
            for k, v in a.get('checks', {}).items():
                if isinstance(v, str) and v not in consts:
                    problem('%s: check %s names no constant %r' %
                            (where, k, v))
    groups = {g['name'] for g in spec.get('mcast-groups', {}).get('list', [])}
    for op in spec['operations']['list']:
        aset = sets.get(op.get('attribute-set', ''))
        if op['name'] != 'unspec' and aset is None:
            problem('operation %s: no attribute-set' % op['name'])
            continue
        names = {a['name'] for a in aset['attributes']} if aset else set()
        for mode in ('do', 'dump', 'event'):
            m = op.get(mode)
            if not m:
                continue
            for part in ('request', 'reply'):
                attrs = (m if mode == 'event' else
                         m.get(part, {})).get('attributes', [])
                for a in attrs:
                    if a not in names:
                        problem('operation %s %s: no attribute %r in set %s'
                                % (op['name'], mode, a, aset['name']))
                if mode == 'event':
                    break
        if 'mcgrp' in op and op['mcgrp'] not in groups:
            problem('operation %s: no multicast group %r' %
                    (op['name'], op['mcgrp']))
    return sets


# ----------------------------------------------------------- kernel policy

TYPE_NLA = {
    'u8': {'NLA_U8'}, 'u16': {'NLA_U16'}, 'u32': {'NLA_U32'},
    'u64': {'NLA_U64'}, 's32': {'NLA_S32'}, 'flag': {'NLA_FLAG'},
    'string': {'NLA_NUL_STRING', 'NLA_STRING'},
    'binary': {'NLA_BINARY'}, 'nest': {'NLA_NESTED'},
}


def split_top(s):
    """Split on commas outside parentheses and braces."""
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch in '({':
            depth += 1
        elif ch in ')}':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def parse_policy(spec_text, ranges, values):
    """One policy entry -> dict(type=, min=, max=, nested=, reject=)."""
    s = spec_text.strip()
    m = re.fullmatch(r'NLA_POLICY_EXACT_LEN\((.*)\)', s, flags=re.S)
    if m:
        n = c_int(m.group(1), values)
        return {'type': 'NLA_BINARY', 'min': n, 'max': n, 'exact': n}
    m = re.fullmatch(r'NLA_POLICY_NESTED\((\w+)\)', s)
    if m:
        return {'type': 'NLA_NESTED', 'nested': m.group(1)}
    m = re.fullmatch(r'NLA_POLICY_(RANGE|MIN|MAX|FULL_RANGE)\((.*)\)', s,
                     flags=re.S)
    if m:
        args = split_top(m.group(2))
        d = {'type': args[0]}
        if m.group(1) == 'RANGE':
            d['min'], d['max'] = (c_int(a, values) for a in args[1:3])
        elif m.group(1) == 'MIN':
            d['min'] = c_int(args[1], values)
        elif m.group(1) == 'MAX':
            d['max'] = c_int(args[1], values)
        else:
            r = ranges.get(args[1].lstrip('&').strip())
            if r is None:
                raise ValueError('unknown range %s' % args[1])
            d.update(r)
        return d
    m = re.fullmatch(r'\{(.*)\}', s, flags=re.S)
    if m:
        d = {}
        for field in split_top(m.group(1)):
            k, _, v = field.partition('=')
            k, v = k.strip().lstrip('.'), v.strip()
            if k == 'type':
                d['type'] = v
            elif k == 'len':
                d['len'] = c_int(v, values)
            elif k == 'reject_message':
                d['reject'] = v
        if d.get('type') == 'NLA_REJECT':
            d['reject'] = d.get('reject', '')
        return d
    raise ValueError('cannot read policy %r' % s)


def parse_kernel(path, values):
    text = strip_comments(open(path).read())
    ranges = {}
    for m in re.finditer(r'struct\s+netlink_range_validation\s+(\w+)\s*=\s*'
                         r'\{(.*?)\}\s*;', text, flags=re.S):
        r = {}
        for field in split_top(m.group(2)):
            k, _, v = field.partition('=')
            r[k.strip().lstrip('.')] = c_int(v, values)
        ranges[m.group(1)] = r
    policies = {}
    for m in re.finditer(r'struct\s+nla_policy\s+(\w+)\s*\[[^\]]*\]\s*=\s*'
                         r'\{(.*?)\n\}\s*;', text, flags=re.S):
        entries = {}
        for item in split_top(m.group(2)):
            pm = re.fullmatch(r'\[\s*(\w+)\s*\]\s*=\s*(.*)', item, flags=re.S)
            if not pm:
                continue
            try:
                entries[pm.group(1)] = parse_policy(pm.group(2), ranges,
                                                    values)
            except ValueError as e:
                problem('%s: policy %s, %s: %s' % (os.path.basename(path),
                                                   m.group(1), pm.group(1), e))
        policies[m.group(1)] = entries
    return policies


def check_policies(spec, family, sets, policies, kpath, values):
    consts = {d['name']: d['value'] for d in spec.get('definitions', [])
              if d['type'] == 'const'}
    attr_of = {}
    set_of_policy = {}
    for s in sets.values():
        aset = family.attr_sets[s['name']].attrs.values()
        for name, _, a in values_of(aset):
            attr_of[c_name(s['name-prefix'], name)] = (s, a)
    for pname, entries in policies.items():
        for cname in entries:
            if cname in attr_of:
                set_of_policy.setdefault(pname, set()).add(
                    attr_of[cname][0]['name'])
    kfile = os.path.basename(kpath)
    accepted = set()
    for pname, entries in policies.items():
        for cname, pol in entries.items():
            if cname not in attr_of:
                problem('%s: policy %s names %s, which the spec lacks' %
                        (kfile, pname, cname))
                continue
            s, a = attr_of[cname]
            where = '%s: policy %s, %s' % (kfile, pname, cname)
            ro = a.get('doc', '').startswith('Read-only')
            if pol.get('type') == 'NLA_REJECT':
                if not ro:
                    problem('%s: NLA_REJECT, but the spec does not say '
                            'Read-only' % where)
                continue
            accepted.add(cname)
            if pol.get('type') not in TYPE_NLA.get(a['type'], set()):
                problem('%s: type %s, spec says %s' %
                        (where, pol.get('type'), a['type']))
            if ro:
                problem('%s: the spec says Read-only: want NLA_REJECT' %
                        where)
            checks = {k: consts.get(v, v) if isinstance(v, str) else v
                      for k, v in a.get('checks', {}).items()}
            if a['type'] == 'nest':
                want = a.get('nested-attributes')
                got = set_of_policy.get(pol.get('nested'), set())
                if got and want not in got:
                    problem('%s: nests policy %s (set %s), spec says %s' %
                            (where, pol.get('nested'), ','.join(got), want))
            if 'exact-len' in checks and pol.get('exact') != \
                    checks['exact-len']:
                problem('%s: want NLA_POLICY_EXACT_LEN(%d)' %
                        (where, checks['exact-len']))
            if 'max-len' in checks and pol.get('len') != checks['max-len']:
                problem('%s: want .len = %d' % (where, checks['max-len']))
            if a['type'] in ('u8', 'u16', 'u32', 'u64'):
                for k in ('min', 'max'):
                    if checks.get(k) != pol.get(k):
                        problem('%s: %s is %s, spec says %s' %
                                (where, k, pol.get(k), checks.get(k)))
    # Every attribute an operation's request names must be accepted.
    for op in spec['operations']['list']:
        aset = sets.get(op.get('attribute-set', ''))
        for mode in ('do', 'dump'):
            req = (op.get(mode) or {}).get('request', {})
            for a in req.get('attributes', []):
                cname = c_name(aset['name-prefix'], a)
                if cname not in accepted:
                    problem('%s: operation %s %s takes %s but no policy '
                            'accepts it' % (kfile, op['name'], mode, cname))


# -------------------------------------------------------------------- main

def default_ynl():
    """The newest tree tools/harness/ynl-tree.sh extracted, if any."""
    cache = os.environ.get('XDG_CACHE_HOME') or \
        os.path.join(os.path.expanduser('~'), '.cache')
    trees = sorted(glob.glob(os.path.join(cache, 'ndpv6', 'ynl-*',
                                          '.ndpv6-extracted')))
    return os.path.dirname(trees[-1]) if trees else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--spec', default=os.path.join(
        REPO, 'Documentation/netlink/specs/ndpv6.yaml'))
    ap.add_argument('--uapi', default=os.path.join(
        REPO, 'include/uapi/linux/ndpv6.h'))
    ap.add_argument('--kernel', default=os.path.join(REPO, 'module/netlink.c'),
                    help='kernel source with the policies ("" to skip)')
    ap.add_argument('--ynl', default=os.environ.get('NDPV6_YNL') or
                    default_ynl(),
                    help="Linux 6.12's Documentation/netlink and "
                    "tools/net/ynl (tools/harness/ynl-tree.sh)")
    args = ap.parse_args()

    spec = yaml.safe_load(open(args.spec))
    family, schema = load_family(args.spec, args.ynl or '')
    if family is None:
        for p in problems:
            print('check-spec: ' + p)
        return 1
    defines, enums, values = parse_header(args.uapi)
    fam = spec['name']
    sets = check_spec_shape(spec)
    compared = 0

    def want_define(name, value):
        got = define_value(defines, values, name)
        if got != value:
            problem('#define %s: header has %r, spec wants %r' %
                    (name, defines.get(name), value))

    want_define(c_name(spec.get('c-family-name', fam + '-genl-name')), fam)
    want_define(c_name(spec.get('c-version-name', fam + '-genl-version')),
                spec.get('version', 1))
    for g in spec.get('mcast-groups', {}).get('list', []):
        want_define(c_name(fam, '-mcgrp-', g['name']), g['name'])

    used = set()
    c_by_first = {}
    for ename, entries in enums.items():
        if entries:
            c_by_first[entries[0][0]] = ename

    def match(what, want, prefix):
        nonlocal compared
        first = want[0][0] if want else None
        ename = c_by_first.get(first)
        if ename is None:
            problem('%s: no enum in the header starts with %s' %
                    (what, first))
            return
        used.add(ename)
        compare_enum('%s (enum %s)' % (what, ename), enums[ename], want,
                     prefix)
        check_max_define(what, defines, prefix)
        compared += len(want)

    for d in spec.get('definitions', []):
        if d['type'] == 'const':
            want_define(c_name(fam, '-', d['name']), d['value'])
        elif d['type'] == 'enum':
            prefix = c_name(d.get('name-prefix', fam + '-' + d['name'] + '-'))
            entries = family.consts[d['name']].entries.values()
            match('enum %s' % d['name'],
                  [(prefix + c_name(n), v) for n, v, _ in
                   values_of(entries)], prefix)
    for s in spec.get('attribute-sets', []):
        prefix = c_name(s.get('name-prefix', fam + '-a-'))
        match('attribute-set %s' % s['name'],
              [(prefix + c_name(n), v) for n, v, _ in
               values_of(family.attr_sets[s['name']].attrs.values())],
              prefix)
    ops = spec['operations']
    prefix = c_name(ops.get('name-prefix', fam + '-cmd-'))
    # family.msgs: every operation, events and unspec included
    match('operations', [(prefix + c_name(n), v) for n, v, _ in
                         values_of(family.msgs.values())], prefix)
    for ename in enums:
        if ename not in used:
            problem('enum %s of the header is not in the spec' % ename)

    if args.kernel and os.path.exists(args.kernel):
        policies = parse_kernel(args.kernel, values)
        if not policies:
            problem('%s: no nla_policy found' % args.kernel)
        check_policies(spec, family, sets, policies, args.kernel, values)
        kmsg = ', policies of %s' % os.path.relpath(args.kernel, REPO)
    else:
        kmsg = ' (no kernel policies checked)'

    for p in problems:
        print('check-spec: ' + p)
    if problems:
        print('check-spec: %d problem(s)' % len(problems))
        return 1
    print('check-spec: OK: %s validates against %s, %d enum entries%s' %
          (os.path.relpath(args.spec, REPO), schema, compared, kmsg))
    return 0


if __name__ == '__main__':
    sys.exit(main())
