// The Backend.AI configuration the lab's etcd starts with, under the global
// scope /sorna/local/ (namespace "local"): redis and docker registry config,
// storage volumes and proxies, and the manager/agent node entries. Keys of
// image names are URL-quoted as Backend.AI quotes them (%2F for "/").
export const ETCD_NAMESPACE_PREFIX = '/sorna/local/';

export function seedPairs() {
  const pairs = {
    'config/redis/addr': '192.0.2.11:6379',
    'config/redis/password': '',
    'config/docker/registry/cr.backend.ai': 'https://cr.backend.ai',
    'config/docker/registry/cr.backend.ai/type': 'harbor2',
    'config/docker/registry/cr.backend.ai/project': 'stable,community,multiarch',
    'config/docker/registry/cr.backend.ai/username': 'lablup-lab',
    'config/docker/registry/cr.backend.ai/password': 'not-a-real-secret',
    'config/docker/registry/index.docker.io': 'https://registry-1.docker.io',
    'config/docker/registry/index.docker.io/username': 'lablup',
    'config/docker/image/auto_pull': 'digest',
    'config/api/allow-origins': '*',
    'config/network/subnet/agent': '0.0.0.0/0',
    'config/network/subnet/container': '0.0.0.0/0',
    'config/plugins/accelerator/cuda/allocation_mode': 'discrete',
    'config/watcher/token': 'lab-watcher-token-2f1e',
    'config/idle/enabled': 'timeout,utilization',
    'config/idle/checkers/timeout/threshold': '10m',
    'volumes/_types/user': '',
    'volumes/_types/group': '',
    'volumes/default_host': 'local:volume1',
    'volumes/exposed_volume_info': 'percentage',
    'volumes/proxies/local/client_api': 'http://192.0.2.11:6021',
    'volumes/proxies/local/manager_api': 'https://192.0.2.11:6022',
    'volumes/proxies/local/secret': 'lab-storage-proxy-secret',
    'volumes/proxies/local/ssl_verify': 'false',
    'nodes/manager/bai-m1': 'up',
    'nodes/agents/i-bai-a01/ip': '192.0.2.21',
    'nodes/agents/i-bai-a01/watcher_port': '6009',
    'nodes/agents/i-bai-a02/ip': '192.0.2.22',
    'nodes/agents/i-bai-a02/watcher_port': '6009',
    'nodes/agents/i-bai-a03/ip': '192.0.2.131',
    'nodes/agents/i-bai-a03/watcher_port': '6009',
    'images/cr.backend.ai/stable%2Fpython-tensorflow/2.13-py310-cuda11.8': 'sha256:0f6f3d4a8e21b8ce31b4c94d8f2d5d3a1b33d58e8a2aa4b7c8d0e1f2a3b4c5d6',
    'images/cr.backend.ai/stable%2Fpython-tensorflow/2.13-py310-cuda11.8/resource/cpu/min': '1',
    'images/cr.backend.ai/stable%2Fpython-tensorflow/2.13-py310-cuda11.8/resource/mem/min': '1g',
    'images/cr.backend.ai/stable%2Fpython-tensorflow/2.13-py310-cuda11.8/resource/cuda.shares/min': '0.1',
    'images/cr.backend.ai/stable%2Fpython-pytorch/2.1-py310-cuda12.1': 'sha256:77a2b1c9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0',
    'images/_aliases/python-tf': 'cr.backend.ai/stable/python-tensorflow:2.13-py310-cuda11.8',
    'images/_aliases/python-torch': 'cr.backend.ai/stable/python-pytorch:2.1-py310-cuda12.1',
  };
  return Object.entries(pairs).map(([k, v]) => [`${ETCD_NAMESPACE_PREFIX}${k}`, v]);
}
