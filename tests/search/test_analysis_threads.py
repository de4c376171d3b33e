"""The analyser is shared by the threads of a worker (gunicorn runs several): each
word's terms must be the same whatever the other threads are analysing at that moment."""

import sys
import threading

from vahti.search import analysis

WORDS = [
    f"{stem}{ending}"
    for stem in ("liikenteen", "hankinnoissa", "sähköistämisen", "rakentamisen", "päästöjen")
    for ending in ("", "kin", "han", "ko", "pa")
]


def test_snowball_stems_are_right_under_threads():
    # The stemming itself, past the cache of stems, as each new word reaches it.
    stem = analysis.stem.__wrapped__
    expected = {word: stem(word, "fi") for word in WORDS}
    barrier = threading.Barrier(4)
    wrong, errors = [], []

    def work():
        barrier.wait()
        for _ in range(200):
            for word in WORDS:
                try:
                    if stem(word, "fi") != expected[word]:
                        wrong.append(word)
                except Exception as error:  # a shared stemmer fails inside its own state
                    errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert (wrong, errors) == ([], [])
