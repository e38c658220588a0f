// `systemctl list-units` and `list-unit-files` tables (systemd 252 layout:
// a two-column bullet gutter unless --plain, columns padded to the widest
// cell, the LOAD/ACTIVE/SUB legend and counts unless --no-legend).
import { unitsOfNode, matchesPattern } from './unitCatalog.mjs';
import { readUnitState } from './unitState.mjs';
import { writeOut } from '../outputStream.mjs';

function table(rows, { plain, bullets }) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((row, r) => {
    const cells = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])));
    const gutter = plain ? '' : `${bullets[r] ?? ' '} `;
    return `${gutter}${cells.join(' ')}`.trimEnd();
  });
}

function typeAllowed(o) {
  return !o.type || o.type.split(',').includes('service');
}

export async function listUnits(paths, patterns, o) {
  const states = o.state ? o.state.split(',') : null;
  const rows = [];
  const bullets = [' '];
  if (typeAllowed(o)) {
    for (const unit of unitsOfNode(paths)) {
      const full = `${unit.name}.service`;
      if (patterns.length && !patterns.some((p) => matchesPattern(full, p))) continue;
      const s = readUnitState(paths, unit.name);
      if (states && !states.some((st) => [s.active, s.sub, 'loaded'].includes(st))) continue;
      if (!states && !o.all && s.active === 'inactive') continue;
      rows.push([full, 'loaded', s.active, s.sub, unit.description]);
      bullets.push(s.active === 'failed' ? '●' : ' ');
    }
  }
  const lines = [];
  if (!o['no-legend']) {
    lines.push(...table([['UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'], ...rows], { plain: o.plain, bullets }));
    lines.push('', 'LOAD   = Reflects whether the unit definition was properly loaded.', 'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.', 'SUB    = The low-level unit activation state, values depend on unit type.');
    lines.push(o.all ? `${rows.length} loaded units listed.` : `${rows.length} loaded units listed. Pass --all to see loaded but inactive units, too.`);
    lines.push("To show all installed unit files use 'systemctl list-unit-files'.");
  } else if (rows.length) {
    lines.push(...table(rows, { plain: o.plain, bullets: bullets.slice(1) }));
  }
  if (lines.length) await writeOut(`${lines.join('\n')}\n`);
  return 0;
}

export async function listUnitFiles(paths, patterns, o) {
  const rows = [];
  if (typeAllowed(o)) {
    for (const unit of unitsOfNode(paths)) {
      const names = [[`${unit.name}.service`, 'enabled', 'enabled'], ...(unit.aliases ?? []).map((a) => [`${a}.service`, 'alias', '-'])];
      for (const row of names) if (!patterns.length || patterns.some((p) => matchesPattern(row[0], p))) rows.push(row);
    }
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const lines = [];
  if (!o['no-legend']) {
    lines.push(...table([['UNIT FILE', 'STATE', 'PRESET'], ...rows], { plain: true, bullets: [] }));
    lines.push('', `${rows.length} unit files listed.`);
  } else {
    lines.push(...table(rows.length ? rows : [['', '', '']], { plain: true, bullets: [] }).filter(Boolean));
  }
  await writeOut(`${lines.join('\n')}\n`);
  return 0;
}
