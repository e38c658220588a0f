/** LogLine fixtures for the viewer's tests. */
import type { LogLine } from '../../../common/contract/schemas/logs';

let seq = 0;
export function line(fields: Partial<LogLine> = {}): LogLine {
  seq += 1;
  return { seq, nodeId: 'n1', time: null, timeText: null, level: null, logger: null, pid: null, source: null, text: `line ${seq}`, spans: null, continuation: [], ...fields };
}
