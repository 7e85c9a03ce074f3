#!/usr/bin/env python3
"""Thread-pool peer for the sitesize benchmark: the plain way to fetch a list
of URLs concurrently in Python's standard library.

    python3 bench/threadpool.py CONCURRENCY URL_LIST

Prints "url size" per fetched URL (size = body bytes read; no gzip is asked
for), or "url ERROR message" when a fetch fails; exits 1 if any fetch failed.
urllib opens a new connection per request (no keep-alive): that is the cost of
the naive approach, and part of what the benchmark shows.
"""
import sys
import urllib.request
from multiprocessing.pool import ThreadPool

# Bypass any *_proxy variables: the benchmark is loopback only.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url):
    try:
        with OPENER.open(url, timeout=60) as response:
            return url, len(response.read()), None
    except Exception as exc:  # report and go on, like the other tools
        return url, None, str(exc).replace("\n", " ")


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: threadpool.py CONCURRENCY URL_LIST\n")
        return 2
    concurrency = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        urls = [line.strip() for line in f if line.strip()]
    failed = 0
    out = sys.stdout
    with ThreadPool(concurrency) as pool:
        for url, size, error in pool.imap_unordered(fetch, urls):
            if error is None:
                out.write(f"{url} {size}\n")
            else:
                failed += 1
                out.write(f"{url} ERROR {error}\n")
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
