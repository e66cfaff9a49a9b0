#!/usr/bin/env python3
"""
A slow, lossy network link between the test's network namespaces, emulated
packet by packet in user space.

The kernel's netem queueing discipline is the usual tool, but kernels built
without it are common in containers. This does the same job through TUN
devices: every IP packet that crosses the link is delayed (a base delay plus
uniform jitter, so packets may be reordered, as netem does) and dropped at
random, in each direction. TCP above it sees real loss and retransmits.

Usage: linkEmulator.py HUB_DEVICE LINK_DEVICE:IPv4 [LINK_DEVICE:IPv4 ...]
  Creates the TUN devices (in the namespace it runs in; the caller moves them)
  and prints "ready". Packets the hub device receives go to the link whose
  address is their destination; packets a link device receives go to the hub.
Commands on standard input, one per line:
  impair DELAY_MS JITTER_MS LOSS   applies to every link, each direction
  cut IPv4 / mend IPv4             a link drops everything / carries again
  quit
"""
import fcntl
import heapq
import os
import random
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
MAX_QUEUED = 20000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    hub_name = sys.argv[1]
    hub = open_tun(hub_name)
    links = {}  # destination IPv4 bytes -> fd
    for spec in sys.argv[2:]:
        name, address = spec.split(":")
        links[bytes(int(part) for part in address.split("."))] = open_tun(name)
    link_fds = set(links.values())
    cut = set()
    delay, jitter, loss = 0.0, 0.0, 0.0
    queue = []  # (due, order, fd, packet)
    order = 0
    print("ready", flush=True)

    stdin = sys.stdin.fileno()
    watched = [hub, stdin, *link_fds]
    while True:
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, fd, packet = heapq.heappop(queue)
            try:
                os.write(fd, packet)
            except OSError:
                pass  # The device's queue is full or it is going down: the packet is lost.
        timeout = max(0.0, queue[0][0] - now) if queue else 0.5
        readable, _, _ = select.select(watched, [], [], timeout)
        for fd in readable:
            if fd == stdin:
                line = sys.stdin.readline()
                if not line or line.strip() == "quit":
                    return
                words = line.split()
                if words[0] == "impair":
                    delay, jitter, loss = float(words[1]) / 1000, float(words[2]) / 1000, float(words[3])
                elif words[0] in ("cut", "mend"):
                    address = bytes(int(part) for part in words[1].split("."))
                    (cut.add if words[0] == "cut" else cut.discard)(address)
                print("ok", flush=True)
                continue
            while True:
                try:
                    packet = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if len(packet) < 20 or packet[0] >> 4 != 4:
                    continue  # Only IPv4 crosses this link.
                if fd == hub:
                    peer_address = packet[16:20]
                    target = links.get(peer_address)
                else:
                    peer_address = packet[12:16]
                    target = hub
                if target is None or peer_address in cut or random.random() < loss:
                    continue
                if len(queue) >= MAX_QUEUED:
                    continue  # A full link drops, as a real one would.
                due = time.monotonic() + max(0.0, delay + random.uniform(-jitter, jitter))
                order += 1
                heapq.heappush(queue, (due, order, target, packet))


if __name__ == "__main__":
    main()
