/** One entry of the log view: node badge, time, level, the text with its colours and search marks, and a collapsible traceback. */
import { memo } from 'react';
import type { LogLine } from '../../../common/contract/schemas/logs';
import { ansiStyleCss } from './ansiColor';
import { markSpans } from './logLineMatch';

export interface LogRowLook {
  nodeName: string | null;
  nodeColor: string;
  colours: boolean;
  search: RegExp | null;
  expanded: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function logTime(line: LogLine): string {
  if (line.time === null) return line.timeText ?? '';
  const d = new Date(line.time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function Marked(props: { text: string; line: LogLine | null; look: LogRowLook }) {
  const spans = markSpans(props.text, props.look.colours ? (props.line?.spans ?? null) : null, props.look.search);
  return (
    <>
      {spans.map((s, i) => {
        const style = s.style ? ansiStyleCss(s.style) : undefined;
        return s.match ? (
          <mark key={i} className="log-match" style={style}>
            {s.text}
          </mark>
        ) : (
          <span key={i} style={style}>
            {s.text}
          </span>
        );
      })}
    </>
  );
}

/** Memoised on plain props: a frame re-renders only the rows that are new on screen, not all ~90 mounted ones. */
export const LogRow = memo(function LogRow(props: LogRowLook & { line: LogLine; onToggle: (seq: number) => void }) {
  const { line } = props;
  const look = props;
  const extra = line.continuation.length;
  return (
    <div className="log-row-inner" data-level={line.level ?? 'none'}>
      {look.nodeName !== null && (
        <span className="log-node" style={{ borderColor: look.nodeColor, color: look.nodeColor }}>
          {look.nodeName}
        </span>
      )}
      <span className="log-time">{logTime(line)}</span>
      <span className="log-level">{line.level ?? ''}</span>
      <span className="log-text">
        <Marked text={line.text} line={line} look={look} />
        {extra > 0 && (
          <button
            type="button"
            className="log-traceback-toggle"
            aria-expanded={look.expanded}
            onClick={() => props.onToggle(line.seq)}
            title={look.expanded ? 'Hide the traceback' : 'Show the traceback'}
          >
            {look.expanded ? '▾' : '▸'} {extra} more line{extra === 1 ? '' : 's'}
          </button>
        )}
      </span>
      {look.expanded && extra > 0 && (
        <div className="log-continuation" role="group" aria-label="Traceback">
          {line.continuation.map((c, i) => (
            <div key={i}>
              <Marked text={c} line={null} look={look} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
