import { describe, expect, it } from 'vitest';
import { createLogBuffer } from '../../../renderer/features/logs/logBuffer';
import { compileSearch } from '../../../renderer/features/logs/logLineMatch';
import { createVisibleIndex } from '../../../renderer/features/logs/visibleLines';
import { line } from './lines';

const none = { minLevel: null, search: null, onlyMatches: false };

describe('the lines a view shows', () => {
  it('filters by minimum level, showing level-less lines from info down', () => {
    const buffer = createLogBuffer({ merged: false });
    buffer.add([line({ level: 'debug' }), line({ level: 'error' }), line({ level: null }), line({ level: 'warning' })]);
    const index = createVisibleIndex();
    expect(index.update(buffer, { ...none, minLevel: 'warning' }).map((a) => buffer.at(a)?.level)).toEqual(['error', 'warning']);
    expect(index.update(buffer, { ...none, minLevel: 'info' }).map((a) => buffer.at(a)?.level)).toEqual(['error', null, 'warning']);
  });

  it('keeps only matches, including a match inside a traceback', () => {
    const buffer = createLogBuffer({ merged: false });
    buffer.add([line({ text: 'ok' }), line({ text: 'Task failed', continuation: ['  File "x.py"', 'KeyError: boom'] }), line({ text: 'BOOM here' })]);
    const shown = createVisibleIndex().update(buffer, { minLevel: null, search: compileSearch('boom'), onlyMatches: true });
    expect(shown.map((a) => buffer.at(a)?.text)).toEqual(['Task failed', 'BOOM here']);
  });

  it('tests only new lines while the buffer grows at the end, and forgets dropped ones', () => {
    const buffer = createLogBuffer({ merged: false, capacity: 100 });
    const index = createVisibleIndex();
    const filter = { ...none, minLevel: 'error' as const };
    buffer.add(Array.from({ length: 90 }, (_, i) => line({ level: i % 2 ? 'error' : 'info', text: `#${i}` })));
    expect(index.update(buffer, filter)).toHaveLength(45);
    buffer.add(Array.from({ length: 30 }, (_, i) => line({ level: 'error', text: `new ${i}` })));
    const shown = index.update(buffer, filter);
    expect(shown.every((a) => a >= buffer.dropped)).toBe(true);
    expect(shown.map((a) => buffer.at(a)?.level).every((l) => l === 'error')).toBe(true);
    expect(buffer.at(shown[shown.length - 1] ?? -1)?.text).toBe('new 29');
  });
});
