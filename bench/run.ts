/**
 * The benchmark runner: `npm run bench -- <name>` runs bench/<name>.ts, which
 * compares ClusterDeck against OpenSSH's own client on the same lab node in
 * the same run and prints ratios. Benchmarks are not tests: they never fail
 * on a number, only on an error.
 */
const BENCHES: Record<string, () => Promise<{ runBench(): Promise<void> }>> = {
  ssh: () => import('./ssh'),
  statusSweep: () => import('./statusSweep'),
  terminal: () => import('./terminal'),
  logViewer: () => import('./logViewer'),
  backup: () => import('./backup'),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    const load = BENCHES[name];
    if (!load) throw new Error(`No benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}.`);
    console.log(`== bench ${name}`);
    await (await load()).runBench();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
