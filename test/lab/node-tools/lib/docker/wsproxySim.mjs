// The simulated Backend.AI wsproxy "container": a small HTTP server on the
// published port that answers /status, and writes wsproxy-shaped log lines to
// stdout (collected by the container shim into `docker logs`).
import fs from 'node:fs';
import http from 'node:http';
import { formatLogTime } from '../systemd/logLines.mjs';

const [ip, port] = process.argv.slice(2);
process.title = 'python -m ai.backend.wsproxy.server';
try {
  fs.writeFileSync('/proc/self/comm', 'python');
} catch {
  // Cosmetic only.
}
const log = (level, message) => process.stdout.write(`${formatLogTime(new Date())} ${level} ai.backend.wsproxy.server [1] ${message}\n`);

const server = http.createServer((req, res) => {
  log('INFO', `${req.method} ${req.url} -> 200`);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok', api_version: 'v2', version: '24.03.3' }));
});
server.listen(Number(port), ip === '0.0.0.0' ? undefined : ip, () => {
  log('INFO', 'Backend.AI WSProxy 24.03.3');
  log('INFO', `started handling API requests at ${ip}:${port}`);
});
const beat = setInterval(() => log('INFO', 'circuit heartbeat: 0 active circuits'), 5000);
const stop = () => {
  clearInterval(beat);
  log('INFO', 'shutting down...');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
