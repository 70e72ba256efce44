#!/usr/bin/env python3
"""Re-runs every `$ planq ...` of the README's console blocks on a fresh copy of samples/ and
writes what it prints back under it. ReadmeTests checks the same; run this, then review the diff."""
import os, re, shlex, shutil, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
planq = os.path.join(root, ".build", "debug", "planq") if len(sys.argv) < 2 else os.path.abspath(sys.argv[1])
readme = os.path.join(root, "README.md")
work = tempfile.mkdtemp(prefix="planq-tour-")
shutil.copytree(os.path.join(root, "samples"), os.path.join(work, "samples"))
env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
env.pop("PLANQ_DB", None); env.pop("PLANQ_TODAY", None)
out, console, command = [], None, None
for line in open(readme, encoding="utf-8").read().split("\n"):
    if line in ("```console", "````console"):
        console = line[:line.index("c")]; out.append(line); continue
    if console and line == console:
        console = None; command = None; out.append(line); continue
    if console and line.startswith("$ planq "):
        if command is not None and not out[-1].endswith("console"):
            out.append("")
        out.append(line)
        args = shlex.split(line[len("$ planq "):])
        result = subprocess.run([planq] + args, cwd=work, env=env, capture_output=True, text=True)
        printed = result.stdout + (result.stderr if args[0] == "import" else "")
        out.extend(printed.rstrip("\n").split("\n") if printed.strip() else [])
        command = args; continue
    if console and command is not None:
        continue  # the old output, replaced above
    out.append(line)
open(readme, "w", encoding="utf-8").write("\n".join(out))
shutil.rmtree(work)
