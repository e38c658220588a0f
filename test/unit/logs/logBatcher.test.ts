import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../../common/contract/schemas/logs';
import { createLogBatcher } from '../../../main/core/actions/logs/logBatcher';
import { journalHidesLines } from '../../../main/core/actions/logs/nodeLogReader';
import { toLogLine } from '../../../main/core/actions/logs/logWire';
import { blankEntry } from '../../../main/core/actions/logs/logEntry';
import { line } from './lines';

afterEach(() => vi.useRealTimers());

describe('the log batcher', () => {
  it('hands on lines after a short pause, or at once when a batch is full', () => {
    vi.useFakeTimers();
    const out: LogLine[][] = [];
    const batcher = createLogBatcher({ onFlush: (b) => out.push(b), sortByTime: false, flushAfterMs: 40, maxBatch: 3 });
    batcher.push([line(), line()]);
    expect(out).toHaveLength(0);
    vi.advanceTimersByTime(40);
    expect(out.map((b) => b.length)).toEqual([2]);
    batcher.push([line(), line(), line(), line()]);
    expect(out.map((b) => b.length)).toEqual([2, 3]);
    batcher.close();
    expect(out.map((b) => b.length)).toEqual([2, 3, 1]);
    batcher.push([line()]);
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(3);
  });

  it('sorts a batch of several nodes by time, a line without time staying after its node\'s last', () => {
    const out: LogLine[][] = [];
    const batcher = createLogBatcher({ onFlush: (b) => out.push(b), sortByTime: true });
    batcher.push([line({ nodeId: 'a', time: 30 }), line({ nodeId: 'a', time: null, text: 'a frame' })]);
    batcher.push([line({ nodeId: 'b', time: 10 }), line({ nodeId: 'b', time: 40 })]);
    batcher.flush();
    expect(out[0]?.map((l) => l.text === 'a frame' ? 'a-' : `${l.nodeId}${l.time}`)).toEqual(['b10', 'a30', 'a-', 'b40']);
  });
});

describe('what crosses the wire', () => {
  it('sends plain text, and colour spans only for lines that had ANSI codes', () => {
    expect(toLogLine(blankEntry('plain'), 'n1', 1)).toMatchObject({ text: 'plain', spans: null });
    const coloured = toLogLine({ ...blankEntry('\x1b[31mERROR\x1b[0m boom'), continuation: ['\x1b[2m  File "x"\x1b[0m'] }, 'n1', 2);
    expect(coloured.text).toBe('ERROR boom');
    expect(coloured.spans).toEqual([
      { text: 'ERROR', style: { fg: 1 } },
      { text: ' boom', style: {} },
    ]);
    expect(coloured.continuation).toEqual(['  File "x"']);
  });

  it('knows journalctl\'s words for hiding other users\' lines', () => {
    expect(journalHidesLines('Hint: You are currently not seeing messages from other users and the system.\n')).toBe(true);
    expect(journalHidesLines('No journal files were opened due to insufficient permissions.')).toBe(true);
    expect(journalHidesLines('-- No entries --')).toBe(false);
  });
});
