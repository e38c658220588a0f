/** Numbered screenshots of one e2e test under test-results/e2e/, kept as evidence of each step. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export function screenshotTaker(prefix: string): (page: Page, step: string) => Promise<string> {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  // Old shots of this test would mix with the new numbering: start clean.
  for (const f of readdirSync(dir)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(path.join(dir, f));
  let n = 0;
  return async (page, step) => {
    n += 1;
    const file = path.join(dir, `${prefix}-${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  };
}
