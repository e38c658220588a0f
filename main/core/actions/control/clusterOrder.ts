/**
 * "Start cluster" / "stop cluster" order: the halfstack first (PostgreSQL,
 * Redis, etcd), then the manager and storage-proxy, then the agents, then the
 * web server and proxies; stop is the reverse. Each batch may run in
 * parallel; the next waits for it. The tier numbers live in the catalog.
 */

export function startBatches<T extends { tier: number }>(items: readonly T[]): T[][] {
  const tiers = [...new Set(items.map((i) => i.tier))].sort((a, b) => a - b);
  return tiers.map((tier) => items.filter((i) => i.tier === tier));
}

export function stopBatches<T extends { tier: number }>(items: readonly T[]): T[][] {
  return startBatches(items).reverse();
}
