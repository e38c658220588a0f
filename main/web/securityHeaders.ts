/**
 * Headers on every HTTP answer of the web form. The CSP matches the meta tag
 * in renderer/index.html; only a header can carry frame-ancestors, which
 * stops another site from framing the console (clickjacking).
 */
import type { ServerResponse } from 'node:http';

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (e.g. a cluster's colour dot); no inline scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // 'self' covers ws: to the same host:port in current Chromium; the loopback
    // entries keep older engines working.
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy());
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
