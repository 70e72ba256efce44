#!/usr/bin/env python3
"""interleave.py ROUNDS CORPUS_DIR PLANQ... [--mutate PCT]

Times a full import of CORPUS_DIR (or, with --mutate, a re-import after
../shared/bench/gen_corpus.py --mutate PCT edited a copy of it) with each planq binary, the
binaries taking turns round by round and in alternating order, each into a fresh knowledge base
(a re-import starts from a copy of one that binary imported). Prints each binary's median wall
and CPU time (user + system of the process). On a shared 2-core machine whose speed drifts by a
fifth between minutes, only binaries timed side by side like this can be compared; the bench's
ratios are taken within each of its rounds for the same reason.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GENERATOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench", "gen_corpus.py")


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def main(arguments):
    mutate = None
    if "--mutate" in arguments:
        at = arguments.index("--mutate")
        mutate = arguments[at + 1]
        del arguments[at:at + 2]
    if len(arguments) < 3:
        sys.exit(__doc__)
    rounds, corpus, binaries = int(arguments[0]), arguments[1], arguments[2:]
    work = tempfile.mkdtemp(prefix="planq-interleave.")
    copy = os.path.join(work, "corpus")
    try:
        imported = {}
        if mutate:
            for index, binary in enumerate(binaries):
                shutil.rmtree(copy, ignore_errors=True)
                subprocess.run(["cp", "-a", corpus, copy], check=True)
                imported[binary] = os.path.join(work, f"imported-{index}.db")
                subprocess.run([binary, "import", copy, "--db", imported[binary], "-q"], check=True)
        times = {binary: [] for binary in binaries}
        for round_number in range(rounds):
            for binary in binaries if round_number % 2 == 0 else list(reversed(binaries)):
                database = os.path.join(work, "run.db")
                for suffix in ("", "-wal", "-shm", "-journal"):
                    if os.path.exists(database + suffix):
                        os.remove(database + suffix)
                if mutate:
                    shutil.rmtree(copy, ignore_errors=True)
                    subprocess.run(["cp", "-a", corpus, copy], check=True)
                    subprocess.run(["python3", GENERATOR, copy, "--mutate", mutate], check=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    shutil.copy(imported[binary], database)
                    times[binary].append(timed([binary, "import", copy, "--db", database, "-q"]))
                else:
                    times[binary].append(timed([binary, "import", corpus, "--db", database, "-q"]))
        what = f"re-import after --mutate {mutate}" if mutate else "full import"
        for binary in binaries:
            walls = [wall for wall, _ in times[binary]]
            cpus = [cpu for _, cpu in times[binary]]
            print(f"{binary}: {what}: wall {statistics.median(walls):.1f} ms, cpu {statistics.median(cpus):.1f} ms "
                  f"(median of {rounds})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
