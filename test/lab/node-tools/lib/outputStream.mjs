// Writing to stdout the way a CLI behind an ssh channel must: respect
// backpressure for big outputs, and treat a closed reader (EPIPE, as when the
// app cancels `journalctl -f` or `docker logs -f`) as a normal end.
import fs from 'node:fs';
import path from 'node:path';

let closed = false;
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') {
    closed = true;
    process.exit(0);
  }
  throw err;
});

export function writeOut(text) {
  if (closed) return Promise.resolve();
  if (process.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * For followers (-f): exit quietly on the signals an ssh channel close brings,
 * and when orphaned (the sshd session died without a signal reaching us).
 * The pid is registered so lab-node-teardown can end stragglers.
 */
export function endWithChannel(followersDir, onEnd = () => {}) {
  const finish = () => {
    onEnd();
    if (followersDir) fs.rmSync(path.join(followersDir, String(process.pid)), { force: true });
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGPIPE']) process.on(signal, finish);
  if (followersDir) {
    try {
      fs.mkdirSync(followersDir, { recursive: true });
      fs.writeFileSync(path.join(followersDir, String(process.pid)), '');
    } catch {
      // A non-root follower cannot register; it still ends with its channel.
    }
  }
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) finish();
  }, 1000);
  watch.unref();
  return finish;
}
