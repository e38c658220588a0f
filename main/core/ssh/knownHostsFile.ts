/**
 * Reads OpenSSH's known_hosts format (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 * comma lists, [host]:port, wildcards and !negation, hashed |1|salt|hash
 * names (HMAC-SHA1), and the @revoked / @cert-authority markers. Pure: text
 * in, entries out; the file is never written (the operator's file stays theirs).
 */
import { createHmac } from 'node:crypto';

export type KnownHostMarker = 'revoked' | 'cert-authority' | null;

export interface KnownHostLine {
  /** 1-based line number, for messages ("~/.ssh/known_hosts line 12"). */
  line: number;
  marker: KnownHostMarker;
  patterns: string[];
  keyType: string;
  /** The key blob as base64, exactly as written. */
  keyBase64: string;
}

/** Parses every well-formed line; malformed lines are skipped like OpenSSH does. */
export function parseKnownHosts(text: string): KnownHostLine[] {
  return readKnownHostsText(text).lines;
}

export interface KnownHostsText {
  lines: KnownHostLine[];
  /** Line numbers of non-blank, non-comment lines that were skipped (malformed, unknown marker, key type mismatch). */
  skippedLines: number[];
}

/** parseKnownHosts, also saying which lines it skipped (for the Known hosts screen). */
export function readKnownHostsText(text: string): KnownHostsText {
  const out: KnownHostLine[] = [];
  const skippedLines: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const parsed = parseLine(raw, i + 1);
    if (parsed) out.push(parsed);
    else skippedLines.push(i + 1);
  }
  return { lines: out, skippedLines };
}

function parseLine(raw: string, line: number): KnownHostLine | null {
  const fields = raw.split(/\s+/);
  let marker: KnownHostMarker = null;
  if (fields[0]?.startsWith('@')) {
    const m = fields.shift();
    if (m === '@revoked') marker = 'revoked';
    else if (m === '@cert-authority') marker = 'cert-authority';
    else return null; // unknown marker: OpenSSH ignores the line
  }
  const [hosts, keyType, keyBase64] = fields;
  if (!hosts || !keyType || !keyBase64 || !/^[A-Za-z0-9+/]+=*$/.test(keyBase64)) return null;
  // The blob names its own type; a line whose two disagree is corrupt.
  if (keyTypeOfBlob(Buffer.from(keyBase64, 'base64')) !== keyType) return null;
  return { line, marker, patterns: hosts.split(','), keyType, keyBase64 };
}

/** A |1|salt|hash pattern (ssh-keygen -H), possibly negated: the name it stands for cannot be read back. */
export function isHashedPattern(pattern: string): boolean {
  return pattern.replace(/^!/, '').startsWith('|');
}

/** The key type written inside an SSH public key blob (its first string field). */
export function keyTypeOfBlob(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  if (len <= 0 || len > 64 || blob.length < 4 + len) return 'unknown';
  return blob.subarray(4, 4 + len).toString('ascii');
}

/** The name OpenSSH looks up: plain host on port 22, "[host]:port" otherwise. */
export function hostLookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function hashedMatches(pattern: string, name: string): boolean {
  // |1|base64(salt)|base64(HMAC-SHA1(key=salt, data=name))
  const parts = pattern.split('|');
  if (parts.length !== 4 || parts[1] !== '1' || !parts[2] || !parts[3]) return false;
  const salt = Buffer.from(parts[2], 'base64');
  const digest = createHmac('sha1', salt).update(name).digest('base64');
  return digest === parts[3];
}

function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function plainMatches(pattern: string, name: string): boolean {
  if (pattern.includes('*') || pattern.includes('?')) return wildcardToRegExp(pattern).test(name);
  return pattern.toLowerCase() === name.toLowerCase();
}

/**
 * Does this line's host list name host:port? A matching negated pattern
 * (!pattern) excludes the line whatever else matches, as in match_hostname().
 */
export function lineNamesHost(entry: KnownHostLine, host: string, port: number): boolean {
  const name = hostLookupName(host, port);
  let matched = false;
  for (const pattern of entry.patterns) {
    const negated = pattern.startsWith('!');
    const p = negated ? pattern.slice(1) : pattern;
    const hit = p.startsWith('|') ? hashedMatches(p, name) : plainMatches(p, name);
    if (hit && negated) return false;
    if (hit) matched = true;
  }
  return matched;
}

/** The lines of a file that speak about host:port. */
export function linesForHost(lines: readonly KnownHostLine[], host: string, port: number): KnownHostLine[] {
  return lines.filter((l) => lineNamesHost(l, host, port));
}
