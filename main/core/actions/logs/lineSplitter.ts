/**
 * Bytes from a remote stream to whole lines. Chunks split lines and UTF-8
 * sequences anywhere; TextDecoder with `stream: true` holds an unfinished
 * sequence for the next chunk. A line with no end in sight is cut at
 * maxLineChars so a stream without newlines cannot grow without bound.
 */

export interface LineSplitter {
  /** Complete lines in this chunk (without \n or \r\n). */
  push(chunk: Uint8Array | string): string[];
  /** What is left at the end of the stream, if anything. */
  end(): string[];
}

export function createLineSplitter(options: { maxLineChars?: number } = {}): LineSplitter {
  const max = options.maxLineChars ?? 64 * 1024;
  const decoder = new TextDecoder('utf-8');
  let pending = '';

  const take = (text: string): string[] => {
    pending += text;
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = pending.indexOf('\n', start);
      if (nl === -1) break;
      const line = pending.slice(start, nl);
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = nl + 1;
    }
    pending = pending.slice(start);
    while (pending.length > max) {
      lines.push(pending.slice(0, max));
      pending = pending.slice(max);
    }
    return lines;
  };

  return {
    push(chunk) {
      return take(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    },
    end() {
      const lines = take(decoder.decode());
      if (pending !== '') lines.push(pending.endsWith('\r') ? pending.slice(0, -1) : pending);
      pending = '';
      return lines;
    },
  };
}
