/**
 * One xterm.js terminal per tab, created once and kept outside React so it
 * survives tab switches, splits and navigating the tree: its element is moved
 * between panes. Addons: fit, search, web links, Unicode 11 widths, and WebGL
 * with the DOM renderer as fallback (also after a lost GL context, then WebGL
 * is tried once more).
 */
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

export interface XtermInstance {
  readonly term: Terminal;
  /** The element xterm renders into; a pane appends it and takes it back out. */
  readonly element: HTMLDivElement;
  readonly search: SearchAddon;
  /** Resize to the pane; returns the new size, or null when the pane is hidden. */
  fit(): { cols: number; rows: number } | null;
  renderer(): 'webgl' | 'dom';
  dispose(): void;
}

export interface XtermCallbacks {
  onInput(data: string): void;
}

/** After a lost GL context, one more WebGL try this much later (a GPU reset takes a moment). */
const WEBGL_RETRY_MS = 3000;

export function createXtermInstance(options: { fontSize: number; scrollback: number }, callbacks: XtermCallbacks): XtermInstance {
  const element = document.createElement('div');
  element.className = 'xterm-host';
  const term = new Terminal({
    fontSize: options.fontSize,
    scrollback: options.scrollback,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    cursorBlink: true,
    allowProposedApi: true, // the Unicode 11 addon uses the proposed unicode API
    theme: { background: '#111418', foreground: '#d8dee9' },
  });
  const fitAddon = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fitAddon);
  term.loadAddon(search);
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.loadAddon(new WebLinksAddon((event, uri) => {
    event.preventDefault();
    window.open(uri, '_blank', 'noopener,noreferrer');
  }));
  term.open(element);

  let webgl: WebglAddon | undefined;
  let disposed = false;
  let retried = false;
  const loadWebgl = () => {
    if (disposed) return;
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        addon.dispose(); // xterm falls back to its DOM renderer
        webgl = undefined;
        element.dataset.renderer = 'dom';
        if (!retried) {
          retried = true;
          setTimeout(loadWebgl, WEBGL_RETRY_MS);
        }
      });
      term.loadAddon(addon);
      webgl = addon;
    } catch {
      webgl = undefined; // no WebGL2 here (software rendering, --disable-gpu): the DOM renderer stays
    }
    element.dataset.renderer = webgl ? 'webgl' : 'dom';
  };
  loadWebgl();

  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
    // Ctrl+Shift+C / V, as in Linux terminals: plain Ctrl+C must stay an interrupt.
    if (event.code === 'KeyC') {
      const selected = term.getSelection();
      if (selected) void navigator.clipboard?.writeText(selected);
      return false;
    }
    if (event.code === 'KeyV') {
      void navigator.clipboard?.readText().then((text) => term.paste(text));
      return false;
    }
    return true;
  });
  const input = term.onData((data) => callbacks.onInput(data));

  return {
    term,
    element,
    search,
    fit() {
      if (!element.isConnected || element.clientWidth === 0 || element.clientHeight === 0) return null;
      const dims = fitAddon.proposeDimensions();
      if (!dims || !Number.isFinite(dims.cols) || !Number.isFinite(dims.rows) || dims.cols < 2 || dims.rows < 1) return null;
      if (dims.cols !== term.cols || dims.rows !== term.rows) term.resize(dims.cols, dims.rows);
      return { cols: term.cols, rows: term.rows };
    },
    renderer: () => (webgl ? 'webgl' : 'dom'),
    dispose() {
      disposed = true;
      input.dispose();
      term.dispose();
      element.remove();
    },
  };
}
