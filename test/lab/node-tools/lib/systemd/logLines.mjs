// Backend.AI-shaped log lines for the simulated units, as its console logger
// prints them: "2024-04-23 12:06:31.913 INFO ai.backend.manager.server [21024] msg".
// Each line becomes one journal entry (systemd splits a unit's stdout per line);
// the journal priority follows the level so `journalctl -p err` has something to find.

const PRIORITY = { DEBUG: 7, INFO: 6, WARNING: 4, ERROR: 3, CRITICAL: 2 };

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

export function formatLogTime(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** One record -> the journal entries it produces (a traceback spans several). */
export function renderRecord(record, pid, date = new Date()) {
  const head = `${formatLogTime(date)} ${record.level} ${record.logger} [${pid}] ${record.message}`;
  const p = PRIORITY[record.level] ?? 6;
  return [head, ...(record.traceback ?? [])].map((m) => ({ m, p }));
}

const SITE = (unit) => `${unit.home}/.venv/lib/python3.12/site-packages`;

function traceback(unit, frames, error) {
  const lines = ['Traceback (most recent call last):'];
  for (const [file, line, fn, code] of frames) {
    lines.push(`  File "${file.startsWith('/') ? file : `${SITE(unit)}/${file}`}", line ${line}, in ${fn}`);
    lines.push(`    ${code}`);
  }
  lines.push(error);
  return lines;
}

export function startupRecords(unit, node) {
  const l = unit.loggers[0];
  return [
    { level: 'INFO', logger: l, message: `Backend.AI ${unit.module.split('.')[2]} 24.03.3` },
    { level: 'INFO', logger: l, message: `runtime: Python 3.12.2 (main, Mar 12 2024, 11:02:14) [GCC 12.2.0]` },
    { level: 'INFO', logger: 'ai.backend.common.etcd', message: 'using etcd cluster from 192.0.2.11:2379 with namespace "local"' },
    { level: 'WARNING', logger: l, message: 'The "debug" option is enabled; do not use it in production.' },
    { level: 'INFO', logger: l, message: `started handling API requests at 0.0.0.0:${unit.port} (node: ${node})` },
  ];
}

export function failedStartRecords(unit, reason) {
  return [
    { level: 'INFO', logger: unit.loggers[0], message: `Backend.AI ${unit.module.split('.')[2]} 24.03.3` },
    {
      level: 'ERROR',
      logger: unit.loggers[0],
      message: `Unhandled error during server startup: ${reason}`,
      traceback: traceback(unit, [
        ['ai/backend/common/config.py', 217, 'check', 'raise ConfigurationError(err.as_dict())'],
      ], `ai.backend.common.exception.ConfigurationError: ${reason}`),
    },
  ];
}

const STEADY = [
  (u) => ({ level: 'INFO', logger: u.loggers[0], message: 'heartbeat ok (lag: 0.003s)' }),
  (u) => ({ level: 'INFO', logger: u.loggers[1] ?? u.loggers[0], message: `GET /status -> 200 (${(Math.random() * 4).toFixed(3)} ms)` }),
  (u) => ({ level: 'DEBUG', logger: u.loggers[u.loggers.length - 1], message: 'event dispatched: DoScheduleEvent' }),
  (u) => ({ level: 'INFO', logger: u.loggers[2] ?? u.loggers[0], message: `collected stats for ${1 + Math.floor(Math.random() * 8)} containers` }),
  (u) => ({ level: 'WARNING', logger: u.loggers[0], message: 'slow redis response: 0.512 sec for "hgetall"' }),
];

const ERRORS = [
  (u) => ({
    level: 'ERROR',
    logger: u.loggers[1] ?? u.loggers[0],
    message: 'unexpected error while handling the request',
    traceback: traceback(u, [
      ['ai/backend/common/events.py', 712, 'dispatch_consumers', 'await asyncio.shield(cb(ctx, source, event))'],
      ['/usr/lib/python3.12/asyncio/tasks.py', 314, '__step_run_and_handle_result', 'result = coro.send(None)'],
      ['redis/asyncio/connection.py', 1031, 'get_connection', 'await connection.connect()'],
    ], 'redis.exceptions.ConnectionError: Error 111 connecting to 192.0.2.11:6379. Connection refused.'),
  }),
  (u) => ({
    level: 'ERROR',
    logger: u.loggers[0],
    message: 'Task exception was never retrieved',
    traceback: traceback(u, [
      ['asyncpg/connection.py', 1823, '_do_execute', 'result = await executor(stmt, None)'],
    ], 'asyncpg.exceptions.ConnectionDoesNotExistError: connection was closed in the middle of operation'),
  }),
];

/** A steady-state record; roughly one in 40 is an ERROR with a traceback, one in 8 a WARNING. */
export function steadyRecord(unit, roll = Math.random()) {
  if (roll < 0.025) return ERRORS[Math.floor(Math.random() * ERRORS.length)](unit);
  if (roll < 0.15) return STEADY[4](unit);
  return STEADY[Math.floor(Math.random() * 4)](unit);
}

export function shutdownRecords(unit) {
  return [
    { level: 'INFO', logger: unit.loggers[0], message: 'shutting down...' },
    { level: 'INFO', logger: unit.loggers[0], message: 'exit.' },
  ];
}

/** The first error comes a few seconds after start, so a test of `-p err` need not wait long. */
export function earlyErrorRecord(unit) {
  return ERRORS[0](unit);
}
