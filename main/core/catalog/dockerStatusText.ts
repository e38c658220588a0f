/**
 * Docker's human STATUS column ("Up 2 hours (healthy)", "Exited (137) 3
 * minutes ago", "Restarting (1) 5 seconds ago", "Up 1 second (Paused)",
 * "Created") and the durations in it, as github.com/docker/go-units
 * HumanDuration writes them ("Less than a second", "About an hour", "3 weeks").
 */
import type { ContainerHealth } from '../../../common/contract/schemas/services';

const UNIT_SECONDS: Record<string, number> = {
  second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000,
};

/** Seconds, approximately (go-units rounds), or null when it is not a duration. */
export function parseHumanDuration(text: string): number | null {
  const t = text.trim();
  if (/^less than a second$/i.test(t)) return 0;
  if (/^about a minute$/i.test(t)) return 60;
  if (/^about an hour$/i.test(t)) return 3600;
  const m = /^(\d+) (second|minute|hour|day|week|month|year)s?$/i.exec(t);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return Number(m[1]) * (UNIT_SECONDS[m[2].toLowerCase()] ?? 0);
}

export interface StatusText {
  /** Seconds since it started (Up ...), or since it stopped (Exited ... ago). */
  upSeconds: number | null;
  agoSeconds: number | null;
  exitCode: number | null;
  health: ContainerHealth | null;
  paused: boolean;
}

export function parseStatusText(status: string): StatusText {
  const out: StatusText = { upSeconds: null, agoSeconds: null, exitCode: null, health: null, paused: false };
  let rest = status.trim();
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(rest);
  if (health) out.health = health[1] === 'health: starting' ? 'starting' : (health[1] as ContainerHealth);
  if (/\(Paused\)/.test(rest)) out.paused = true;
  rest = rest.replace(/\s*\((?:healthy|unhealthy|health: starting|Paused)\)/g, '');
  const up = /^Up (.+)$/.exec(rest);
  if (up?.[1]) out.upSeconds = parseHumanDuration(up[1]);
  const ended = /^(?:Exited|Restarting) \((-?\d+)\)(?: (.+) ago)?$/.exec(rest);
  if (ended?.[1]) {
    out.exitCode = Number(ended[1]);
    if (ended[2]) out.agoSeconds = parseHumanDuration(ended[2]);
  }
  return out;
}
