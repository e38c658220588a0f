/**
 * `docker-compose ps` in the three shapes operators meet: compose 1.29's
 * texttable (Name / Command / State / Ports, State `Up (healthy)` or
 * `Exit 0`), compose v2's table (NAME IMAGE COMMAND SERVICE CREATED STATUS
 * PORTS, tabwriter-aligned) and v2's `--format json` (one object per line
 * since 2.21, an array before). Shown after a control action; the status
 * sweep itself reads `docker ps`.
 */
import type { ContainerHealth } from '../../../common/contract/schemas/services';
import { parseStatusText } from './dockerStatusText';

export interface ComposePsRow {
  name: string;
  service: string | null;
  /** docker's State vocabulary: running, exited, restarting, paused, created... */
  state: string;
  /** The status text as printed. */
  status: string;
  health: ContainerHealth | null;
  exitCode: number | null;
}

function fromV1State(name: string, stateText: string): ComposePsRow {
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(stateText)?.[1];
  const exit = /^Exit (-?\d+)/.exec(stateText);
  const state = exit ? 'exited' : /^Up|^Ghost/.test(stateText) ? 'running' : stateText.toLowerCase().split(' ')[0] ?? '';
  return {
    name,
    service: null,
    state,
    status: stateText,
    health: health === 'health: starting' ? 'starting' : (health as ContainerHealth | undefined) ?? null,
    exitCode: exit?.[1] !== undefined ? Number(exit[1]) : null,
  };
}

function stateFromStatus(status: string): string {
  if (/^Up .*\(Paused\)/.test(status)) return 'paused';
  if (/^Up /.test(status)) return 'running';
  if (/^Exited /.test(status)) return 'exited';
  if (/^Restarting /.test(status)) return 'restarting';
  if (/^Created/.test(status)) return 'created';
  if (/^Removal/.test(status)) return 'removing';
  if (/^Dead/.test(status)) return 'dead';
  return 'unknown';
}

function parseV1Table(lines: string[]): ComposePsRow[] {
  // Row cells are separated by at least three spaces (texttable's padding).
  return lines.slice(2).filter((l) => l.trim() !== '').map((line) => {
    const cells = line.trimEnd().split(/\s{3,}/);
    return fromV1State(cells[0]?.trim() ?? '', cells[2]?.trim() ?? '');
  });
}

function parseV2Table(lines: string[]): ComposePsRow[] {
  const header = lines[0] ?? '';
  const columns = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  const cell = (line: string, name: string) => {
    const i = columns.findIndex((c) => c.name === name);
    const col = columns[i];
    if (!col) return '';
    const next = columns[i + 1];
    return line.slice(col.at, next ? next.at : undefined).trim();
  };
  return lines.slice(1).filter((l) => l.trim() !== '').map((line) => {
    const status = cell(line, 'STATUS');
    const parsed = parseStatusText(status);
    return { name: cell(line, 'NAME'), service: cell(line, 'SERVICE') || null, state: stateFromStatus(status), status, health: parsed.health, exitCode: parsed.exitCode };
  });
}

function fromJson(o: Record<string, unknown>): ComposePsRow {
  const status = typeof o.Status === 'string' ? o.Status : '';
  const parsed = parseStatusText(status);
  const h = o.Health;
  return {
    name: typeof o.Name === 'string' ? o.Name : typeof o.Names === 'string' ? o.Names : '',
    service: typeof o.Service === 'string' ? o.Service : null,
    state: typeof o.State === 'string' ? o.State : stateFromStatus(status),
    status,
    health: h === 'healthy' || h === 'unhealthy' || h === 'starting' ? h : parsed.health,
    exitCode: typeof o.ExitCode === 'number' && o.State === 'exited' ? o.ExitCode : parsed.exitCode,
  };
}

function parseJson(text: string): ComposePsRow[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as Record<string, unknown>[]).map(fromJson);
  return trimmed.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => fromJson(JSON.parse(l) as Record<string, unknown>));
}

export function parseComposePs(output: string): ComposePsRow[] {
  const text = output.replace(/\r\n/g, '\n');
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed);
  const lines = text.split('\n');
  const body = lines.slice(lines.findIndex((l) => l.trim() !== ''));
  if (/^-{5,}$/.test(body[1]?.trim() ?? '')) return parseV1Table(body);
  if (/^NAME\s/.test(body[0] ?? '')) return parseV2Table(body);
  return [];
}
