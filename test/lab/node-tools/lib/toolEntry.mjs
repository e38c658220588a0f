// Entry of every script in bin/: runs the tool's main(argv) and exits with its
// code. stdout is synchronous for pipes and files on Linux, so exiting right
// away loses no output. An unexpected error says which lab tool broke and why.
import os from 'node:os';

const TOOLS = {
  systemctl: './systemd/systemctl.mjs',
  journalctl: './journal/journalctl.mjs',
  docker: './docker/dockerCli.mjs',
  'docker-compose': './compose/composeCli.mjs',
  'backend.ai': './manager/backendAiCli.mjs',
  'nvidia-smi': './nvidia/nvidiaSmi.mjs',
  'lab-node-init': './node/nodeInit.mjs',
  'lab-node-teardown': './node/nodeTeardown.mjs',
  'lab-unit-fail': './node/unitKnobs.mjs',
  'lab-unit-log-rate': './node/unitKnobs.mjs',
};

export async function run(tool) {
  try {
    const mod = await import(TOOLS[tool]);
    const code = await mod.main(process.argv.slice(2), tool);
    process.exit(code ?? 0);
  } catch (err) {
    process.stderr.write(`lab node tool '${tool}' failed on ${os.hostname()}: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  }
}
