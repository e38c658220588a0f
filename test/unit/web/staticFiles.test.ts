import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../main/web/staticFiles';

const root = path.resolve('/srv/clusterdeck/renderer');

describe('resolveStaticPath keeps every request inside the renderer folder', () => {
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['/assets/../index.html', path.join(root, 'index.html')],
    ['/a%20b.css', path.join(root, 'a b.css')],
  ])('%s -> a file below root', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });

  it.each([
    ['/../../etc/passwd', path.join(root, 'etc/passwd')],
    ['/..%2f..%2fetc%2fpasswd', path.join(root, 'etc/passwd')],
  ])('%s is clamped to the root, never above it', (url, expected) => {
    const resolved = resolveStaticPath(root, url);
    expect(resolved).toBe(expected);
    expect(resolved?.startsWith(root + path.sep)).toBe(true);
  });

  it.each(['/..%5c..%5cpackage.json', '/index.html%00.js', '/%E0%A4%A', '/a\\b'])('%s is refused', (url) => {
    expect(resolveStaticPath(root, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
