/**
 * systemd's format_timestamp() text ("Sun 2026-11-29 03:42:30 UTC") to ISO
 * 8601. Sweeps run with TZ=UTC, so "UTC" is the usual case; a few common
 * zone abbreviations are read for outputs captured elsewhere. An unknown
 * abbreviation gives null rather than a wrong time.
 */

// Abbreviations that mean one offset only (CST, IST and BST-like clashes are left out on purpose).
const ZONE_MINUTES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  KST: 540, JST: 540, HKT: 480, SGT: 480, AWST: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

const TIMESTAMP = /^(?:[A-Z][a-z]{2} )?(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: (\S+))?$/;

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  const known = ZONE_MINUTES[zone];
  if (known !== undefined) return known;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) return null;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return numeric[1] === '-' ? -minutes : minutes;
}

/** null for systemd's "never" (an empty value or n/a) and for zones it cannot place. */
export function parseSystemdTimestamp(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'n/a') return null;
  const m = TIMESTAMP.exec(trimmed);
  if (!m) return null;
  const offset = zoneOffsetMinutes(m[8]);
  if (offset === null) return null;
  const fraction = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fraction);
  return new Date(utc - offset * 60_000).toISOString();
}
