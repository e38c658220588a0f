/**
 * Reads an OpenSSH client config as one text, with its Include directives
 * expanded in place (the ssh-config package parses but does not follow them).
 * Relative Include paths are under ~/.ssh and may use * and ? like glob(3), as
 * ssh_config(5) says. Limits: 16 levels deep like OpenSSH; an Include inside a
 * Host block is spliced in as text, which matches OpenSSH unless the included
 * file itself opens new Host blocks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';

const MAX_INCLUDE_DEPTH = 16;
const INCLUDE_LINE = /^\s*include(?:\s*=\s*|\s+)(.+?)\s*$/i;

export function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homeDir, path.slice(2));
  return path;
}

export function readSshConfigText(path: string, homeDir: string, depth = 0): string {
  const text = readFileSync(path, 'utf8');
  if (depth >= MAX_INCLUDE_DEPTH) return text;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const include = INCLUDE_LINE.exec(line);
      if (!include?.[1]) return line;
      const files = splitArguments(include[1]).flatMap((arg) => matchIncludePath(arg, homeDir));
      return files.map((file) => readSshConfigText(file, homeDir, depth + 1)).join('\n');
    })
    .join('\n');
}

function splitArguments(value: string): string[] {
  return [...value.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').filter(Boolean);
}

/** Files an Include argument names, sorted like glob(3); a pattern that matches nothing is skipped, as OpenSSH does. */
function matchIncludePath(arg: string, homeDir: string): string[] {
  const expanded = expandHome(arg, homeDir);
  const full = isAbsolute(expanded) ? expanded : join(homeDir, '.ssh', expanded);
  if (!/[*?]/.test(full)) return isFile(full) ? [full] : [];
  const [root, ...parts] = full.split(sep);
  let candidates = [root === '' ? sep : `${root}${sep}`];
  for (const part of parts.filter(Boolean)) {
    candidates = candidates.flatMap((dir) => {
      if (!/[*?]/.test(part)) return existsSync(join(dir, part)) ? [join(dir, part)] : [];
      const pattern = globToRegExp(part);
      return listDir(dir)
        .filter((name) => pattern.test(name))
        .sort()
        .map((name) => join(dir, name));
    });
  }
  return candidates.filter(isFile);
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  // Like glob(3), a wildcard does not match a leading dot.
  return new RegExp(`^(?!\\.)${body}$`);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
