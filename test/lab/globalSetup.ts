/**
 * Vitest global setup of the `lab` project: brings the lab up once per run and
 * down at the end. A lab that is already up (someone ran `npm run lab -- up`)
 * is reused and left up. Holds the machine-wide lab lock (labLock.ts) while
 * bringing it up or down. Prints how long each took.
 */
import { labDown } from './labDown';
import { withLabLock } from './labLock';
import { readLabStatus } from './labStatus';
import { labUp } from './labUp';

const say = (line: string) => process.stderr.write(`${line}\n`);

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const started = Date.now();
  const ownsLab = await withLabLock('lab up (vitest)', say, async () => {
    if ((await readLabStatus()).state === 'up') return false;
    try {
      await labUp(say);
    } catch (err) {
      say('lab: up failed; cleaning up before reporting the error.');
      await labDown(say);
      throw err;
    }
    return true;
  });
  if (!ownsLab) {
    say('lab: already up; reusing it and leaving it up after the run.');
    return undefined;
  }
  say(`lab: up for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    const downStarted = Date.now();
    await withLabLock('lab down (vitest)', say, () => labDown(say));
    say(`lab: down after the run in ${((Date.now() - downStarted) / 1000).toFixed(1)} s`);
  };
}
