import { describe, expect, it } from 'vitest';
import { blankEntry, type LogEntry } from '../../../../main/core/actions/logs/logEntry';
import { parseLogText } from '../../../../main/core/actions/logs/logStream';
import { mergeNodeLogs } from '../../../../main/core/actions/logs/mergedLogs';
import { fixture } from '../../catalog/fixtureFiles';

const e = (text: string, time: number | null): LogEntry => ({ ...blankEntry(text), time });

describe('merged view of one service across nodes', () => {
  it('orders by time, keeping each entry\'s node for its badge', () => {
    const merged = mergeNodeLogs([
      { nodeId: 'a1', nodeName: 'bai-a01', entries: [e('a-1', 10), e('a-2', 30)] },
      { nodeId: 'a2', nodeName: 'bai-a02', entries: [e('b-1', 20), e('b-2', 40)] },
    ]);
    expect(merged.map((m) => `${m.nodeName}:${m.text}`)).toEqual(['bai-a01:a-1', 'bai-a02:b-1', 'bai-a01:a-2', 'bai-a02:b-2']);
  });

  it('is stable: same times keep node order, then line order', () => {
    const merged = mergeNodeLogs([
      { nodeId: 'a1', nodeName: 'a1', entries: [e('x1', 5), e('x2', 5)] },
      { nodeId: 'a2', nodeName: 'a2', entries: [e('y1', 5)] },
    ]);
    expect(merged.map((m) => m.text)).toEqual(['x1', 'x2', 'y1']);
  });

  it('keeps a line without a time right after the line before it on its node', () => {
    const merged = mergeNodeLogs([
      { nodeId: 'a1', nodeName: 'a1', entries: [e('x1', 10), e('x-untimed', null), e('x2', 30)] },
      { nodeId: 'a2', nodeName: 'a2', entries: [e('y1', 20)] },
    ]);
    expect(merged.map((m) => m.text)).toEqual(['x1', 'x-untimed', 'y1', 'x2']);
  });

  it('merges real journal output of two nodes without losing a line', () => {
    const manager = parseLogText(fixture('journal/journalctl-short-iso-manager.txt'), 'journal-short-iso').entries;
    const agent = parseLogText(fixture('journal/journalctl-short-iso-failed-agent.txt'), 'journal-short-iso').entries;
    const merged = mergeNodeLogs([
      { nodeId: 'm', nodeName: 'bai-m1', entries: manager },
      { nodeId: 'a', nodeName: 'bai-a01', entries: agent },
    ]);
    expect(merged).toHaveLength(manager.length + agent.length);
    const times = merged.map((m) => m.time ?? 0);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });
});
