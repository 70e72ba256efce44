#!/usr/bin/env python3
"""Time from save to updated knowledge base under `planq watch`: copies CORPUS, starts watch
(release build), then N times appends a checkbox to one document and polls the knowledge base
(sqlite3 module, read-only) until the new task is there. Prints each latency and the median.
usage: watch_latency.py PLANQ CORPUS [N]"""
import os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

planq, corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
work = tempfile.mkdtemp(prefix="planq-watch-")
docs = os.path.join(work, "docs")
shutil.copytree(corpus, docs, ignore=shutil.ignore_patterns("corpus.json"))
db = os.path.join(work, "kb.db")
watch = subprocess.Popen([planq, "--db", db, "watch", "docs", "--today", "2026-03-18"], cwd=work,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
for line in watch.stderr:
    if line.startswith("imported"): print(line.strip())
    if line.startswith("watching"): break
files = sorted(os.path.join(root, name) for root, _, names in os.walk(docs) for name in names if name.endswith(".md"))
latencies = []
for round in range(rounds):
    target = files[(round * 97) % len(files)]
    title = f"Watch latency probe {round}"
    started = time.monotonic()
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(f"\n- [ ] {title}\n")
    while True:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        found = connection.execute("SELECT 1 FROM tasks WHERE title = ?", (title,)).fetchone()
        connection.close()
        if found: break
        if time.monotonic() - started > 30: sys.exit(f"round {round}: not imported after 30 s")
        time.sleep(0.01)
    latencies.append(time.monotonic() - started)
    print(f"{os.path.relpath(target, docs)}: {latencies[-1] * 1000:.0f} ms")
    time.sleep(0.3)
watch.terminate()
print(f"save to knowledge base: median {statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms over {rounds} saves")
watch.wait()
shutil.rmtree(work)
