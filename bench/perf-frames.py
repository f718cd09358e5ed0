#!/usr/bin/env python3
"""Shares of a `perf script` dump of the benchmark process, by Comptoir frame.

Record with perf maps on, during the timed part of a run, then dump:
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet bench/.../Comptoir.Bench.dll http ... &
  perf record -F 999 -g -p <pid of dotnet> -o perf.data -- sleep 12
  perf script -i perf.data > perf.txt

  bench/perf-frames.py perf.txt                 # each sample counted against the innermost Comptoir frame
  bench/perf-frames.py perf.txt --containing X  # share of samples whose stack names X (a regular expression)
"""
import collections
import re
import sys


def samples(path):
    with open(path, encoding="utf-8", errors="replace") as dump:
        for block in dump.read().split("\n\n"):
            lines = [re.sub(r"^\s*[0-9a-f]+ ", "", line.strip()) for line in block.strip().split("\n")[1:]]
            if lines:
                yield lines


def innermost(stack):
    for frame in stack:
        match = re.search(r"\[(Comptoir(?:\.Bench)?)\] ([\w.+<>`]+)(::[\w<>|]+)?", frame)
        if match:
            return match.group(2) + (match.group(3) or "")
    for frame in stack:
        match = re.search(r"\[(Microsoft\.[\w.]+|System\.[\w.]+|Npgsql[\w.]*)\]", frame)
        if match:
            return "(no Comptoir frame) " + match.group(1)
    return "(native) " + re.sub(r"\+0x.*", "", stack[0])[:60]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    stacks = list(samples(argv[1]))
    if len(argv) == 4 and argv[2] == "--containing":
        pattern = re.compile(argv[3])
        hits = sum(1 for stack in stacks if any(pattern.search(frame) for frame in stack))
        print(f"{hits} of {len(stacks)} samples = {100 * hits / len(stacks):.1f} %")
        return
    counts = collections.Counter(innermost(stack) for stack in stacks)
    print(f"{len(stacks)} samples")
    for name, count in counts.most_common(40):
        print(f"{100 * count / len(stacks):5.1f} % {name}")


if __name__ == "__main__":
    main(sys.argv)
