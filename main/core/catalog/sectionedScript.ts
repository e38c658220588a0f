/**
 * One remote exec that runs several commands and returns all their outputs:
 * a POSIX sh script in which each command (an argv, quoted by quoteArgv) is
 * framed by begin/end marker lines carrying a per-run nonce and its exit
 * code. Status sweeps, node scans and preflight use it: one exec per node.
 * The nonce keeps a command's own output from faking a marker.
 */
import { randomBytes } from 'node:crypto';
import { quoteArg, quoteArgv } from '../ssh/quoteArgv';

export interface ScriptSection {
  /** Lower-case letters, digits and dashes; unique in the script. */
  name: string;
  argv: readonly string[];
}

export interface SectionOutput {
  /** stdout and stderr of the command, interleaved as written. */
  output: string;
  /** null when the end marker never came (killed, timed out, output cut). */
  exitCode: number | null;
}

const NONCE = /^[a-z0-9]{8,32}$/;
const SECTION_NAME = /^[a-z0-9][a-z0-9-]*$/;
const MARKER_PREFIX = '@@clusterdeck:';

export function randomNonce(): string {
  return randomBytes(8).toString('hex');
}

// C locale: systemctl's weekday names and error texts stay in English. UTC:
// systemctl prints timestamps in the caller's zone, and only "UTC" reads back
// without a table of zone abbreviations. No pagers, no colours.
const PRELUDE = [
  'export LC_ALL=C TZ=UTC SYSTEMD_PAGER= SYSTEMD_COLORS=0 PAGER=cat',
  // stdin from /dev/null: nothing in a section may eat the rest of the input.
  'cd_run() { cd_name=$1; shift; printf \'%s begin %s\\n\' "$cd_marker" "$cd_name"; "$@" </dev/null 2>&1; cd_rc=$?; printf \'\\n%s end %s %s\\n\' "$cd_marker" "$cd_name" "$cd_rc"; }',
];

/**
 * @param functions shell function definitions (constants of this codebase, never
 * user input) that sections may call by name.
 */
export function buildSectionedScript(sections: readonly ScriptSection[], nonce: string, functions: readonly string[] = []): string {
  if (!NONCE.test(nonce)) throw new Error(`Script nonce ${JSON.stringify(nonce)} must be 8-32 lower-case letters or digits.`);
  const names = new Set<string>();
  const lines = [...PRELUDE, `cd_marker=${quoteArg(`${MARKER_PREFIX}${nonce}`)}`, ...functions];
  for (const section of sections) {
    if (!SECTION_NAME.test(section.name) || names.has(section.name)) throw new Error(`Section name ${JSON.stringify(section.name)} is invalid or repeated.`);
    names.add(section.name);
    lines.push(`cd_run ${section.name} ${quoteArgv(section.argv)}`);
  }
  lines.push('exit 0');
  return `${lines.join('\n')}\n`;
}

/** The argv that runs a script in the node's POSIX sh, whatever the login shell. */
export function shArgv(script: string): string[] {
  return ['sh', '-c', script];
}

/** Finds the nonce of the first begin marker: login scripts may print before it. */
export function detectNonce(stdout: string): string | null {
  const match = new RegExp(`${MARKER_PREFIX}([a-z0-9]{8,32}) begin `).exec(stdout);
  return match?.[1] ?? null;
}

export function parseSections(stdout: string, nonce: string | null = detectNonce(stdout)): Map<string, SectionOutput> {
  const sections = new Map<string, SectionOutput>();
  if (!nonce) return sections;
  const marker = `${MARKER_PREFIX}${nonce}`;
  const begin = `${marker} begin `;
  let pos = 0;
  for (;;) {
    const at = stdout.indexOf(begin, pos);
    if (at === -1) break;
    const nameEnd = stdout.indexOf('\n', at);
    if (nameEnd === -1) break;
    const name = stdout.slice(at + begin.length, nameEnd);
    // The end marker is preceded by a newline the script adds, so a command
    // whose output lacks a final newline still ends before it.
    const endTag = `\n${marker} end ${name} `;
    const endAt = stdout.indexOf(endTag, nameEnd);
    if (endAt === -1) {
      sections.set(name, { output: stdout.slice(nameEnd + 1), exitCode: null });
      break;
    }
    const codeEnd = stdout.indexOf('\n', endAt + endTag.length);
    const codeText = stdout.slice(endAt + endTag.length, codeEnd === -1 ? undefined : codeEnd);
    const code = /^\d+$/.test(codeText) ? Number(codeText) : null;
    sections.set(name, { output: endAt < nameEnd + 1 ? '' : stdout.slice(nameEnd + 1, endAt), exitCode: code });
    pos = codeEnd === -1 ? stdout.length : codeEnd;
  }
  return sections;
}

/** sh's exit code for "command not found" (POSIX 2.8.2). */
export const COMMAND_NOT_FOUND = 127;
