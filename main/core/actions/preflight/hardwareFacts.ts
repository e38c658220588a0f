/**
 * Readers for the hardware answers of a preflight: `nproc`, `free -b`
 * (procps-ng 3.3+, and the older layout with a "-/+ buffers/cache" line),
 * `df -B1 -P` blocks as cd_df frames them, and nvidia-smi's
 * `--query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits`.
 */

export function parseCores(output: string): number | null {
  const m = /^\s*(\d+)\s*$/m.exec(output);
  return m?.[1] ? Number(m[1]) : null;
}

/** Total memory in bytes from the "Mem:" row (its first number is "total" in every procps layout). */
export function parseMemTotal(output: string): number | null {
  const m = /^Mem:\s+(\d+)/m.exec(output);
  return m?.[1] ? Number(m[1]) : null;
}

export interface DiskFact {
  path: string;
  present: boolean;
  filesystem: string | null;
  sizeBytes: number | null;
  availableBytes: number | null;
  mountedOn: string | null;
}

const DF_ROW = /^(.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+%|-)\s+(.*)$/;

export function parseDisks(output: string, paths: readonly string[]): DiskFact[] {
  const blocks = output.split('@path\n').slice(1);
  return paths.map((path, i) => {
    const block = blocks[i] ?? '';
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const empty: DiskFact = { path, present: false, filesystem: null, sizeBytes: null, availableBytes: null, mountedOn: null };
    if (lines[0] === '@absent' || lines.length < 2) return empty;
    const unit = /\s(\d+)B?-blocks\s/.exec(lines[0] ?? '');
    const blockBytes = unit?.[1] ? Number(unit[1]) : 1024;
    const row = DF_ROW.exec(lines[lines.length - 1] ?? '');
    if (!row) return empty;
    return {
      path,
      present: true,
      filesystem: row[1] ?? null,
      sizeBytes: Number(row[2]) * blockBytes,
      availableBytes: Number(row[4]) * blockBytes,
      mountedOn: row[6] ?? null,
    };
  });
}

export interface GpuFact {
  name: string;
  memoryMiB: number | null;
  driver: string;
}

export function parseGpus(output: string): GpuFact[] {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l.split(',').length >= 3)
    .map((line) => {
      const cells = line.split(',').map((c) => c.trim());
      const driver = cells.pop() ?? '';
      const memory = cells.pop() ?? '';
      return { name: cells.join(','), memoryMiB: /^\d+$/.test(memory) ? Number(memory) : null, driver };
    });
}
