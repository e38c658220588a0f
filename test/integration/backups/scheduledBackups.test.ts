/**
 * Scheduled backups end to end against the lab: the core's clock and timer
 * are ports, so the test moves the clock by hours and fires the scheduler's
 * minute tick by hand. A due schedule makes a real, verified PostgreSQL
 * backup; a schedule not yet due makes none; and the backup that exceeds
 * "keep K" removes the oldest file and row.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../common/contract/events';
import { backupLabForThisFile } from './backupLab';

const HOUR = 3_600_000;
let clock = Date.parse('2026-11-29T00:00:00Z');
const timers: { ms: number; run: () => void; stopped: boolean }[] = [];

const lab = backupLabForThisFile({
  now: () => new Date(clock),
  every: (ms, run) => {
    const timer = { ms, run, stopped: false };
    timers.push(timer);
    return () => {
      timer.stopped = true;
    };
  },
});

/** One tick of the scheduler's timer; resolves with the backups it finished (none if nothing was due). */
async function tick(): Promise<EventPayload<'backup.finished'>[]> {
  const finished: EventPayload<'backup.finished'>[] = [];
  const off = lab.api.on('backup.finished', (e) => finished.push(e));
  const before = await lab.api.listBackups({ clusterId: lab.cluster.id });
  const scheduler = timers[0];
  if (!scheduler) throw new Error('the scheduler registered no timer');
  scheduler.run();
  // checkSchedules inserts each started backup's row before it returns.
  const started = (await lab.api.listBackups({ clusterId: lab.cluster.id })).filter((b) => !before.some((o) => o.id === b.id));
  const until = Date.now() + 120_000;
  while (finished.length < started.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  off();
  return finished;
}

describe('scheduled backups against the lab', () => {
  it('fires when due, makes an ok verified backup, skips when not due, and keeps only the newest K', async () => {
    // The production interval: one check a minute.
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    await lab.api.setBackupSchedule({ clusterId: lab.cluster.id, everyHours: 6, keep: 2, kinds: ['pg'], compression: 'gzip' });

    const first = await tick();
    expect(first).toHaveLength(1);
    expect(first[0]?.backup).toMatchObject({ status: 'ok', verified: true, kind: 'pg', compression: 'gzip', note: 'Scheduled backup', startedAt: new Date(clock).toISOString() });
    const firstPath = first[0]?.backup.path ?? '';
    expect(existsSync(firstPath)).toBe(true);

    clock += 5 * HOUR;
    expect(await tick()).toHaveLength(0);
    expect(await lab.api.listBackups({ clusterId: lab.cluster.id })).toHaveLength(1);

    clock += 1 * HOUR;
    const second = await tick();
    expect(second.map((e) => e.backup.status)).toEqual(['ok']);

    clock += 6 * HOUR;
    const third = await tick();
    expect(third.map((e) => e.backup.status)).toEqual(['ok']);

    // keep 2: the first backup's file and row are gone, the two newest stay.
    const left = await lab.api.listBackups({ clusterId: lab.cluster.id, kind: 'pg' });
    expect(left.map((b) => b.id)).toEqual([third[0]?.backup.id, second[0]?.backup.id]);
    expect(existsSync(firstPath)).toBe(false);
    for (const b of left) expect(existsSync(b.path)).toBe(true);
    const activity = await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 50 });
    expect(activity.find((a) => a.action === 'backup.retention')).toMatchObject({ result: 'ok', detail: 'Removed 1 backup(s) beyond the newest 2.' });
    const lastGood = await lab.api.lastGoodBackups({});
    expect(lastGood.find((l) => l.clusterId === lab.cluster.id && l.kind === 'pg')?.backupId).toBe(third[0]?.backup.id);
  }, 300_000);

  it('stops its timer when the core closes', async () => {
    expect(timers[0]?.stopped).toBe(false);
    await lab.core.close();
    expect(timers[0]?.stopped).toBe(true);
  });
});
