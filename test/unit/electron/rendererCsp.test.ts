import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../main/electron/guards';
import { BUILD_TIMEOUT_MS, BUILT, ensureBuilt } from './builtApp';

type Policy = Map<string, string[]>;

function parsePolicy(policy: string): Policy {
  const out: Policy = new Map();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((m) => [(m[1] as string).toLowerCase(), m[2] as string]));
}

/** What a directive allows, following CSP's fallback to default-src for fetch directives. */
const effective = (policy: Policy, directive: string) => policy.get(directive) ?? policy.get('default-src') ?? [];

describe('the built renderer page carries the Content-Security-Policy', () => {
  let html = '';
  let meta: Policy = new Map();
  beforeAll(() => {
    ensureBuilt();
    html = readFileSync(BUILT.indexHtml, 'utf8');
    const tags = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => attributes(m[0]));
    const csp = tags.filter((a) => a.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(csp, 'dist/renderer/index.html must carry exactly one CSP <meta> (renderer/index.html)').toHaveLength(1);
    meta = parsePolicy(csp[0]?.get('content') ?? '');
  }, BUILD_TIMEOUT_MS);

  it("allows scripts from the app's own files only: no inline, eval or remote code", () => {
    expect(effective(meta, 'script-src')).toEqual(["'self'"]);
  });

  it('forbids plugins and <base> rewriting', () => {
    expect(effective(meta, 'object-src')).toEqual(["'none'"]);
    expect(meta.get('base-uri')).toEqual(["'none'"]);
  });

  it('comes before any script, so it governs all of them', () => {
    const metaAt = html.search(/http-equiv\s*=\s*"Content-Security-Policy"/i);
    const firstScript = html.search(/<script\b/i);
    expect(metaAt).toBeGreaterThan(-1);
    expect(firstScript === -1 || metaAt < firstScript).toBe(true);
  });

  it('loads only its own relative files, with no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim(), 'inline <script> would be blocked by the CSP').toBe('');
      expect(attributes(attrs ?? '').get('src')).toMatch(/^\.\//);
    }
    for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) expect(attributes(tag).get('href')).toMatch(/^\.\//);
  });

  it("is not loosened by Electron's header policy, and the header does not break what the page uses", () => {
    const header = parsePolicy(APP_CSP);
    // Both policies apply in Electron; the header must allow what the page itself allows for scripts, styles and images.
    for (const directive of ['script-src', 'style-src', 'img-src']) {
      for (const source of effective(meta, directive)) expect(effective(header, directive)).toContain(source);
    }
    expect(effective(header, 'script-src')).toEqual(["'self'"]);
  });
});
