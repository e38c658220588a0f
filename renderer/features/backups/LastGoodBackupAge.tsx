/** "PostgreSQL 3 h ago · etcd 3 h ago" for one cluster: the age of its newest verified backup of each kind. */
import { useEffect, useState } from 'react';
import { useBackupStore } from '../../stores/backupStore';
import { ageText } from './backupText';

/** Past a day without a backup the age is shown as a warning. */
const STALE_MS = 24 * 3_600_000;

/** The time, re-read every minute: ages are shown to the minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function LastGoodBackupAge(props: { clusterId: string }) {
  const lastGood = useBackupStore((s) => s.lastGood);
  const loadLastGood = useBackupStore((s) => s.loadLastGood);
  useEffect(() => {
    void loadLastGood();
  }, [loadLastGood]);
  const now = useMinuteClock();
  const mine = lastGood.filter((l) => l.clusterId === props.clusterId);
  const pg = mine.find((l) => l.kind === 'pg');
  const etcd = mine.find((l) => l.kind === 'etcd');
  const stale = !pg || now - Date.parse(pg.finishedAt) > STALE_MS;
  return (
    <span className={stale ? 'backup-age stale' : 'backup-age'} data-last-backup-of={props.clusterId}>
      {pg ? `PostgreSQL ${ageText(pg.finishedAt, now)}` : 'no PostgreSQL backup'} · {etcd ? `etcd ${ageText(etcd.finishedAt, now)}` : 'no etcd backup'}
    </span>
  );
}
