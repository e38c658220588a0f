/**
 * Runs a benchmark against the lab: a lab that is up is used and left up;
 * one that is down is brought up for the run and taken down after.
 */
import { labDown } from '../test/lab/labDown';
import { readLabInfo, type LabInfo } from '../test/lab/labInfo';
import { readLabStatus } from '../test/lab/labStatus';
import { labUp } from '../test/lab/labUp';

export async function onLab(measure: (lab: LabInfo) => Promise<void>): Promise<void> {
  const say = (line: string) => console.error(line);
  const wasUp = (await readLabStatus()).state === 'up';
  if (!wasUp) await labUp(say);
  try {
    await measure(readLabInfo());
  } finally {
    if (!wasUp) await labDown(say);
  }
}
