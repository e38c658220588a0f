/**
 * `systemctl list-units --type=service --all --no-legend --plain PATTERN`
 * and `systemctl list-unit-files PATTERN` (with or without the legend), for
 * scan node. Only the leading columns are read: list-units adds a JOB
 * column when any unit has a job, which shifts the description.
 */

export interface ListedUnit {
  unit: string;
  load: string;
  active: string;
  sub: string;
}

export interface ListedUnitFile {
  unit: string;
  /** enabled, disabled, static, masked, alias, indirect, generated... */
  state: string;
}

function rows(text: string): string[][] {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[●*×○ ]+/u, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
}

export function parseListUnits(text: string): ListedUnit[] {
  return rows(text)
    .filter((cells) => /\.[a-z]+$/.test(cells[0] ?? '') && cells.length >= 4)
    .map(([unit = '', load = '', active = '', sub = '']) => ({ unit, load, active, sub }));
}

export function parseListUnitFiles(text: string): ListedUnitFile[] {
  return rows(text)
    .filter((cells) => /\.[a-z]+$/.test(cells[0] ?? '') && cells.length >= 2)
    .map(([unit = '', state = '']) => ({ unit, state }));
}
