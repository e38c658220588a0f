/** A Logger that remembers what it was told, for asserting that refusals are logged. */
import type { Logger } from '../../../main/core/ports';

export interface RecordingLogger extends Logger {
  entries: { level: 'info' | 'warn' | 'error'; message: string; detail?: Record<string, unknown> }[];
}

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    info: (message, detail) => void entries.push({ level: 'info', message, detail }),
    warn: (message, detail) => void entries.push({ level: 'warn', message, detail }),
    error: (message, detail) => void entries.push({ level: 'error', message, detail }),
  };
}
