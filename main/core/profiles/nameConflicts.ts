/**
 * Names an operator tells apart must differ: clusters across the app, nodes
 * within their cluster, compared case-insensitively (Unicode, not just the
 * ASCII that SQLite's NOCASE index folds; the index is the last line).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../common/contract/errors';

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export interface ConflictWording {
  /** The input path the form shows the message under, e.g. "name" or "fields.name". */
  field: string;
  /** What to suggest, e.g. "Import it under another name." */
  advice?: string;
}

export function assertClusterNameFree(db: Database.Database, name: string, exceptId: string | null, wording: ConflictWording): void {
  const rows = db.prepare('SELECT id, name FROM clusters').all() as { id: string; name: string }[];
  const taken = rows.find((r) => r.id !== exceptId && sameName(r.name, name));
  if (taken) {
    const message = `A cluster named "${taken.name}" already exists. ${wording.advice ?? 'Choose another name.'}`;
    throw new ApiError('conflict', message, { [wording.field]: message });
  }
}

export function assertNodeNameFree(
  db: Database.Database,
  cluster: { id: string; name: string },
  name: string,
  exceptId: string | null,
  field: string,
): void {
  const rows = db.prepare('SELECT id, name FROM nodes WHERE cluster_id = ?').all(cluster.id) as { id: string; name: string }[];
  const taken = rows.find((r) => r.id !== exceptId && sameName(r.name, name));
  if (taken) {
    const message = `Cluster "${cluster.name}" already has a node named "${taken.name}". Choose another name.`;
    throw new ApiError('conflict', message, { [field]: message });
  }
}

/** Two nodes of one import or one form must differ too: returns the index of the first repeat. */
export function firstRepeatedName(names: readonly string[]): number {
  for (let i = 1; i < names.length; i++) {
    const name = names[i] as string;
    if (names.slice(0, i).some((earlier) => sameName(earlier, name))) return i;
  }
  return -1;
}
