import { describe, expect, it } from 'vitest';
import { createLogBuffer } from '../../../renderer/features/logs/logBuffer';
import { line } from './lines';

describe('the log view buffer', () => {
  it('appends one node\'s lines in arrival order and counts versions', () => {
    const buffer = createLogBuffer({ merged: false });
    buffer.add([line({ time: 3 }), line({ time: 1 })]);
    expect(buffer.lines.map((l) => l.time)).toEqual([3, 1]);
    expect(buffer.version).toBe(1);
    expect(buffer.layout).toBe(0);
  });

  it('merges late lines of another node into time order in one pass, marking the layout changed', () => {
    const buffer = createLogBuffer({ merged: true });
    buffer.add([line({ nodeId: 'a', time: 10 }), line({ nodeId: 'a', time: 30 })]);
    const layout = buffer.layout;
    buffer.add([line({ nodeId: 'b', time: 20 }), line({ nodeId: 'b', time: 5 }), line({ nodeId: 'b', time: null, text: 'untimed after 5' })]);
    expect(buffer.lines.map((l) => `${l.nodeId}${l.time ?? '-'}`)).toEqual(['b5', 'b-', 'a10', 'b20', 'a30']);
    expect(buffer.layout).toBe(layout + 1);
    buffer.add([line({ nodeId: 'a', time: 40 })]);
    expect(buffer.layout).toBe(layout + 1);
  });

  it('stays within its capacity by dropping the oldest lines, keeping absolute indexes', () => {
    const buffer = createLogBuffer({ merged: false, capacity: 1000 });
    for (let i = 0; i < 25; i += 1) buffer.add(Array.from({ length: 100 }, (_, j) => line({ text: `#${i * 100 + j}` })));
    expect(buffer.lines.length).toBeLessThanOrEqual(1000);
    expect(buffer.dropped + buffer.lines.length).toBe(2500);
    expect(buffer.at(2499)?.text).toBe('#2499');
    expect(buffer.at(buffer.dropped - 1)).toBeUndefined();
  });

  it('holds 100,000 lines merged from two nodes without quadratic work', () => {
    const buffer = createLogBuffer({ merged: true });
    const started = performance.now();
    for (let b = 0; b < 50; b += 1) {
      buffer.add(Array.from({ length: 1000 }, (_, i) => line({ nodeId: 'a', time: (b * 1000 + i) * 2 })));
      buffer.add(Array.from({ length: 1000 }, (_, i) => line({ nodeId: 'b', time: (b * 1000 + i) * 2 - 1 })));
    }
    expect(buffer.lines.length).toBe(100_000);
    const times = buffer.lines.map((l) => l.time ?? 0);
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
