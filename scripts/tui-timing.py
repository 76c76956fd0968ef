#!/usr/bin/env python3
"""Times the real app in tmux, as a user sees it.

launch: from `tmux new-session` to the first full board frame (capture-pane shows the
last stage's heading); key: from `send-keys` to the changed screen (`3`: Metrics' panels
show, a second after the board so the app has been idle as a coach's would be; `4`: the
Session pane shows today's session, team 1, its chart drawn); rss: the app's peak
resident memory (VmHWM). Each figure is the median of --runs runs. A command that only
prints a line is timed the same way as the floor of the method.

usage: scripts/tui-timing.py --db PORTFOLIO [--bin target/release/qiboard] [--runs 15]
"""
import argparse
import os
import shlex
import statistics
import subprocess
import time

SOCKET = ["qiboard-timing"]


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET[0], *args], capture_output=True, text=True)


def screen():
    # With -e the capture carries colours too, so a moved highlight counts as a change.
    return tmux("capture-pane", "-p", "-e", "-t", "t").stdout


def plain(text):
    import re
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def wait(predicate, limit=10.0):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        text = screen()
        if predicate(text):
            return time.perf_counter(), text
    raise SystemExit("timed out waiting for the screen:\n" + screen())


def start(command):
    # A fresh server per run: a killed server lingers for a moment on its socket.
    tmux("kill-server")
    SOCKET[0] = f"qiboard-timing-{os.getpid()}-{time.perf_counter_ns()}"
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40", command)
    return t0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--bin", default="target/release/qiboard")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = f"env QIBOARD_DB={shlex.quote(args.db)} {shlex.quote(os.path.abspath(args.bin))}"

    floor, launch, select, move, metrics, session, rss = [], [], [], [], [], [], []
    for _ in range(args.runs):
        t0 = start("echo printed; sleep 5")
        t1, _ = wait(lambda s: "printed" in plain(s))
        floor.append(t1 - t0)

        t0 = start(app)
        t1, board = wait(lambda s: "Sustain" in plain(s) and "QI-" in plain(s))
        launch.append(t1 - t0)

        t0 = time.perf_counter()
        tmux("send-keys", "-t", "t", "j")
        t1, after = wait(lambda s: s != board)
        select.append(t1 - t0)

        t0 = time.perf_counter()
        tmux("send-keys", "-t", "t", "L")
        t1, _ = wait(lambda s: "moved to" in plain(s))
        move.append(t1 - t0)
        tmux("send-keys", "-t", "t", "u")
        wait(lambda s: "Undone" in plain(s))

        time.sleep(1.0)
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "t", "3")
        t1, _ = wait(lambda s: "Coaches" in plain(s) and "Stalled" in plain(s))
        metrics.append(t1 - t0)

        t0 = time.perf_counter()
        tmux("send-keys", "-t", "t", "4")
        t1, _ = wait(lambda s: "team 1 of" in plain(s) and "Open actions" in plain(s))
        session.append(t1 - t0)

        pid = tmux("list-panes", "-t", "t", "-F", "#{pane_pid}").stdout.strip()
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    rss.append(int(line.split()[1]) / 1024)
        tmux("send-keys", "-t", "t", "q")
    tmux("kill-server")

    def ms(values):
        return f"median {statistics.median(values) * 1000:.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"

    print(f"floor (a command that prints): {ms(floor)}")
    print(f"launch -> first board frame:   {ms(launch)}")
    print(f"j -> selection moved:          {ms(select)}")
    print(f"L -> card moved and stored:    {ms(move)}")
    print(f"3 -> Metrics shown:            {ms(metrics)}")
    print(f"4 -> Session pane shown:       {ms(session)}")
    print(f"peak RSS: median {statistics.median(rss):.1f} MiB (max {max(rss):.1f})")


if __name__ == "__main__":
    main()
