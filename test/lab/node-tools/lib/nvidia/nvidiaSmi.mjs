// `nvidia-smi` on agent nodes: the default table (driver 535, CUDA 12.2) and
// --query-gpu=FIELDS --format=csv[,noheader][,nounits], -L, -i INDEX. GPUs per
// node are fixed by the node name so every run agrees with itself. On a node
// without the agent role it behaves as if not installed (exit 127).
import { nodePaths, readNodeConfig, hasRole } from '../labPaths.mjs';

const DRIVER = '535.161.07';
const CUDA = '12.2';
const MODEL = { name: 'NVIDIA A100 80GB PCIe', memory: 81920, powerLimit: 300, vbios: '92.00.68.00.01', computeCap: '8.0' };
const GPU_COUNT = { 'bai-a01': 4, 'bai-a02': 2, 'bai-a03': 1 };

function gpusOf(node) {
  const count = GPU_COUNT[node] ?? 1;
  const seed = [...node].reduce((a, c) => a + c.charCodeAt(0), 0);
  return Array.from({ length: count }, (_, i) => {
    const used = i === 0 ? 10742 + (seed % 97) : 3;
    const util = i === 0 ? 37 : 0;
    return {
      index: i, name: MODEL.name, uuid: `GPU-${(seed * 7919 + i * 104729).toString(16).padStart(8, '0')}-5b1c-7e2a-9f3d-${(seed + i).toString(16).padStart(12, '0')}`,
      busId: `00000000:${(0x17 + i * 0x14).toString(16).toUpperCase().padStart(2, '0')}:00.0`, serial: `132232100${String(seed + i).padStart(4, '0')}`,
      memTotal: MODEL.memory, memUsed: used, memFree: MODEL.memory - used - 444, memReserved: 444, util, memUtil: i === 0 ? 12 : 0,
      temp: 34 + i * 2 + (util ? 9 : 0), power: util ? 112.48 : 43.12 + i, powerLimit: MODEL.powerLimit, pstate: util ? 'P0' : 'P0', fan: '[N/A]',
      smClock: util ? 1410 : 210, memClock: 1512,
    };
  });
}

const FIELDS = {
  index: (g) => [String(g.index)], count: (g, all) => [String(all.length)], name: (g) => [g.name], gpu_name: (g) => [g.name],
  uuid: (g) => [g.uuid], gpu_uuid: (g) => [g.uuid], serial: (g) => [g.serial], 'pci.bus_id': (g) => [g.busId], gpu_bus_id: (g) => [g.busId],
  driver_version: () => [DRIVER], vbios_version: () => [MODEL.vbios], compute_cap: () => [MODEL.computeCap], pstate: (g) => [g.pstate],
  'memory.total': (g) => [`${g.memTotal}`, ' MiB', '[MiB]'], 'memory.used': (g) => [`${g.memUsed}`, ' MiB', '[MiB]'],
  'memory.free': (g) => [`${g.memFree}`, ' MiB', '[MiB]'], 'memory.reserved': (g) => [`${g.memReserved}`, ' MiB', '[MiB]'],
  'utilization.gpu': (g) => [`${g.util}`, ' %', '[%]'], 'utilization.memory': (g) => [`${g.memUtil}`, ' %', '[%]'],
  'temperature.gpu': (g) => [`${g.temp}`], 'power.draw': (g) => [g.power.toFixed(2), ' W', '[W]'], 'power.limit': (g) => [g.powerLimit.toFixed(2), ' W', '[W]'],
  'fan.speed': (g) => [g.fan], 'clocks.sm': (g) => [`${g.smClock}`, ' MHz', '[MHz]'], 'clocks.mem': (g) => [`${g.memClock}`, ' MHz', '[MHz]'],
  'clocks.max.sm': () => ['1410', ' MHz', '[MHz]'], 'persistence_mode': () => ['Enabled'], 'display_mode': () => ['Disabled'], 'mig.mode.current': () => ['Disabled'],
};

function table(gpus) {
  const now = new Date().toString().replace(/ GMT.*$/, '').replace(/^(\w+) (\w+) (\d+) (\d+) (.*)$/, '$1 $2 $3 $5 $4');
  const lines = [
    now,
    '+---------------------------------------------------------------------------------------+',
    `| NVIDIA-SMI ${DRIVER}             Driver Version: ${DRIVER}   CUDA Version: ${CUDA}     |`,
    '|-----------------------------------------+----------------------+----------------------+',
    '| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |',
    '| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |',
    '|                                         |                      |               MIG M. |',
    '|=========================================+======================+======================|',
  ];
  // Cells are padded to the frame's column widths (41, 22, 22), as nvidia-smi 535 draws them.
  const cell = (left, right, width) => `${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`;
  const row = (a, b, c) => `|${cell(...a, 41)}|${cell(...b, 22)}|${cell(...c, 22)}|`;
  for (const g of gpus) {
    lines.push(row([`   ${g.index}  ${g.name}`, 'On  '], [` ${g.busId}`, 'Off '], ['', '0 ']));
    lines.push(row([` N/A   ${g.temp}C    ${g.pstate}`, `${Math.round(g.power)}W / ${g.powerLimit}W `], ['', `${g.memUsed}MiB / ${g.memTotal}MiB `], ['', `${g.util}%      Default `]));
    lines.push(row(['', ''], ['', ''], ['', 'Disabled ']));
    lines.push('+-----------------------------------------+----------------------+----------------------+');
  }
  lines.push('', '+---------------------------------------------------------------------------------------+');
  lines.push('| Processes:                                                                            |');
  lines.push('|  GPU   GI   CI        PID   Type   Process name                            GPU Memory |');
  lines.push('|        ID   ID                                                             Usage      |');
  lines.push('|=======================================================================================|');
  lines.push(gpus[0]?.util ? '|    0   N/A  N/A     48213      C   /opt/conda/bin/python3                     10290MiB |' : '|  No running processes found                                                           |');
  lines.push('+---------------------------------------------------------------------------------------+');
  return `${lines.join('\n')}\n`;
}

export async function main(argv) {
  const paths = nodePaths();
  if (!hasRole(readNodeConfig(paths), 'agent')) {
    process.stderr.write('bash: nvidia-smi: command not found\n');
    return 127;
  }
  let gpus = gpusOf(paths.name);
  const get = (name) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i === -1) return null;
    return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  const only = get('-i') ?? get('--id');
  if (only !== null) {
    gpus = gpus.filter((g) => only.split(',').includes(String(g.index)) || only.split(',').includes(g.uuid));
    if (gpus.length === 0) {
      process.stdout.write(`No devices were found\n`);
      return 6;
    }
  }
  if (argv.includes('-L') || argv.includes('--list-gpus')) {
    process.stdout.write(gpus.map((g) => `GPU ${g.index}: ${g.name} (UUID: ${g.uuid})\n`).join(''));
    return 0;
  }
  const query = get('--query-gpu');
  if (query !== null) {
    const format = get('--format');
    if (!format || !format.split(',').includes('csv')) {
      process.stdout.write(`"--format=" switch is missing. Please use --format=csv when using --query-gpu.\n`);
      return 2;
    }
    const opts = format.split(',');
    const fields = query.split(',').map((f) => f.trim()).filter(Boolean);
    const bad = fields.find((f) => !FIELDS[f]);
    if (bad) {
      process.stdout.write(`Field "${bad}" is not a valid field to query.\n\n`);
      return 2;
    }
    const lines = [];
    if (!opts.includes('noheader')) lines.push(fields.map((f) => (opts.includes('nounits') || !FIELDS[f](gpus[0], gpus)[2] ? f : `${f} ${FIELDS[f](gpus[0], gpus)[2]}`)).join(', '));
    for (const g of gpus) lines.push(fields.map((f) => {
      const [value, unit] = FIELDS[f](g, gpus);
      return opts.includes('nounits') || !unit ? value : `${value}${unit}`;
    }).join(', '));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  process.stdout.write(table(gpus));
  return 0;
}
