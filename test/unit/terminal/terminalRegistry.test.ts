import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TerminalInfo, type TerminalData, type TerminalExit, type TerminalShortcut } from '../../../common/contract/schemas/terminal';
import { HIGH_WATER_BYTES } from '../../../main/core/terminal/flowControl';
import { FLUSH_AFTER_MS } from '../../../main/core/terminal/outputBatcher';
import { createTerminalRegistry, type TerminalRegistry } from '../../../main/core/terminal/terminalRegistry';
import type { TerminalEventSink } from '../../../main/core/terminal/terminalSession';
import { fakeTerminalSource, type FakeTerminalSource } from './fakeTerminalSource';

type Pushed = { event: 'terminal.data'; payload: TerminalData } | { event: 'terminal.exit'; payload: TerminalExit };

function collector() {
  const pushed: Pushed[] = [];
  const events: TerminalEventSink = {
    emit: (event: 'terminal.data' | 'terminal.exit', payload: TerminalData | TerminalExit) => {
      pushed.push({ event, payload } as Pushed);
    },
  };
  const data = (id: string) =>
    pushed.flatMap((p) => (p.event === 'terminal.data' && p.payload.terminalId === id ? [p.payload] : []));
  const exits = (id: string) =>
    pushed.flatMap((p) => (p.event === 'terminal.exit' && p.payload.terminalId === id ? [p.payload] : []));
  return { pushed, events, data, exits };
}

let counter = 0;
function registryWith(events: TerminalEventSink): TerminalRegistry {
  return createTerminalRegistry({ events, now: () => new Date('2026-03-01T09:00:00Z'), newId: () => `t${++counter}` });
}

function open(registry: TerminalRegistry, source: FakeTerminalSource) {
  return registry.open({ kind: 'local', title: 'bash (local)', nodeId: null, cols: 80, rows: 24, source });
}

describe('terminal sessions', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns source output into numbered terminal.data batches and passes input and size through', () => {
    const { events, data } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const session = open(registry, source);
    source.emitData('$ ');
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    source.emitData('hello\r\n');
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(data(session.id)).toEqual([
      { terminalId: session.id, seq: 1, data: '$ ', bytes: 2 },
      { terminalId: session.id, seq: 2, data: 'hello\r\n', bytes: 7 },
    ]);
    session.write('ls\r');
    expect(session.resize(120, 40)).toBe(true);
    expect(source.writes).toEqual(['ls\r']);
    expect(source.sizes).toEqual([[120, 40]]);
    expect(registry.list()).toEqual([
      expect.objectContaining({ terminalId: session.id, cols: 120, rows: 40, unackedBytes: 9, paused: false, openedAt: '2026-03-01T09:00:00.000Z' }),
    ]);
  });

  it('lists the shortcut a terminal was opened with (its own copy), and null for a plain shell', () => {
    const registry = registryWith(collector().events);
    const shortcut = { kind: 'container-shell', serviceId: 'postgres' } as const;
    const mutable: { kind: 'container-shell'; serviceId: string } = { ...shortcut };
    const shell = registry.open({ kind: 'remote', title: 'lab / bai-m1 · postgres shell', nodeId: 'm1', shortcut: mutable, cols: 80, rows: 24, source: fakeTerminalSource() });
    const plain = registry.open({ kind: 'remote', title: 'lab / bai-m1', nodeId: 'm1', cols: 80, rows: 24, source: fakeTerminalSource() });
    const local = open(registry, fakeTerminalSource());
    // A caller changing its object afterwards does not change what the list says.
    mutable.serviceId = 'redis';
    const listed = registry.list();
    expect(listed.find((t) => t.terminalId === shell.id)?.shortcut).toEqual(shortcut);
    expect(listed.find((t) => t.terminalId === plain.id)?.shortcut).toBeNull();
    expect(listed.find((t) => t.terminalId === local.id)?.shortcut).toBeNull();
    expect(TerminalInfo.array().parse(listed)).toEqual(listed);
  });

  it('refuses a shortcut the contract would not accept, and closes the shell it came with', () => {
    const registry = registryWith(collector().events);
    const bogus = { kind: 'argv', argv: ['rm', '-rf', '/'] } as unknown as TerminalShortcut;
    const source = fakeTerminalSource();
    expect(() => registry.open({ kind: 'remote', title: 'x', nodeId: 'm1', shortcut: bogus, cols: 80, rows: 24, source })).toThrow(/not a ClusterDeck shortcut/);
    expect(registry.size).toBe(0);
    // The shell it came with is closed, not left running without a tab.
    expect(source.closes).toBe(1);
    expect(source.listenerCount()).toBe(0);
  });

  it('pauses a flooding source until the renderer acks, while input still goes through', () => {
    const { events, data } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const session = open(registry, source);
    const chunk = new Uint8Array(64 * 1024).fill(0x79);
    for (let i = 0; i < HIGH_WATER_BYTES / chunk.length; i++) source.emitData(chunk);
    expect(source.paused).toBe(true);
    session.write('\x03'); // Ctrl-C is not held back by the paused output
    expect(source.writes).toEqual(['\x03']);
    const sent = data(session.id).reduce((sum, d) => sum + d.bytes, 0);
    session.ack(sent);
    expect(source.paused).toBe(false);
  });

  it('on the shell exiting sends the last output, then one terminal.exit, and forgets the terminal', () => {
    const { events, pushed } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const session = open(registry, source);
    source.emitData('logout\r\n');
    source.emitExit({ code: 0 });
    expect(pushed.map((p) => p.event)).toEqual(['terminal.data', 'terminal.exit']);
    expect(pushed[1]!.payload).toEqual({ terminalId: session.id, code: 0, signal: null, reason: 'exited' });
    expect(registry.size).toBe(0);
    expect(source.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(() => registry.get(session.id)).toThrow(/has already ended.*Open a new terminal/);
  });

  it('passes a lost connection on with its message', () => {
    const { events, exits } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const session = open(registry, source);
    source.emitExit({ code: null, reason: 'lost', message: 'The connection to bai-a01 dropped.' });
    expect(exits(session.id)).toEqual([
      { terminalId: session.id, code: null, signal: null, reason: 'lost', message: 'The connection to bai-a01 dropped.' },
    ]);
  });

  it('closing while paused releases everything: resumes and closes the source, drops listeners and timers', () => {
    const { events, exits } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const session = open(registry, source);
    source.emitData(new Uint8Array(HIGH_WATER_BYTES + 10));
    expect(source.paused).toBe(true);
    session.close();
    expect(source.paused).toBe(false);
    expect(source.closes).toBe(1);
    expect(source.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(registry.size).toBe(0);
    expect(exits(session.id)).toEqual([{ terminalId: session.id, code: null, signal: null, reason: 'closed' }]);
    // What a source still says after close reaches nobody.
    source.emitData('late');
    source.emitExit();
    session.close();
    expect(exits(session.id)).toHaveLength(1);
    expect(source.closes).toBe(1);
  });

  it('does not keep a source that had already ended when it was opened', () => {
    const { events, exits } = collector();
    const registry = registryWith(events);
    const source = fakeTerminalSource();
    const ended = { ...source, onExit: (l: Parameters<FakeTerminalSource['onExit']>[0]) => (l({ code: 1, signal: null, reason: 'failed' }), () => {}) };
    const session = registry.open({ kind: 'local', title: 'sh', nodeId: null, cols: 80, rows: 24, source: ended });
    expect(session.isEnded).toBe(true);
    expect(registry.size).toBe(0);
    expect(source.listenerCount()).toBe(0);
    expect(exits(session.id)).toHaveLength(1);
  });

  it('leaves no listeners, timers or registry entries after 300 open/close cycles', () => {
    const { events } = collector();
    const registry = registryWith(events);
    const sources: FakeTerminalSource[] = [];
    for (let i = 0; i < 300; i++) {
      const source = fakeTerminalSource();
      sources.push(source);
      const session = open(registry, source);
      // A mix of endings: idle, mid-batch, paused by a flood, exited by itself, and two at once.
      if (i % 5 === 1) source.emitData('partial output, batch timer running');
      if (i % 5 === 2) source.emitData(new Uint8Array(HIGH_WATER_BYTES));
      if (i % 5 === 3) source.emitExit({ code: 130 });
      if (i % 5 === 4) registry.open({ kind: 'local', title: 'second', nodeId: null, cols: 80, rows: 24, source });
      session.close();
      if (i % 5 === 4) registry.closeAll();
    }
    expect(registry.size).toBe(0);
    expect(registry.list()).toEqual([]);
    expect(sources.map((s) => s.listenerCount()).filter((n) => n > 0)).toEqual([]);
    expect(sources.filter((s) => s.paused)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a 200 MB flood through a session (real timers)', () => {
  it('arrives complete and in order with at most HIGH + one chunk unacknowledged', async () => {
    const chunkSize = 64 * 1024;
    const total = 200 * 1024 * 1024;
    const chunks = Array.from({ length: 26 }, (_, i) => new Uint8Array(chunkSize).fill(0x61 + i)); // 'a'..'z'
    let delivered = 0;
    let maxUnacked = 0;
    let outOfOrder = 0;
    let exitSeen = false;
    // The renderer: checks order, "writes" for ~1 ms, then acks.
    const events: TerminalEventSink = {
      emit: (event: 'terminal.data' | 'terminal.exit', payload: TerminalData | TerminalExit) => {
        if (event === 'terminal.exit') {
          exitSeen = true;
          return;
        }
        const batch = payload as TerminalData;
        const expectFirst = String.fromCharCode(0x61 + (Math.floor(delivered / chunkSize) % 26));
        const last = delivered + batch.bytes - 1;
        const expectLast = String.fromCharCode(0x61 + (Math.floor(last / chunkSize) % 26));
        if (batch.data[0] !== expectFirst || batch.data[batch.data.length - 1] !== expectLast) outOfOrder++;
        delivered += batch.bytes;
        maxUnacked = Math.max(maxUnacked, registry.find(batch.terminalId)?.info().unackedBytes ?? 0);
        setTimeout(() => registry.find(batch.terminalId)?.ack(batch.bytes), 1);
      },
    };
    // Defined after `events`, whose emit runs only once the registry exists.
    const registry = createTerminalRegistry({ events, now: () => new Date() });
    const source = fakeTerminalSource();
    const session = open(registry, source);
    // The shell: emits a chunk per turn of the event loop while not paused, as a pty read loop does.
    let produced = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        if (produced >= total) return resolve();
        if (!source.paused) {
          source.emitData(chunks[(produced / chunkSize) % 26]!);
          produced += chunkSize;
        }
        setImmediate(pump);
      };
      pump();
    });
    const started = Date.now();
    while (delivered < total && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
    session.close();
    expect(delivered).toBe(total);
    expect(outOfOrder).toBe(0);
    expect(maxUnacked).toBeLessThanOrEqual(HIGH_WATER_BYTES + chunkSize);
    expect(source.pauses).toBeGreaterThan(10);
    expect(exitSeen).toBe(true);
  }, 60_000);
});
