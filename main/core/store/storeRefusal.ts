/**
 * Why the store refused a file, in words an operator can act on. A refused
 * file is never migrated, overwritten or deleted: every message says so and
 * says what to do, and every store-backed call fails with it.
 */
import { ApiError } from '../../../common/contract/errors';
import type { StoreState } from '../../../common/contract/schemas/app';

export type StoreRefusal = Extract<StoreState, { status: 'corrupt' | 'too_new' | 'unreadable' }>;

export function corruptStore(path: string, why: string, backupsOfStore: string): StoreRefusal {
  return {
    status: 'corrupt',
    path,
    message:
      `ClusterDeck could not read its database at ${path}: the file is damaged (${why}). ` +
      `It was left untouched; move it aside or restore a copy from ${backupsOfStore}, then restart ClusterDeck.`,
  };
}

export function foreignStore(path: string, backupsOfStore: string): StoreRefusal {
  return {
    status: 'corrupt',
    path,
    message:
      `The file at ${path} is a SQLite database that ClusterDeck did not write (it has tables but no ClusterDeck schema version). ` +
      `It was left untouched; move it aside or restore a copy from ${backupsOfStore}, then restart ClusterDeck.`,
  };
}

export function tooNewStore(path: string, version: number, known: number): StoreRefusal {
  return {
    status: 'too_new',
    path,
    message:
      `The database at ${path} was written by a newer ClusterDeck (schema version ${version}; this version knows up to ${known}). ` +
      'It was left untouched; run the newer ClusterDeck, or move the file aside and restart to begin with an empty database.',
  };
}

export function unreadableStore(path: string, why: string): StoreRefusal {
  return {
    status: 'unreadable',
    path,
    message:
      `ClusterDeck could not open its database at ${path}: ${why}. ` +
      'It was left untouched; check that the file and its folder are readable and writable by you, then restart ClusterDeck.',
  };
}

/** The error every store-backed call throws while the store is refused. */
export function refusalError(refusal: StoreRefusal): ApiError {
  return new ApiError(refusal.status === 'too_new' ? 'store_too_new' : 'store_corrupt', refusal.message);
}

export function migrationFailedStore(path: string, from: number, why: string, backupsOfStore: string): StoreRefusal {
  return {
    status: 'unreadable',
    path,
    message:
      `ClusterDeck could not upgrade its database at ${path} from schema version ${from}: ${why}. ` +
      `Nothing was changed (a copy taken before the upgrade is in ${backupsOfStore}); report this, and keep using the version that wrote the file.`,
  };
}
