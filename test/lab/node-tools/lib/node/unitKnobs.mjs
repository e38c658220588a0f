// Knobs for the lab's fault injection, run as root on the host or in the node:
//   lab-unit-fail [--node NAME] UNIT on [REASON...] | off
//       on: the unit's next start fails (exit 1) after logging REASON;
//       a running unit keeps running until it is restarted.
//   lab-unit-log-rate [--node NAME] UNIT LINES_PER_SECOND | default
//       changes a unit's log rate within a second, e.g. 2000 for a flood.
import fs from 'node:fs';
import { nodePaths } from '../labPaths.mjs';
import { parseArgs } from '../argv.mjs';
import { findUnit } from '../systemd/unitCatalog.mjs';
import { failFlagPath, logRatePath } from '../systemd/unitState.mjs';

export async function main(argv, tool) {
  const { options: o, operands } = parseArgs(argv, { short: {}, long: { node: 'value' } });
  const paths = nodePaths(o.node);
  const [unitName, setting, ...reason] = operands;
  const unit = unitName ? findUnit(paths, unitName) : null;
  if (!unit) {
    process.stderr.write(`${tool}: no unit "${unitName ?? ''}" on node ${paths.name} (state ${paths.root}); is the node initialised with the right roles?\n`);
    return 2;
  }
  fs.mkdirSync(paths.systemd, { recursive: true });
  if (tool === 'lab-unit-fail') {
    if (setting === 'on') fs.writeFileSync(failFlagPath(paths, unit.name), reason.join(' '));
    else if (setting === 'off') fs.rmSync(failFlagPath(paths, unit.name), { force: true });
    else {
      process.stderr.write(`usage: lab-unit-fail [--node NAME] UNIT on [REASON...] | off\n`);
      return 2;
    }
    return 0;
  }
  if (setting === 'default') fs.rmSync(logRatePath(paths, unit.name), { force: true });
  else if (Number.isFinite(Number(setting)) && Number(setting) >= 0) fs.writeFileSync(logRatePath(paths, unit.name), String(Number(setting)));
  else {
    process.stderr.write('usage: lab-unit-log-rate [--node NAME] UNIT LINES_PER_SECOND | default\n');
    return 2;
  }
  return 0;
}
