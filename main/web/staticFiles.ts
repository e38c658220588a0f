/**
 * Serves the built renderer (dist/renderer) over plain node:http. Only files
 * inside that folder are reachable: the path is decoded, normalised and
 * checked to stay below the root. Unknown paths without an extension get
 * index.html, so a reload on any screen still opens the app.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file below root, or null when it would leave root or
 * is not a plain path (NUL bytes, bad percent-encoding, backslashes).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  if (relative.split('/').includes('..')) return null;
  const full = path.resolve(root, relative === '' ? 'index.html' : relative);
  const rootWithSep = path.resolve(root) + path.sep;
  if (full !== path.resolve(root) && !full.startsWith(rootWithSep)) return null;
  return full;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function serveStaticFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Only GET and HEAD are served here.');
    return;
  }
  const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let file = resolveStaticPath(root, urlPath);
  if (file === null) {
    sendText(res, 400, 'That path is not served by ClusterDeck.');
    return;
  }
  if (!(await isFile(file))) {
    // A screen path (no extension) falls back to the app; a missing asset is a real 404.
    const isIndexRequest = file === path.join(path.resolve(root), 'index.html');
    if (path.extname(file) !== '' && !isIndexRequest) {
      sendText(res, 404, 'Not found.');
      return;
    }
    file = path.join(root, 'index.html');
    if (!(await isFile(file))) {
      sendText(res, 503, 'The ClusterDeck UI is not built yet. Run `node scripts/build.mjs web` and reload.');
      return;
    }
  }
  const isIndex = path.basename(file) === 'index.html';
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    // index.html names hashed assets; it must be re-read after a rebuild.
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
