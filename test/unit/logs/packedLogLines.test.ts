/** The packed wire form of log lines: what core packs the renderer unpacks unchanged, and the event schema accepts it. */
import { describe, expect, it } from 'vitest';
import { logEvents, packLogLines, unpackLogLines } from '../../../common/contract/schemas/logs';
import { line } from './lines';

describe('packed log lines', () => {
  it('round-trips every field through JSON, with each node once per batch', () => {
    const lines = [
      line({ nodeId: 'node-a', time: 1_700_000_000_000, timeText: '2023-11-14T22:13:20+0000', level: 'error', logger: 'ai.backend.x', pid: 7, source: 'python3', continuation: ['Traceback (most recent call last):', 'KeyError: k'] }),
      line({ nodeId: 'node-b', text: 'red', spans: [{ text: 'red', style: { fg: 1, bold: true } }] }),
      line({ nodeId: 'node-a', level: 'info' }),
    ];
    const packed = packLogLines(lines);
    expect(packed.nodeIds).toEqual(['node-a', 'node-b']);
    expect(packed.lines.map((l) => l[1])).toEqual([0, 1, 0]);
    const event = logEvents['logs.batch'].parse(JSON.parse(JSON.stringify({ streamId: 's', ...packed, bytes: 10 })));
    expect(unpackLogLines(event)).toEqual(lines);
  });

  it('is smaller on the wire than the lines as objects', () => {
    const lines = Array.from({ length: 100 }, (_, i) => line({ nodeId: '3f1c2a9e-8d7b-4c61-9f0e-2b5a7d1c4e88', time: 1_700_000_000_000 + i, timeText: '2023-11-14T22:13:20+0000', level: 'info', logger: 'ai.backend.manager.server', pid: 4242, source: 'python3' }));
    expect(JSON.stringify(packLogLines(lines)).length).toBeLessThan(JSON.stringify(lines).length * 0.7);
  });

  it('refuses a batch whose line lacks a field', () => {
    const packed = packLogLines([line()]);
    const short = packed.lines.map((l) => l.slice(0, -1));
    expect(logEvents['logs.batch'].safeParse({ streamId: 's', nodeIds: packed.nodeIds, lines: short, bytes: 1 }).success).toBe(false);
  });
});
