/**
 * `npm run lab -- up|down|status`. `up` (a no-op when already up) prints the lab's cluster profile JSON on
 * stdout (import it in the app) and progress on stderr; `down [--purge]`
 * removes everything the lab made (--purge also the lab users and .lab files);
 * `status` exits 0 when up, 3 when down, 1 when pieces are left over.
 */
import { labDown } from './labDown';
import { readLabInfo } from './labInfo';
import { withLabLock } from './labLock';
import { formatLabStatus, readLabStatus } from './labStatus';
import { assertRoot, labUp } from './labUp';

const progress = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...flags] = argv;
  switch (command) {
    case 'up': {
      assertRoot();
      try {
        const info = await withLabLock('lab up', progress, async () => {
          if ((await readLabStatus()).state === 'up') {
            progress('lab: already up; printing its profile (`down` first for a fresh lab).');
            return readLabInfo();
          }
          return labUp(progress);
        });
        process.stdout.write(`${JSON.stringify(info.profile, null, 2)}\n`);
        progress(`Profile also in ${info.root}/profile.json; key: ${info.users.key.keyPath} (user ${info.users.key.name}).`);
        return 0;
      } catch (err) {
        progress(`lab up failed: ${err instanceof Error ? err.message : String(err)}`);
        if (flags.includes('--keep-on-failure')) {
          progress('Left as is for inspection (--keep-on-failure). `npm run lab -- down` cleans up.');
        } else {
          progress('Cleaning up what was started...');
          await withLabLock('lab down', progress, () => labDown(progress));
        }
        return 1;
      }
    }
    case 'down':
      assertRoot();
      await withLabLock('lab down', progress, () => labDown(progress, { purge: flags.includes('--purge') }));
      return 0;
    case 'status': {
      const status = await readLabStatus();
      process.stdout.write(`${formatLabStatus(status)}\n`);
      return { up: 0, down: 3, partial: 1 }[status.state];
    }
    default:
      progress('Usage: npm run lab -- up [--keep-on-failure] | down [--purge] | status');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    progress(`lab: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
