/**
 * Collects a terminal's output chunks and hands them on as one message a few
 * ms later or as soon as a size limit is reached, whichever comes first; in
 * order, decoded to text, with a UTF-8 character split across reads kept whole.
 */

/**
 * 5 ms: under a flood the size limit does the flushing, so the timer only
 * matters for trickles (a keystroke echo, a prompt), where every ms is added
 * latency. 5 ms is a third of a 60 Hz frame and still merges the several
 * small reads a program's burst arrives in (VS Code's terminal buffers for the
 * same 5 ms; Hyper waits a whole 16 ms frame).
 */
export const FLUSH_AFTER_MS = 5;

/**
 * 64 KiB: xterm.js parses 5-35 MB/s (xtermjs.org/docs/guides/flowcontrol), so
 * one batch is 2-13 ms of the renderer's work, under a frame; and a flood
 * becomes ~16 messages per MB instead of one per 4 KiB read.
 */
export const MAX_BATCH_BYTES = 64 * 1024;

export interface OutputBatch {
  /** Text decoded so far; a trailing incomplete character waits for the next batch. */
  data: string;
  /** Source bytes this batch accounts for (what the renderer acknowledges). */
  bytes: number;
}

export interface OutputBatcherOptions {
  onFlush: (batch: OutputBatch) => void;
  flushAfterMs?: number;
  maxBatchBytes?: number;
}

export interface OutputBatcher {
  push(chunk: Uint8Array): void;
  /** Hand on what is pending now (the timer would have). */
  flush(): void;
  /** Final flush (an unfinished character becomes U+FFFD), stop the timer, ignore later pushes. */
  close(): void;
  /** Bytes received and not yet handed on. */
  readonly pendingBytes: number;
}

/**
 * Decision: emit strings, not bytes. Both wires carry JSON (WebSocket frames,
 * the memory transport), where bytes would need base64 (+33 %) and a decode on
 * each side; TextDecoder in stream mode decodes in native code and never
 * splits a character, so xterm receives text it can write directly.
 */
export function createOutputBatcher(options: OutputBatcherOptions): OutputBatcher {
  const flushAfterMs = options.flushAfterMs ?? FLUSH_AFTER_MS;
  const maxBatchBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  // Below 4 a full batch could hold nothing but part of one character, and could never flush.
  if (!(maxBatchBytes >= 4)) throw new Error(`outputBatcher: maxBatchBytes must be at least 4 (one UTF-8 character), got ${maxBatchBytes}`);
  const decoder = new TextDecoder('utf-8');
  let parts: string[] = [];
  let pendingBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const flush = () => {
    cancelTimer();
    const data = parts.length === 1 ? parts[0]! : parts.join('');
    // Only the first bytes of a character so far: keep counting them into the next batch.
    if (data === '' || pendingBytes === 0) return;
    const batch = { data, bytes: pendingBytes };
    parts = [];
    pendingBytes = 0;
    options.onFlush(batch);
  };

  const append = (slice: Uint8Array) => {
    const text = decoder.decode(slice, { stream: true });
    if (text !== '') parts.push(text);
    pendingBytes += slice.byteLength;
  };

  return {
    push(chunk) {
      if (closed || chunk.byteLength === 0) return;
      // Fill the current batch to the limit, flush, go on: batches never exceed the limit.
      let offset = 0;
      while (offset < chunk.byteLength) {
        const take = Math.min(chunk.byteLength - offset, maxBatchBytes - pendingBytes);
        append(offset === 0 && take === chunk.byteLength ? chunk : chunk.subarray(offset, offset + take));
        offset += take;
        if (pendingBytes >= maxBatchBytes) flush();
      }
      // Started at the first chunk of a batch, not reset by later ones: a steady trickle still flushes.
      if (pendingBytes > 0 && timer === undefined) timer = setTimeout(flush, flushAfterMs);
    },
    flush,
    close() {
      if (closed) return;
      closed = true;
      const tail = decoder.decode();
      if (tail !== '') parts.push(tail);
      flush();
      // A lone partial character with no text: nothing to show, nothing left to count.
      parts = [];
      pendingBytes = 0;
    },
    get pendingBytes() {
      return pendingBytes;
    },
  };
}
