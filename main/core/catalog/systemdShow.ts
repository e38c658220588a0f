/**
 * `systemctl show -p ... UNIT...`: one block of KEY=VALUE lines per unit,
 * blocks separated by a blank line, properties in systemd's own order (not
 * the order asked for). See systemctl(1), "show", and
 * test/fixtures/systemd/systemctl-show-*.txt (captured from systemd 252).
 */
import { parseSystemdTimestamp } from './systemdTimestamp';

export const SHOW_PROPERTIES = [
  'Id',
  'Names',
  'LoadState',
  'ActiveState',
  'SubState',
  'MainPID',
  'ExecMainStartTimestamp',
  'StateChangeTimestamp',
  'NRestarts',
  'Result',
] as const;

export function systemctlShowArgv(units: readonly string[]): string[] {
  return ['systemctl', 'show', '-p', SHOW_PROPERTIES.join(','), '--no-pager', '--', ...units];
}

export interface UnitProperties {
  id: string;
  names: string[];
  /** loaded, not-found, masked, error, bad-setting. */
  loadState: string;
  /** active, reloading, inactive, failed, activating, deactivating, maintenance. */
  activeState: string;
  subState: string;
  mainPid: number | null;
  startedAt: string | null;
  stateChangedAt: string | null;
  restarts: number | null;
  result: string | null;
}

export interface ShowOutput {
  units: UnitProperties[];
  /** Lines that are not properties: systemctl's own error messages. */
  messages: string[];
}

function positive(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

function count(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function toUnit(props: Map<string, string>): UnitProperties | null {
  const id = props.get('Id');
  if (!id) return null;
  return {
    id,
    names: (props.get('Names') ?? id).split(' ').filter(Boolean),
    loadState: props.get('LoadState') ?? '',
    activeState: props.get('ActiveState') ?? '',
    subState: props.get('SubState') ?? '',
    mainPid: positive(props.get('MainPID')),
    startedAt: parseSystemdTimestamp(props.get('ExecMainStartTimestamp') ?? ''),
    stateChangedAt: parseSystemdTimestamp(props.get('StateChangeTimestamp') ?? ''),
    restarts: count(props.get('NRestarts')),
    result: props.get('Result') || null,
  };
}

export function parseSystemctlShow(text: string): ShowOutput {
  const units: UnitProperties[] = [];
  const messages: string[] = [];
  let block = new Map<string, string>();
  const close = () => {
    const unit = toUnit(block);
    if (unit) units.push(unit);
    block = new Map();
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (line.trim() === '') {
      close();
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (m && m[1] !== undefined && m[2] !== undefined) {
      // A repeated Id starts the next unit even without the blank line.
      if (m[1] === 'Id' && block.has('Id')) close();
      block.set(m[1], m[2]);
    } else {
      messages.push(line.trim());
    }
  }
  close();
  return { units, messages };
}

/** The block of a requested unit: by Id, else by one of its names (aliases resolve to the real unit). */
export function findUnit(units: readonly UnitProperties[], name: string): UnitProperties | undefined {
  return units.find((u) => u.id === name) ?? units.find((u) => u.names.includes(name));
}
