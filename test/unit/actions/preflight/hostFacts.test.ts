import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseCores, parseDisks, parseGpus, parseMemTotal } from '../../../../main/core/actions/preflight/hardwareFacts';
import { parseHostFacts } from '../../../../main/core/actions/preflight/hostFacts';
import { buildPreflight, preflightDirs } from '../../../../main/core/actions/preflight/preflightScript';
import {
  parseComposeVersion,
  parseCudaToolkit,
  parseDockerClientVersion,
  parseDockerServerVersion,
  parsePyenvVersion,
  parsePythonVersion,
  parseRuntimes,
} from '../../../../main/core/actions/preflight/softwareFacts';
import { fixture, runInSh, TEST_NONCE, withEmptyDir } from '../../catalog/fixtureFiles';

const GIB = 1024 ** 3;

describe('hardware answers', () => {
  it('reads nproc and free -b (procps 4 and the old 3.2 layout)', () => {
    expect(parseCores(fixture('preflight/nproc-debian12-vm.txt'))).toBe(2);
    expect(parseMemTotal(fixture('preflight/free-b-procps-4.0.2.txt'))).toBe(25_276_026_880);
    expect(parseMemTotal(fixture('preflight/free-b-procps-3.2.8.txt'))).toBe(8_254_390_272);
  });

  it('reads df -B1 -P per folder, a missing folder, and busybox\'s 1024-blocks', () => {
    const disks = parseDisks(fixture('preflight/cd-df-root-absent-tmp.txt'), ['/', '/home/lablup/halfstack', '/tmp']);
    expect(disks.map((d) => [d.path, d.present, d.mountedOn])).toEqual([
      ['/', true, '/'],
      ['/home/lablup/halfstack', false, null],
      ['/tmp', true, '/'],
    ]);
    expect(disks[0]?.sizeBytes).toBe(270_553_174_016);
    const [busybox] = parseDisks(fixture('preflight/df-P-k-busybox.txt'), ['/']);
    expect(busybox).toMatchObject({ sizeBytes: 102_625_208 * 1024, availableBytes: 76_852_104 * 1024, filesystem: 'overlay' });
  });

  it('reads nvidia-smi\'s GPU list', () => {
    const gpus = parseGpus(fixture('preflight/nvidia-smi-query-gpu-a100x4.txt'));
    expect(gpus).toHaveLength(4);
    expect(gpus[0]).toEqual({ name: 'NVIDIA A100 80GB PCIe', memoryMiB: 81920, driver: '535.161.07' });
  });
});

describe('host package answers', () => {
  it.each([
    [parseDockerServerVersion, 'docker-version-server-format.txt', '24.0.7'],
    [parseDockerServerVersion, 'docker-version-text-24.0.7.txt', '24.0.7'],
    [parseDockerServerVersion, 'docker-version-daemon-down.txt', null],
    [parseDockerClientVersion, 'docker-version-client-28.2.2.txt', '28.2.2'],
    [parseComposeVersion, 'docker-compose-version-short.txt', '1.29.2'],
    [parseComposeVersion, 'docker-compose-v2-version-short.txt', '2.21.0'],
    [parsePythonVersion, 'python3-version-debian12.txt', '3.11.2'],
    [parsePyenvVersion, 'pyenv-version-2.3.36.txt', '2.3.36'],
    [parseCudaToolkit, 'nvcc-version-12.2.txt', '12.2.140'],
    [parseCudaToolkit, 'cuda-version-json-12.2.2.txt', '12.2.2'],
    [parseCudaToolkit, 'cuda-version-txt-10.2.txt', '10.2.89'],
  ] as const)('%o reads %s', (parse, file, version) => {
    expect(parse(fixture(`preflight/${file}`))).toBe(version);
  });

  it('reads docker\'s runtimes from the JSON and from the text of docker info', () => {
    expect(parseRuntimes(fixture('preflight/docker-info-runtimes-nvidia.txt'))).toEqual(['io.containerd.runc.v2', 'nvidia', 'runc']);
    expect(parseRuntimes(fixture('preflight/docker-info-runtimes-no-nvidia.txt'))).toEqual(['io.containerd.runc.v2', 'runc']);
    expect(parseRuntimes(fixture('preflight/docker-info-text-runtimes.txt'))).toEqual(['io.containerd.runc.v2', 'nvidia', 'runc']);
    expect(parseRuntimes('')).toBeNull();
  });
});

describe('preflight script in a real sh', () => {
  it('measures this machine: cores and memory as the OS reports them', () => {
    const dirs = preflightDirs('/nonexistent/halfstack');
    const command = buildPreflight({ nonce: TEST_NONCE, dirs });
    const { stdout } = runInSh(command.argv[2] ?? '', { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' });
    const facts = parseHostFacts(stdout, dirs);
    expect(facts.cores).toBeGreaterThan(0);
    expect(facts.memoryBytes).toBe(totalmem());
    expect(facts.disks.map((d) => [d.path, d.present])).toEqual([
      ['/', true],
      ['/nonexistent/halfstack', false],
      ['/var/lib/docker', facts.disks[2]?.present ?? false],
    ]);
    expect(facts.disks[0]?.sizeBytes).toBeGreaterThan(GIB);
  });

  it('finds nothing installed on a node with an empty PATH, without failing', () => {
    const dirs = ['/'];
    const { stdout, status } = withEmptyDir((dir) => runInSh(buildPreflight({ nonce: TEST_NONCE, dirs }).argv[2] ?? '', { PATH: dir, HOME: dir }));
    expect(status).toBe(0);
    expect(parseHostFacts(stdout, dirs)).toMatchObject({
      cores: null,
      memoryBytes: null,
      gpus: null,
      gpuProblem: null,
      dockerServer: null,
      dockerProblem: 'missing',
      composeV1: null,
      composeV2: null,
      python: null,
      pyenv: null,
      // (the CUDA toolkit is also looked for at /usr/local/cuda, which does not depend on PATH)
      runtimes: null,
    });
  });
});
