// `journalctl` for a lab node: reads the per-unit journal files written by the
// simulated units and by systemctl. Supports -u (repeatable, globs), -o/--output,
// -n/--lines, -f/--follow, -S/--since, -U/--until, -p/--priority, -r, -e, -x,
// -q, --no-pager, --no-hostname, -t/--identifier. Exit codes as journalctl's.
import { nodePaths, readNodeConfig } from '../labPaths.mjs';
import { parseArgs, UsageError } from '../argv.mjs';
import { unitsOfNode, findUnit, matchesPattern } from '../systemd/unitCatalog.mjs';
import { readUnitState } from '../systemd/unitState.mjs';
import { readAllEntries, readTailEntries, journalOffsets, readAppended } from './journalFiles.mjs';
import { formatEntry, OUTPUT_MODES } from './journalFormat.mjs';
import { parseTimestamp } from './since.mjs';
import { writeOut, endWithChannel } from '../outputStream.mjs';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

const SPEC = {
  short: { u: 'unit', o: 'output', n: 'lines', f: 'follow', S: 'since', U: 'until', p: 'priority', r: 'reverse', e: 'pager-end', x: 'catalog', q: 'quiet', a: 'all', l: 'full', t: 'identifier', b: 'boot', m: 'merge', h: 'help' },
  long: {
    unit: 'multi', output: 'value', lines: 'value', follow: 'flag', since: 'value', until: 'value', priority: 'value', reverse: 'flag',
    'pager-end': 'flag', catalog: 'flag', quiet: 'flag', all: 'flag', full: 'flag', identifier: 'multi', boot: 'value', merge: 'flag',
    'no-pager': 'flag', 'no-hostname': 'flag', 'no-tail': 'flag', utc: 'flag', system: 'flag', help: 'flag', 'no-full': 'flag',
  },
};

function parseLevel(text) {
  const n = /^\d$/.test(text) ? Number(text) : LEVELS.indexOf(text === 'error' ? 'err' : text === 'warn' ? 'warning' : text);
  return n >= 0 && n <= 7 ? n : null;
}

/** -p "err" means err and more severe; "warning..err" is a range. */
function parsePriority(text) {
  const [a, b] = text.split('..');
  const hi = parseLevel(a);
  if (b === undefined) return hi === null ? null : [0, hi];
  const lo = parseLevel(b);
  return hi === null || lo === null ? null : [Math.min(hi, lo), Math.max(hi, lo)];
}

// journalctl peeks at the next word for -n/-b when it looks like a value.
function normaliseOptionalValues(args) {
  const out = [];
  for (let i = 0; i < args.length; i += 1) {
    out.push(args[i]);
    if (['-n', '--lines'].includes(args[i]) && !/^(\+?\d+|all)$/.test(args[i + 1] ?? '')) out.push('10');
    if (['-b', '--boot'].includes(args[i]) && !/^(-?\d+|[0-9a-f]{32}|all)$/.test(args[i + 1] ?? '')) out.push('0');
  }
  return out;
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

export async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(normaliseOptionalValues(argv), SPEC);
  } catch (err) {
    if (err instanceof UsageError) fail(`journalctl: ${err.message}`);
    throw err;
  }
  const o = parsed.options;
  if (o.help) {
    await writeOut('journalctl [OPTIONS...] [MATCHES...]\n\nQuery the journal.\n');
    return 0;
  }
  const paths = nodePaths();
  const config = readNodeConfig(paths);
  const output = o.output ?? 'short';
  if (!OUTPUT_MODES.includes(output)) fail(`Unknown output format '${output}'.`);

  let units = unitsOfNode(paths).map((u) => u.name);
  if (o.unit) {
    const wanted = new Set();
    for (const pattern of o.unit) {
      if (/[*?[]/.test(pattern)) units.filter((u) => matchesPattern(`${u}.service`, pattern)).forEach((u) => wanted.add(u));
      else {
        const unit = findUnit(paths, pattern);
        if (unit) wanted.add(unit.name);
      }
    }
    units = [...wanted];
  }
  // Reading a unit's state records a death nobody has noticed yet, with systemd's messages.
  for (const unit of units) readUnitState(paths, unit);
  const priority = o.priority ? parsePriority(o.priority) : null;
  if (o.priority && !priority) fail(`Failed to parse priority value: ${o.priority}`);
  const since = o.since ? parseTimestamp(o.since) : null;
  if (o.since && since === null) fail(`Failed to parse timestamp: ${o.since}`);
  const until = o.until ? parseTimestamp(o.until) : null;
  if (o.until && until === null) fail(`Failed to parse timestamp: ${o.until}`);
  let lines = o.lines === undefined ? (o.follow ? 10 : o['pager-end'] ? 1000 : null) : o.lines === 'all' ? null : Number(o.lines.replace(/^\+/, ''));
  if (lines !== null && !Number.isFinite(lines)) fail(`Failed to parse lines '${o.lines}'`);

  const keep = (e) => (!priority || (e.p >= priority[0] && e.p <= priority[1]))
    && (since === null || e.t >= since) && (until === null || e.t <= until)
    && (!o.identifier || o.identifier.includes(e.id));
  const render = { output, host: paths.name, bootId: config?.bootId ?? '0'.repeat(32), noHostname: Boolean(o['no-hostname']) };

  const offsets = journalOffsets(paths, units);
  // Tail reads are cheap; filters that may discard most lines need the whole journal.
  const filtered = lines !== null && !priority && since === null && until === null && !o.identifier;
  let entries = filtered ? readTailEntries(paths, units, lines) : readAllEntries(paths, units).filter(keep);
  if (lines !== null) entries = lines === 0 ? [] : entries.slice(-lines);
  if (o.reverse) entries.reverse();

  if (entries.length === 0 && !o.follow && !o.quiet) {
    await writeOut('-- No entries --\n');
    return 0;
  }
  await writeEntries(entries, render);
  if (!o.follow) return 0;

  endWithChannel(paths.followers);
  // Lines appended between taking the offsets and reading the backlog were
  // already printed: skip what is not newer than the last entry seen per unit.
  const seen = new Map();
  for (const e of entries) if (!seen.has(e.unit) || seen.get(e.unit) < e.t) seen.set(e.unit, e.t);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fresh = readAppended(paths, offsets).filter((e) => keep(e) && (!seen.has(e.unit) || e.t > seen.get(e.unit)));
    await writeEntries(fresh, render);
  }
}

async function writeEntries(entries, render) {
  const CHUNK = 2000;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await writeOut(`${entries.slice(i, i + CHUNK).map((e) => formatEntry(e, render)).join('\n')}\n`);
  }
}
