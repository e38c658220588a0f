import { describe, expect, it } from 'vitest';
import { compileSearch, markSpans } from '../../../renderer/features/logs/logLineMatch';
import { logExportFileName, logExportText } from '../../../renderer/features/logs/logExport';
import { line } from './lines';

describe('search marks', () => {
  it('treats the query literally and case-insensitively', () => {
    const search = compileSearch('a.b(');
    expect(markSpans('xA.B(y a_b(', null, search).filter((s) => s.match).map((s) => s.text)).toEqual(['A.B(']);
    expect(compileSearch('   ')).toBeNull();
  });

  it('cuts coloured spans where a match starts and ends, keeping each part\'s colour', () => {
    const spans = [
      { text: 'ERR', style: { fg: 1 } },
      { text: 'OR here', style: {} },
    ];
    const marked = markSpans('ERROR here', spans, compileSearch('ror h'));
    expect(marked).toEqual([
      { text: 'ER', style: { fg: 1 }, match: false },
      { text: 'R', style: { fg: 1 }, match: true },
      { text: 'OR h', style: {}, match: true },
      { text: 'ere', style: {}, match: false },
    ]);
    expect(marked.map((s) => s.text).join('')).toBe('ERROR here');
  });
});

describe('log export', () => {
  it('writes one line per entry and its traceback, with the node first in a merged view', () => {
    const names = new Map([['n1', 'bai-a01']]);
    const text = logExportText([line({ time: Date.UTC(2026, 10, 29, 6, 0, 0), text: 'Task failed', continuation: ['Traceback (most recent call last):'] })], names, true);
    expect(text).toBe('bai-a01 2026-11-29T06:00:00.000Z Task failed\nbai-a01 2026-11-29T06:00:00.000Z Traceback (most recent call last):\n');
  });

  it('names the file for the cluster, service and node in a file-system-safe way', () => {
    expect(logExportFileName({ cluster: 'Acme / prod', service: 'agent', node: null, at: new Date('2026-11-29T06:28:00.123Z') })).toBe(
      'clusterdeck-Acme_prod-agent-all-nodes-20261129T062800Z.log',
    );
  });
});
