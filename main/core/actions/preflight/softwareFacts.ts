/**
 * Readers for the host-package answers of a preflight: docker's server
 * version (`--format` output or the full `docker version` text), compose's
 * `version --short`, `python3 --version`, `pyenv --version`, the CUDA
 * toolkit (nvcc, version.json or version.txt) and docker's runtimes (JSON
 * from `docker info --format '{{json .Runtimes}}'`, or the "Runtimes:" line).
 */

const VERSION = /(\d+\.\d+(?:\.\d+)?)/;

export function firstVersion(output: string): string | null {
  return VERSION.exec(output)?.[1] ?? null;
}

export function parseDockerServerVersion(output: string): string | null {
  const lines = output.split('\n').map((l) => l.trim());
  const bare = lines.find((l) => /^\d+\.\d+(\.\d+)?[\w.+~-]*$/.test(l));
  if (bare) return firstVersion(bare);
  // Full text: the first "Version:" after "Server:".
  const server = lines.findIndex((l) => /^Server:/.test(l));
  if (server === -1) return null;
  const version = lines.slice(server).find((l) => /^Version:/.test(l));
  return version ? firstVersion(version) : null;
}

export function parseDockerClientVersion(output: string): string | null {
  const m = /Docker version (\d+\.\d+(?:\.\d+)?)/.exec(output);
  return m?.[1] ?? null;
}

export function parseComposeVersion(output: string): string | null {
  const line = output.split('\n').map((l) => l.trim()).find((l) => /^v?\d+\.\d+/.test(l) || /version v?\d/.test(l));
  return line ? firstVersion(line) : null;
}

export function parsePythonVersion(output: string): string | null {
  return /Python (\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1] ?? null;
}

export function parsePyenvVersion(output: string): string | null {
  return /pyenv (\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1] ?? null;
}

export function parseCudaToolkit(output: string): string | null {
  const nvcc = /release (\d+\.\d+), V(\d+\.\d+(?:\.\d+)?)/.exec(output);
  if (nvcc) return nvcc[2] ?? nvcc[1] ?? null;
  const txt = /CUDA Version (\d+\.\d+(?:\.\d+)?)/.exec(output);
  if (txt) return txt[1] ?? null;
  try {
    const json = JSON.parse(output) as { cuda?: { version?: unknown } };
    return typeof json.cuda?.version === 'string' ? json.cuda.version : null;
  } catch {
    return null;
  }
}

export function parseRuntimes(output: string): string[] | null {
  const trimmed = output.trim();
  const jsonLine = trimmed.split('\n').find((l) => l.trim().startsWith('{'));
  if (jsonLine) {
    try {
      return Object.keys(JSON.parse(jsonLine) as Record<string, unknown>).sort();
    } catch {
      // fall through to the text form
    }
  }
  const line = /^\s*Runtimes:\s*(.+)$/m.exec(output);
  return line?.[1] ? line[1].trim().split(/\s+/).sort() : null;
}
