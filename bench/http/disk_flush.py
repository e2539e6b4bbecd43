#!/usr/bin/env python3
"""How long this disk takes to make N pages of 8 KiB durable: N sequential
pwrite calls to a file, then one fdatasync, as a WAL commit and its flush do
(docs/PERFORMANCE.md, "HTTP API"). Usage: disk_flush.py [FOLDER] (default:
build/release, the folder the HTTP benchmarks write to)."""
import os
import sys
import time

folder = sys.argv[1] if len(sys.argv) > 1 else "build/release"
path = os.path.join(folder, "disk_flush.tmp")
page = b"x" * 8192
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
try:
    offset = 0
    for pages in (1, 4, 16, 52, 128, 512):
        flushes = []
        for _ in range(40):
            for _ in range(pages):
                os.pwrite(fd, page, offset)
                offset += len(page)
            start = time.perf_counter()
            os.fdatasync(fd)
            flushes.append(time.perf_counter() - start)
        flushes.sort()
        print("%4d pages: fdatasync median %.3f ms" % (pages, flushes[len(flushes) // 2] * 1e3))
finally:
    os.close(fd)
    os.unlink(path)
