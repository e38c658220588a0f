import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/contract/schemas/profiles';
import { parseDisks, parseGpus } from '../../../../main/core/actions/preflight/hardwareFacts';
import type { HostFacts } from '../../../../main/core/actions/preflight/hostFacts';
import type { PreflightCheck } from '../../../../main/core/actions/preflight/preflightCheck';
import { judgePreflight, overallStatus } from '../../../../main/core/actions/preflight/preflightJudge';
import { fixture } from '../../catalog/fixtureFiles';

const GIB = 1024 ** 3;

/** A well-equipped agent, from the fixtures. */
const agent: HostFacts = {
  cores: 32,
  memoryBytes: 270_355_234_816,
  disks: parseDisks(fixture('preflight/cd-df-agent-2tb.txt'), ['/', '/home/lablup/halfstack', '/var/lib/docker']),
  gpus: parseGpus(fixture('preflight/nvidia-smi-query-gpu-a100x4.txt')),
  gpuProblem: null,
  driverCuda: '12.2',
  dockerServer: '24.0.7',
  dockerClient: '24.0.7',
  dockerProblem: null,
  composeV1: '1.29.2',
  composeV2: '2.21.0',
  python: '3.11.2',
  pyenv: '2.3.36',
  cudaToolkit: '12.2.140',
  runtimes: ['io.containerd.runc.v2', 'nvidia', 'runc'],
};

const judge = (facts: Partial<HostFacts>, roles: Role[]) => Object.fromEntries(judgePreflight({ ...agent, ...facts }, roles).map((c) => [c.id, c])) as Record<string, PreflightCheck>;

describe('preflight against the guide', () => {
  it('passes a well-equipped agent', () => {
    const checks = judgePreflight(agent, ['agent']);
    expect(checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'cores:pass', 'memory:pass', 'disk:pass', 'gpu:pass', 'free-space:/:pass', 'free-space:/var/lib/docker:pass',
      'docker:pass', 'python:pass', 'pyenv:pass', 'cuda:pass', 'nvidia-runtime:pass',
    ]);
    expect(overallStatus(checks)).toBe('pass');
    expect(checks.find((c) => c.id === 'gpu')?.message).toBe('4 × NVIDIA A100 80GB PCIe (80 GiB each), driver 535.161.07.');
  });

  it('fails below the minimum, warns below double, passes at double', () => {
    expect(judge({ cores: 3 }, ['agent']).cores?.status).toBe('fail');
    expect(judge({ cores: 4 }, ['agent']).cores?.status).toBe('warn');
    expect(judge({ cores: 7 }, ['agent']).cores?.message).toBe('Has 7 cores: meets the minimum 4 cores for the agent, but the guide doubles it (8 cores) for optimal performance.');
    expect(judge({ cores: 8 }, ['agent']).cores?.status).toBe('pass');
  });

  it('counts a 32 GB machine as meeting 32 GiB: the kernel keeps some of it', () => {
    expect(judge({ memoryBytes: 33_600_000_000 }, ['agent']).memory).toMatchObject({ status: 'warn', measured: '31.3 GiB' });
    expect(judge({ memoryBytes: 28 * GIB }, ['agent']).memory?.status).toBe('fail');
  });

  it('adds up the minimums of the services sharing a node', () => {
    const all = judge({ cores: 2, memoryBytes: 25_276_026_880 }, ['manager', 'webserver', 'wsproxy', 'postgres', 'redis', 'etcd']);
    expect(all.cores).toMatchObject({ status: 'fail', required: '10' });
    expect(all.cores?.message).toBe("Has 2 cores; the guide asks for 10 cores for manager, webserver, wsproxy, postgres, redis and etcd together (the guide's minimums added up).");
    expect(all.memory).toMatchObject({ status: 'warn', required: '20 GiB' });
  });

  it('holds an agent disk to > 512 GiB on docker\'s data root', () => {
    const small = parseDisks('@path\nFilesystem 1-blocks Used Available Capacity Mounted on\n/dev/sda1 256060514304 1 200000000000 1% /\n', ['/']);
    expect(judge({ disks: small }, ['agent']).disk).toMatchObject({ status: 'fail', measured: '238 GiB (/)' });
    expect(judge({}, ['agent']).disk?.measured).toBe('1834 GiB (/var/lib/docker)');
  });

  it('judges CUDA: 11 or newer passes, 8 to 11 warns, older fails, none with a GPU fails', () => {
    expect(judge({ cudaToolkit: '10.2.89' }, ['agent']).cuda?.status).toBe('warn');
    expect(judge({ cudaToolkit: '7.5' }, ['agent']).cuda?.status).toBe('fail');
    expect(judge({ cudaToolkit: null, driverCuda: null }, ['agent']).cuda?.status).toBe('fail');
    expect(judge({ cudaToolkit: null, driverCuda: '12.2' }, ['agent']).cuda).toMatchObject({ status: 'warn' });
    expect(judge({ cudaToolkit: null, driverCuda: null, gpus: null }, ['agent']).cuda?.status).toBe('warn');
  });

  it('fails an agent with GPUs but no nvidia runtime, and only warns without GPUs', () => {
    expect(judge({ runtimes: ['io.containerd.runc.v2', 'runc'] }, ['agent'])['nvidia-runtime']?.status).toBe('fail');
    expect(judge({ runtimes: ['runc'], gpus: null }, ['agent'])['nvidia-runtime']?.status).toBe('warn');
    expect(judge({ gpus: null }, ['agent']).gpu?.message).toMatch(/CPU sessions only/);
    expect(judge({ gpuProblem: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver." }, ['agent']).gpu?.status).toBe('fail');
  });

  it('checks docker and compose versions for the halfstack, accepting the v2 plugin', () => {
    expect(judge({ dockerServer: '18.09.7' }, ['postgres']).docker).toMatchObject({ status: 'fail', message: 'Docker 18.09.7 is older than the 19.03 the guide needs for postgres; upgrade it.' });
    expect(judge({ composeV1: null, composeV2: '2.21.0' }, ['redis'])['docker-compose']).toMatchObject({ status: 'pass', measured: '2.21.0' });
    expect(judge({ composeV1: '1.21.0', composeV2: null }, ['etcd'])['docker-compose']?.status).toBe('fail');
    expect(judge({ composeV1: null, composeV2: null }, ['etcd'])['docker-compose']?.status).toBe('fail');
    expect(judge({ dockerServer: null, dockerProblem: 'permission' }, ['etcd']).docker).toMatchObject({ status: 'warn', measured: '24.0.7' });
    expect(judge({ dockerServer: null, dockerClient: null, dockerProblem: 'missing' }, ['etcd']).docker?.status).toBe('fail');
  });

  it('needs Python 3.8 for the manager and only warns about a missing pyenv', () => {
    expect(judge({ python: '3.6.9' }, ['manager']).python?.status).toBe('fail');
    expect(judge({ pyenv: null }, ['manager']).pyenv?.status).toBe('warn');
    expect(judge({}, ['manager'])).not.toHaveProperty('docker');
  });

  it('warns when a disk is nearly full', () => {
    const full = parseDisks('@path\nFilesystem 1-blocks Used Available Capacity Mounted on\n/dev/sda1 100000000000 97000000000 3000000000 97% /\n', ['/']);
    expect(judge({ disks: full }, ['manager'])['free-space:/']).toMatchObject({ status: 'warn', measured: '2.8 GiB of 93.1 GiB' });
  });
});
