"""Work that really runs at the same moment, for the concurrency tests: each piece in its
own thread with its own database connection, all released together by a barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from django.db import connections


def at_once(work: Callable, arguments: Iterable, *, timeout: float = 120) -> dict:
    """``work(argument)`` for every argument, all started at the same moment; what each
    returned, or the exception it raised (a 500 raises in the test client: that is the
    finding), by argument."""
    arguments = list(arguments)
    barrier = threading.Barrier(len(arguments))
    outcomes: dict = {}

    def run(argument) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[argument] = work(argument)
        except BaseException as error:  # every failure is the finding
            outcomes[argument] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    return outcomes


def failures(outcomes: dict) -> list[BaseException]:
    return [outcome for outcome in outcomes.values() if isinstance(outcome, BaseException)]
