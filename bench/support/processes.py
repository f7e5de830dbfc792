"""Time, CPU and memory of child processes and of process trees."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessRun:
    returncode: int
    seconds: float
    user_seconds: float
    system_seconds: float
    max_rss_mib: float
    """Largest resident set of the process or any descendant it waited for (getrusage). Linux
    counts the image forked from this process before the exec, so it is never below this
    process's own RSS: compare small children by `peak_tree_rss_mib` or `vm_hwm_mib` instead."""
    peak_tree_rss_mib: float | None
    """Largest sum of the resident sets of the whole tree at once (psutil sampling), if asked."""
    stdout: str
    stderr: str

    @property
    def cpu_seconds(self) -> float:
        return self.user_seconds + self.system_seconds


def vm_hwm_mib(pid: int | str = "self") -> float:
    """The peak RSS of a running process since its exec (VmHWM), exact: the kernel keeps it."""
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024


class PeakRSS:
    """Samples the summed RSS of a process and its descendants in a thread; `peak_mib` when done.

    Use it for any process tree, e.g. a service under load: `with PeakRSS(pid) as peak: ...`.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-rss", daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / (1 << 20)

    def _sample(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        total += proc.memory_info().rss
                    except psutil.NoSuchProcess:
                        pass
            except psutil.NoSuchProcess:
                return
            self.peak_bytes = max(self.peak_bytes, total)
            self._stop.wait(self.interval)


def run_process(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | Path | None = None,
                stdin_path: Path | None = None, timeout: float = 900, sample_tree: bool = False) -> ProcessRun:
    """Run `cmd` to its end; wall time, and user+sys CPU and max RSS of it and its descendants.

    CPU comes from wait4() on this very child, so nothing else this process runs is counted.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, ExitStack() as stack:
        stdin = stack.enter_context(open(stdin_path, "rb")) if stdin_path else subprocess.DEVNULL
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), env=env, cwd=cwd, stdin=stdin, stdout=out, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        with PeakRSS(proc.pid) if sample_tree else nullcontext() as sampler:
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcessRun(
            returncode=proc.returncode,
            seconds=seconds,
            user_seconds=usage.ru_utime,
            system_seconds=usage.ru_stime,
            max_rss_mib=usage.ru_maxrss / 1024,
            peak_tree_rss_mib=sampler.peak_mib if sampler else None,
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
        )
