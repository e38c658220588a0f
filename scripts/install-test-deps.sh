#!/usr/bin/env bash
# Installs the Debian packages the test suite uses: Chromium for the UI tests,
# and the real servers the lab runs (sshd, PostgreSQL, etcd, Redis, sudo).
# Idempotent; needs root (the lab also needs root: network namespaces).
set -euo pipefail
PACKAGES=(chromium openssh-server openssh-client sshpass postgresql etcd-server etcd-client
          redis-server sudo xvfb iproute2 zstd procps psmisc util-linux xdg-utils
          gcc g++ make libc6-dev python3-minimal)  # PAM test module, netem relay, native npm modules
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
# The stock postgresql/redis/etcd services must not start on install: the lab
# runs its own instances inside network namespaces.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
