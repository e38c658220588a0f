// Reading the json-file logs the shims write, for `docker logs` and
// `docker-compose logs`: --tail N, -t/--timestamps, --since, -f/--follow
// (polls for appended lines; ends with the ssh channel or, for compose v1,
// when every followed container has stopped).
import fs from 'node:fs';
import { logFile, readContainerState } from './containerStore.mjs';
import { writeOut, endWithChannel } from '../outputStream.mjs';

function parseLines(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line being written right now: the follower reads it next time.
    }
  }
  return out;
}

export function readLogRecords(container) {
  try {
    return parseLines(fs.readFileSync(logFile(container), 'utf8'));
  } catch {
    return [];
  }
}

function tailOf(records, tail) {
  if (tail === undefined || tail === 'all') return records;
  const n = Number(tail);
  return n <= 0 ? [] : records.slice(-n);
}

/**
 * Streams the logs of several containers. prefix(container) gives the
 * "name | " of compose (or '' for docker logs); split sends stderr records to stderr.
 */
export async function streamLogs(containers, { tail, timestamps, follow, prefix, split, followersDir, stopWhenAllExited }) {
  const offsets = new Map();
  for (const c of containers) {
    let size = 0;
    try {
      size = fs.statSync(logFile(c)).size;
    } catch {
      size = 0;
    }
    offsets.set(c, size);
    const records = tailOf(readLogRecords(c), tail);
    await emit(c, records);
  }
  if (!follow) return 0;
  endWithChannel(followersDir);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const c of containers) {
      let size;
      try {
        size = fs.statSync(logFile(c)).size;
      } catch {
        continue;
      }
      const from = offsets.get(c);
      if (size <= from) continue;
      const buf = Buffer.alloc(size - from);
      const fd = fs.openSync(logFile(c), 'r');
      fs.readSync(fd, buf, 0, buf.length, from);
      fs.closeSync(fd);
      const end = buf.lastIndexOf(0x0a);
      if (end === -1) continue;
      offsets.set(c, from + end + 1);
      await emit(c, parseLines(buf.subarray(0, end).toString('utf8')));
    }
    if (stopWhenAllExited && containers.every((c) => readContainerState(c.dir).Status !== 'running')) return 0;
  }

  async function emit(c, records) {
    let out = '';
    let err = '';
    for (const r of records) {
      const line = `${prefix(c)}${timestamps ? `${r.time} ` : ''}${r.log}`;
      if (split && r.stream === 'stderr') err += line;
      else out += line;
    }
    if (err) process.stderr.write(err);
    if (out) await writeOut(out);
  }
}
