import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/core/ports';
import { createRedactingLogger, createSecretValues, REDACTED } from '../../../main/core/secrets/redaction';

function capture() {
  const lines: Array<[string, Record<string, unknown> | undefined]> = [];
  const logger: Logger = {
    info: (m, d) => lines.push([m, d]),
    warn: (m, d) => lines.push([m, d]),
    error: (m, d) => lines.push([m, d]),
  };
  return { lines, logger };
}

describe('log redaction', () => {
  it('replaces fields named like secrets, at any depth', () => {
    const { lines, logger } = capture();
    createRedactingLogger(logger, createSecretValues()).info('login', { user: 'op', password: 'x', nested: { keyPassphrase: 'y', answers: ['1'] } });
    expect(lines[0]?.[1]).toEqual({ user: 'op', password: REDACTED, nested: { keyPassphrase: REDACTED, answers: REDACTED } });
  });

  it('scrubs a known secret value from messages, strings and errors', () => {
    const { lines, logger } = capture();
    const seen = createSecretValues();
    seen.add('hunter2-sudo');
    const log = createRedactingLogger(logger, seen);
    log.error('sudo failed with hunter2-sudo', { stderr: 'echo hunter2-sudo', err: new Error('bad hunter2-sudo') });
    expect(JSON.stringify(lines)).not.toContain('hunter2-sudo');
    expect(lines[0]?.[0]).toBe(`sudo failed with ${REDACTED}`);
  });

  it('does not scrub very short values that would hide ordinary words', () => {
    const { lines, logger } = capture();
    const seen = createSecretValues();
    seen.add('a');
    createRedactingLogger(logger, seen).info('a cat', {});
    expect(lines[0]?.[0]).toBe('a cat');
  });
});
