"""`kill -USR1 <pytest pid>` prints the stack of every greenlet: py-spy only sees eventlet's hub."""

import gc
import signal
import sys
import traceback

import greenlet


def dump_greenlets(*_args: object) -> None:
    for thread in gc.get_objects():
        try:
            alive = isinstance(thread, greenlet.greenlet) and thread.gr_frame is not None
        except ReferenceError:  # a dead weak proxy
            continue
        if alive:
            print(f"--- {thread!r}", file=sys.stderr)
            traceback.print_stack(thread.gr_frame, file=sys.stderr)


def install() -> None:
    signal.signal(signal.SIGUSR1, dump_greenlets)
