/**
 * The virtualised list of a log view. Lines live in a LogBuffer outside
 * React; a requestAnimationFrame loop notices a new buffer version and
 * re-renders at most once per frame, and less often while a render of a long
 * list is costly (renderBudget.ts), so a flood of batches cannot starve the
 * page. Sticks to the bottom while the operator is there; scrolling up holds
 * the view still until "Jump to end".
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { LogBuffer } from './logBuffer';
import { LogRow } from './LogRow';
import { createRenderBudget } from './renderBudget';
import { createVisibleIndex, type LineFilter } from './visibleLines';

/** Within this many px of the bottom counts as "at the end": a wheel notch is ~100 px. */
const STICK_SLACK_PX = 48;
const ROW_PX = 20;

export interface LogListProps {
  buffer: LogBuffer;
  filter: LineFilter;
  colours: boolean;
  wrap: boolean;
  /** Node names for badges; null hides the badge (a single node). */
  nodeNames: ReadonlyMap<string, string> | null;
  nodeColors: ReadonlyMap<string, string>;
  /** Receives the lines on screen now, for export. */
  visibleRef?: { current: readonly number[] };
}

export function LogList(props: LogListProps) {
  const { buffer } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  const [, frame] = useReducer((n: number) => n + 1, 0);
  const index = useRef(createVisibleIndex());
  const expanded = useRef(new Set<number>());
  const [stuck, setStuck] = useState(true);
  const stuckRef = useRef(true);

  const [budget] = useState(createRenderBudget);

  useEffect(() => {
    let seen = -1;
    let raf = 0;
    const loop = (now: number) => {
      if (buffer.version !== seen && budget.due(now)) {
        seen = buffer.version;
        budget.requested(now);
        frame();
      }
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [buffer, budget]);

  const indexes = index.current.update(buffer, props.filter);
  if (props.visibleRef) props.visibleRef.current = indexes;
  // The same key function while the index only grows (the same array): TanStack lays out every row again when it changes.
  const getItemKey = useMemo(() => (i: number) => buffer.at(indexes[i] ?? -1)?.seq ?? `i${i}`, [buffer, indexes]);
  // TanStack Virtual hands out fresh functions each render by design; the compiler only skips memoising this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: indexes.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
    getItemKey,
  });

  // Counted here, not lifted to the view: a parent re-render per frame would render every row twice.
  const total = buffer.lines.length;
  const dropped = buffer.dropped;

  useLayoutEffect(() => {
    const el = parentRef.current;
    if (el && stuckRef.current) el.scrollTop = el.scrollHeight;
    budget.committed(performance.now());
  });

  const onScroll = () => {
    const el = parentRef.current;
    if (!el) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - STICK_SLACK_PX;
    if (atEnd !== stuckRef.current) {
      stuckRef.current = atEnd;
      setStuck(atEnd);
    }
  };

  const toggle = useCallback((seq: number) => {
    if (expanded.current.has(seq)) expanded.current.delete(seq);
    else expanded.current.add(seq);
    frame();
  }, []);

  return (
    <div className="log-list-wrap">
      <div ref={parentRef} className={`log-list${props.wrap ? ' wrap' : ''}`} onScroll={onScroll} role="log" aria-label="Log lines" aria-live="off" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = buffer.at(indexes[item.index] ?? -1);
            if (!line) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="log-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <LogRow
                  line={line}
                  onToggle={toggle}
                  nodeName={props.nodeNames ? (props.nodeNames.get(line.nodeId) ?? line.nodeId) : null}
                  nodeColor={props.nodeColors.get(line.nodeId) ?? 'var(--text-muted)'}
                  colours={props.colours}
                  search={props.filter.search}
                  expanded={expanded.current.has(line.seq)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div className="log-list-status muted">
        <span aria-label="Line count">{indexes.length === total ? `${total.toLocaleString()} lines` : `${indexes.length.toLocaleString()} of ${total.toLocaleString()} lines`}</span>
        {dropped > 0 && <span> · {dropped.toLocaleString()} older lines dropped to stay within memory</span>}
      </div>
      {!stuck && (
        <button
          type="button"
          className="button small log-jump"
          onClick={() => {
            stuckRef.current = true;
            setStuck(true);
            const el = parentRef.current;
            if (el) el.scrollTop = el.scrollHeight;
          }}
        >
          Jump to end ↓
        </button>
      )}
    </div>
  );
}
