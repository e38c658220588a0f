#!/usr/bin/env python3
"""Userspace stand-in for `tc qdisc ... netem` (this kernel has no sch_netem).

  linkRelay.py relay IF_A IF_B DELAY_MS LOSS_PCT
      Copies every Ethernet frame between two host interfaces, holding each
      one DELAY_MS/2 (so the round trip grows by DELAY_MS) and dropping
      LOSS_PCT percent of frames in each direction. Runs until SIGTERM.
  linkRelay.py offloads-off IF...
      Turns off checksum/segmentation offloads on the given interfaces, so
      frames the relay sees are real wire-size frames with real checksums.

Started and stopped by test/lab/netemRelay.ts; standard library only.
"""
import array
import fcntl
import heapq
import random
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
SIOCETHTOOL = 0x8946
# linux/ethtool.h: set tx checksum, scatter-gather, TSO, GSO.
ETHTOOL_SETS = (0x17, 0x19, 0x1F, 0x24)


def offloads_off(ifname):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for cmd in ETHTOOL_SETS:
            value = array.array("I", [cmd, 0])
            ifreq = struct.pack("16sP16x", ifname.encode(), value.buffer_info()[0])
            try:
                fcntl.ioctl(sock.fileno(), SIOCETHTOOL, ifreq)
            except OSError:
                pass  # A feature the device does not have cannot be turned off.
    finally:
        sock.close()


def open_port(ifname):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    sock.bind((ifname, 0))
    sock.setblocking(False)
    return sock


def relay(if_a, if_b, delay_ms, loss_pct):
    one_way = delay_ms / 2000.0
    loss = loss_pct / 100.0
    a, b = open_port(if_a), open_port(if_b)
    other = {a: b, b: a}
    queue = []
    seq = 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        timeout = max(0.0, queue[0][0] - time.monotonic()) if queue else None
        readable, _, _ = select.select([a, b], [], [], timeout)
        for sock in readable:
            while True:
                try:
                    frame, addr = sock.recvfrom(65535)
                except BlockingIOError:
                    break
                if addr[2] == PACKET_OUTGOING:
                    continue  # Our own sends, seen again on the way out.
                if loss and random.random() < loss:
                    continue
                seq += 1
                heapq.heappush(queue, (time.monotonic() + one_way, seq, other[sock], frame))
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, out, frame = heapq.heappop(queue)
            try:
                out.send(frame)
            except OSError:
                pass  # Link down (cutOff) or a full queue: the frame is lost, as on a wire.


def main(argv):
    if len(argv) >= 2 and argv[0] == "offloads-off":
        for ifname in argv[1:]:
            offloads_off(ifname)
        return 0
    if len(argv) == 5 and argv[0] == "relay":
        relay(argv[1], argv[2], float(argv[3]), float(argv[4]))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
