import { describe, expect, it } from 'vitest';
import { isBackupDue } from '../../../main/core/actions/backup/backupScheduler';
import { ageText, bytesText } from '../../../renderer/features/backups/backupText';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('scheduled backups', () => {
  it('are due with no backup yet, or once the interval has passed since the newest ok one', () => {
    expect(isBackupDue(6, null, now)).toBe(true);
    expect(isBackupDue(6, '2026-11-29T06:00:00Z', now)).toBe(true);
    expect(isBackupDue(6, '2026-11-29T06:00:01Z', now)).toBe(false);
    expect(isBackupDue(null, null, now)).toBe(false);
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
