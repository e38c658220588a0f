/**
 * Shown instead of the app when the database cannot be used (corrupt, from
 * a newer version, unreadable). The file is left untouched; core's message
 * says where it is and what to do, and nothing else is usable.
 */
import type { StoreState } from '../../../common/contract/schemas/app';

const TITLE: Record<Exclude<StoreState['status'], 'ok'>, string> = {
  corrupt: 'The cluster database is damaged',
  too_new: 'The cluster database is from a newer ClusterDeck',
  unreadable: 'The cluster database cannot be read',
};

export function StoreErrorScreen(props: { store: Exclude<StoreState, { status: 'ok' }> }) {
  const { store } = props;
  return (
    <main className="store-error" role="alert" aria-labelledby="store-error-title">
      <h1 id="store-error-title">{TITLE[store.status]}</h1>
      <p>{store.message}</p>
      <p>
        File: <code>{store.path}</code>
      </p>
    </main>
  );
}
