// `docker info`, `docker version` and `docker --version` as a Docker 24 engine
// on Debian 12 prints them. Agents (role agent) also list the nvidia runtime,
// as nvidia-container-toolkit installs it. Host facts (CPUs, memory, kernel)
// are the real machine's.
import os from 'node:os';
import { listContainers } from './containerStore.mjs';

export const DOCKER_VERSION = '24.0.7';
export const DOCKER_BUILD = 'afdd53b';

export function versionLine() {
  return `Docker version ${DOCKER_VERSION}, build ${DOCKER_BUILD}\n`;
}

export function versionText(paths) {
  void paths;
  return `Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.43
 Go version:        go1.20.10
 Git commit:        ${DOCKER_BUILD}
 Built:             Thu Oct 26 09:08:02 2023
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.43 (minimum version 1.12)
  Go version:       go1.20.10
  Git commit:       311b9ff
  Built:            Thu Oct 26 09:08:02 2023
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.6.25
  GitCommit:        d8f198a4ed8892c764191ef7b3b06d8a2eeb5c7f
 runc:
  Version:          1.1.10
  GitCommit:        v1.1.10-0-g18a0cb0
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;
}

export function infoText(paths, roles) {
  const containers = listContainers(paths);
  const running = containers.filter((c) => c.state.Status === 'running').length;
  const stopped = containers.filter((c) => c.state.Status === 'exited').length;
  const isAgent = roles.includes('agent');
  const runtimes = isAgent ? 'io.containerd.runc.v2 nvidia runc' : 'io.containerd.runc.v2 runc';
  const images = isAgent ? 6 : 4;
  return `Client: Docker Engine - Community
 Version:    ${DOCKER_VERSION}
 Context:    default
 Debug Mode: false
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.11.2
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.21.0
    Path:     /usr/libexec/docker/cli-plugins/docker-compose

Server:
 Containers: ${containers.length}
  Running: ${running}
  Paused: 0
  Stopped: ${stopped}
 Images: ${images}
 Server Version: ${DOCKER_VERSION}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
 Swarm: inactive
 Runtimes: ${runtimes}
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: d8f198a4ed8892c764191ef7b3b06d8a2eeb5c7f
 runc version: v1.1.10-0-g18a0cb0
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${os.release()}
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: ${os.cpus().length}
 Total Memory: ${(os.totalmem() / 1024 ** 3).toFixed(2)}GiB
 Name: ${paths.name}
 ID: ${(paths.name + 'XXXX').toUpperCase().replace(/[^A-Z0-9]/g, 'Q').slice(0, 4)}:7QJH:OZTN:3SJE:5X3V:ACMI:QYWT:J3ND:CCDR:DWKH:HJHB:UXUO
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false
`;
}

export const COMPOSE_V1_VERSION = 'docker-compose version 1.29.2, build 5becea4c\n';
export const COMPOSE_V2_VERSION = 'Docker Compose version v2.21.0\n';
