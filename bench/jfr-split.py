#!/usr/bin/env python3
"""Where the CPU goes, from a Java Flight Recorder file: execution samples split by thread group, inside a time window.

    bench/jfr-split.py RECORDING.jfr [--from 05:01:02] [--to 05:01:40] [--top 40] [--self 20] [--match com.disclosuredesk]

Prints, per thread group (HTTP threads, the job executor, other), the number of samples and the methods with the most
inclusive samples (a method counts once per sample whose stack holds it). --from/--to: UTC times of day (the
benchmark prints each phase's window, e.g. "lifecycle phase from ... to ..."). --match: only methods whose name
contains the text (after the overall top list). Reads the recording with the JDK's `jfr print`.
Used in docs/performance.md ("How the bottlenecks were found").
"""
import argparse
import collections
import re
import subprocess
import sys


def groups(thread):
    if thread.startswith("http-nio") or thread.startswith("https-jsse"):
        return "http"
    if "JobExecutor" in thread or thread.startswith("camundaTaskExecutor") or "job" in thread.lower():
        return "job executor"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--from", dest="start")
    ap.add_argument("--to", dest="end")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--match", action="append", default=[])
    ap.add_argument("--depth", type=int, default=128)
    ap.add_argument("--self", type=int, default=0, help="also the N methods with the most samples of their own")
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(a.depth),
                          a.recording], capture_output=True, text=True, check=True).stdout
    samples = collections.Counter()
    inclusive = collections.defaultdict(collections.Counter)
    selfs = collections.defaultdict(collections.Counter)
    threads = collections.defaultdict(collections.Counter)
    event = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            event = {"frames": []}
        elif event is None:
            continue
        elif line.startswith("startTime"):
            event["time"] = re.search(r"(\d\d:\d\d:\d\d(\.\d+)?)", line).group(1)
        elif line.startswith("sampledThread"):
            event["thread"] = re.search(r'"([^"]*)"', line).group(1)
        elif line == "}":
            t = event.get("time", "")
            if (a.start is None or t >= a.start) and (a.end is None or t <= a.end):
                g = groups(event.get("thread", ""))
                samples[g] += 1
                threads[g][re.sub(r"\d+$", "#", event.get("thread", ""))] += 1
                for m in set(event["frames"]):
                    inclusive[g][m] += 1
                if event["frames"]:
                    selfs[g][event["frames"][0]] += 1
            event = None
        elif re.match(r"^[\w$.<>]+\(.*\)\s+line:", line):
            event["frames"].append(line.split("(")[0])
    total = sum(samples.values())
    print(f"{total} samples" + (f" from {a.start}" if a.start else "") + (f" to {a.end}" if a.end else ""))
    for g, n in samples.most_common():
        print(f"\n== {g}: {n} samples ({100 * n / max(total, 1):.0f}%); threads: "
              + ", ".join(f"{t} {c}" for t, c in threads[g].most_common(4)))
        for m, c in inclusive[g].most_common(a.top):
            print(f"  {100 * c / n:5.1f}%  {m}")
        if a.self:
            print("  -- self (top frame):")
            for m, c in selfs[g].most_common(a.self):
                print(f"  {100 * c / n:5.1f}%  {m}")
        for text in a.match:
            print(f"  -- methods with '{text}':")
            for m, c in [(m, c) for m, c in inclusive[g].most_common() if text in m][:40]:
                print(f"  {100 * c / n:5.1f}%  {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
