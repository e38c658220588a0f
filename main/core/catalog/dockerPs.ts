/**
 * `docker ps -a --format '{{json .}}'`: one JSON object per line (Go's
 * json.Marshal: keys sorted, `>` as \u003e). Labels arrive as one
 * "k=v,k=v" string. Lines that are not JSON are the CLI's own messages
 * (permission denied, daemon down), kept for the caller to classify.
 */

export interface DockerContainer {
  id: string;
  name: string;
  image: string;
  /** created, running, paused, restarting, removing, exited, dead. */
  state: string;
  status: string;
  labels: Record<string, string>;
  createdAt: string;
  ports: string;
}

export const DOCKER_PS_ARGV = ['docker', 'ps', '-a', '--format', '{{json .}}'];

/**
 * Label values may contain commas (compose's config_files lists several
 * files): a piece without "=" continues the previous value.
 */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let last: string | null = null;
  for (const piece of text.split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0 && /^[A-Za-z0-9._/-]+$/.test(piece.slice(0, eq))) {
      last = piece.slice(0, eq);
      labels[last] = piece.slice(eq + 1);
    } else if (last !== null) {
      labels[last] += `,${piece}`;
    }
  }
  return labels;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function parseDockerPsJson(output: string): { containers: DockerContainer[]; messages: string[] } {
  const containers: DockerContainer[] = [];
  const messages: string[] = [];
  for (const raw of output.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    let row: unknown = null;
    if (line.startsWith('{')) {
      try {
        row = JSON.parse(line);
      } catch {
        row = null;
      }
    }
    if (row === null || typeof row !== 'object') {
      messages.push(line);
      continue;
    }
    const r = row as Record<string, unknown>;
    containers.push({
      id: text(r.ID),
      // Legacy links can add more names after a comma; the first is the container's own.
      name: text(r.Names).split(',')[0] ?? '',
      image: text(r.Image),
      state: text(r.State),
      status: text(r.Status),
      labels: typeof r.Labels === 'string' ? parseLabels(r.Labels) : {},
      createdAt: text(r.CreatedAt),
      ports: text(r.Ports),
    });
  }
  return { containers, messages };
}
