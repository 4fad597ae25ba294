"""Batches written side by side still commit in file order; after a failure none later does."""

import eventlet
import pytest

from infra.batch_writer import BatchWriter


class Recorder:
    def __init__(self, fail_at=None):
        self.committed = []
        self.busy = self.most_busy = 0
        self.fail_at = fail_at

    def commit(self, lane, number, wait_turn):
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        try:
            eventlet.sleep(0.001 * (10 - number))  # later batches finish their work first
            if number == self.fail_at:
                raise RuntimeError(f"batch {number} failed")
            wait_turn()
            self.committed.append(number)
        finally:
            self.busy -= 1


def write(recorder, lanes, batches=10):
    writer = BatchWriter(recorder.commit, lanes)
    for number in range(batches):
        writer.put(number)
    writer.close()


def test_batches_written_side_by_side_commit_in_file_order():
    recorder = Recorder()
    write(recorder, lanes=3)
    assert recorder.committed == list(range(10))
    assert recorder.most_busy == 3


def test_one_lane_writes_one_batch_at_a_time():
    recorder = Recorder()
    write(recorder, lanes=1)
    assert recorder.committed == list(range(10))
    assert recorder.most_busy == 1


@pytest.mark.parametrize("lanes", [1, 3])
def test_after_a_failed_batch_the_earlier_ones_commit_and_no_later_one_does(lanes):
    recorder = Recorder(fail_at=4)
    with pytest.raises(RuntimeError, match="batch 4 failed"):
        write(recorder, lanes)
    assert recorder.committed == [0, 1, 2, 3]
