/** Reading test/fixtures, and framing real outputs the way a sectioned script frames them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export const TEST_NONCE = 'feedc0de1234';

/** What the script prints for these sections: output as the command wrote it, then the exit code. */
export function framed(sections: [name: string, output: string, exitCode: number][], nonce = TEST_NONCE): string {
  const marker = `@@clusterdeck:${nonce}`;
  return sections.map(([name, output, code]) => `${marker} begin ${name}\n${output}\n${marker} end ${name} ${code}\n`).join('');
}

/** Runs a script in the machine's real /bin/sh with the given PATH (and nothing else inherited). */
export function runInSh(script: string, env: Record<string, string>): { stdout: string; status: number | null } {
  const result = spawnSync('/bin/sh', ['-c', script], { env, encoding: 'utf8', timeout: 20_000 });
  return { stdout: result.stdout, status: result.status };
}

/** An empty folder to use as PATH: no systemctl, docker, docker-compose, nvidia-smi, nor anything else. */
export function withEmptyDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cd-empty-path-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
