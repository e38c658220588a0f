import { describe, expect, it, vi } from 'vitest';
import { isBackupDue } from '../../../main/core/actions/backup/backupScheduler';
import { ageText, bytesText } from '../../../renderer/features/backups/backupText';
import { connectedCore } from '../support/connectedCore';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('scheduled backups', () => {
  it('are due with no backup yet, or once the interval has passed since the newest ok one', () => {
    expect(isBackupDue(6, null, now)).toBe(true);
    expect(isBackupDue(6, '2026-11-29T06:00:00Z', now)).toBe(true);
    expect(isBackupDue(6, '2026-11-29T06:00:01Z', now)).toBe(false);
    expect(isBackupDue(null, null, now)).toBe(false);
  });
});

describe("the scheduler's timer", () => {
  it('without an `every` port keeps the production default: a 60 s setInterval, unref\'d, cleared on close', async () => {
    const started = vi.spyOn(globalThis, 'setInterval');
    const cleared = vi.spyOn(globalThis, 'clearInterval');
    try {
      const { core } = connectedCore();
      const at = started.mock.calls.findIndex((c) => c[1] === 60_000);
      expect(at).toBeGreaterThanOrEqual(0);
      const timer = started.mock.results[at]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      await core.close();
      expect(cleared).toHaveBeenCalledWith(timer);
    } finally {
      started.mockRestore();
      cleared.mockRestore();
    }
  });
});

describe('how backups read on screen', () => {
  it('shows ages and sizes in an operator\'s units', () => {
    expect(ageText('2026-11-29T11:59:50Z', now)).toBe('just now');
    expect(ageText('2026-11-29T11:15:00Z', now)).toBe('45 min ago');
    expect(ageText('2026-11-29T03:00:00Z', now)).toBe('9 h ago');
    expect(ageText('2026-11-25T12:00:00Z', now)).toBe('4 days ago');
    expect(bytesText(378_747)).toBe('370 KiB');
    expect(bytesText(null)).toBe('—');
  });
});
