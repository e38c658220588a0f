import { afterAll, describe, expect, it } from 'vitest';
import { METHODS, schemas, type MethodName } from '../../../common/contract/schemas';
import { connectedCore } from '../support/connectedCore';
import { CALL_SAMPLES } from './callSamples';

const { client, core } = connectedCore();
afterAll(() => core.close());

type Raw = (input: unknown) => Promise<unknown>;
const call = (method: MethodName, input: unknown) => (client[method] as unknown as Raw)(input);

async function outcome(method: MethodName, input: unknown): Promise<{ code: string; message: string; fields: Record<string, string> } | 'resolved'> {
  try {
    await call(method, input);
    return 'resolved';
  } catch (err) {
    const e = err as { code: string; message: string; fields?: Record<string, string> };
    return { code: e.code, message: e.message, fields: e.fields ?? {} };
  }
}

/** A value of another type than `value`, for each leaf of a sample. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  return 42;
}

/** Every path in a sample (objects and leaves), e.g. ["fields"], ["fields", "ssh", "port"]. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const inner = entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]));
  return prefix.length > 0 ? [prefix, ...inner] : inner;
}

function withValueAt(sample: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1] as string] = replacement;
  return copy;
}

describe('every call refuses malformed input with invalid_input and a field message', () => {
  it('has a well-formed sample for every call in METHODS', () => {
    expect(METHODS.filter((m) => !(m in CALL_SAMPLES))).toEqual([]);
  });

  describe.each(METHODS.filter((m) => m in CALL_SAMPLES))('%s', (method) => {
    const sample = CALL_SAMPLES[method];

    // Checked against the schema alone, so no call with side effects (a shell, a connection) runs here.
    it('accepts its well-formed sample', () => {
      expect(schemas[method].input.safeParse(sample).error?.issues ?? []).toEqual([]);
    });

    it.each([
      ['a number', 42],
      ['a string', 'clusters'],
      ['a list', [sample]],
    ])('refuses %s where an object is expected', async (_what, bad) => {
      const result = await outcome(method, bad);
      expect(result).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/\S/) });
      if (result !== 'resolved') expect(Object.keys(result.fields).length).toBeGreaterThan(0);
    });

    it('refuses an unknown extra key, naming it', async () => {
      const result = await outcome(method, { ...(sample as object), clusterSecret: 'x' });
      expect(result).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('clusterSecret') });
    });

    it.each(pathsOf(sample).map((p) => [p.join('.'), p] as const))('refuses a wrong type at %s, with that field named', async (dotted, path) => {
      const bad = withValueAt(sample, path, wrongTypeFor(path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], sample)));
      const result = await outcome(method, bad);
      expect(result).toMatchObject({ code: 'invalid_input' });
      if (result !== 'resolved') {
        // The field itself, or the nearest enclosing one (a union reports at its own path).
        const named = Object.keys(result.fields).filter((k) => k !== '' && (dotted === k || dotted.startsWith(`${k}.`)));
        expect(named).not.toEqual([]);
        expect(result.fields[named[0] as string]).toMatch(/\S/);
      }
    });
  });
});
