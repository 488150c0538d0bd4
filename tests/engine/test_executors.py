"""One executor interface, one ordering rule, one crash policy: a unit whose worker dies is run again
alone, and when it kills its worker again it is lost; the units around it come back in order."""

from __future__ import annotations

import pytest

from dateline.engine import PipelineSpec
from dateline.engine.executor import InProcess, ProcessPool, Ray
from tests.engine.custom import square_or_die, wait_for_the_others

UNITS = [3, 1, -1, 4, 1, 5, 9, 2, 6]
LOST = "lost"


def expected() -> list:
    return [LOST if u < 0 else u * u for u in UNITS]


def test_in_process_and_pool_give_the_results_in_input_order():
    spec = PipelineSpec.default(nlp=False)
    safe = [u for u in UNITS if u >= 0]
    assert list(InProcess(spec).map(square_or_die, safe, lambda u: LOST)) == [u * u for u in safe]
    assert list(ProcessPool(spec, 2).map(square_or_die, UNITS, lambda u: LOST)) == expected()


def test_a_ray_actor_that_dies_costs_only_its_unit():
    ray = pytest.importorskip("ray")
    from dateline.scale import start_ray

    started_here = not ray.is_initialized()
    start_ray(workers=2, address=None)
    try:
        assert list(Ray(PipelineSpec.default(nlp=False), 2).map(square_or_die, UNITS, lambda u: LOST)) == expected()
    finally:
        if started_here:
            ray.shutdown()


def test_a_ray_unit_goes_to_the_actor_that_is_free(tmp_path):
    """Unit 0 runs until units 1-3 are done: they must all go to the other actor, not one of them wait
    behind unit 0 on the first (as a round robin would put unit 2)."""
    ray = pytest.importorskip("ray")
    from dateline.scale import start_ray

    started_here = not ray.is_initialized()
    start_ray(workers=2, address=None)
    try:
        units = [(str(tmp_path), k, 4) for k in range(4)]
        assert list(Ray(PipelineSpec.default(nlp=False), 2).map(wait_for_the_others, units, lambda u: LOST)) \
            == [True] * 4
    finally:
        if started_here:
            ray.shutdown()


def test_a_unit_submitted_after_a_worker_died_is_sent_again_not_raised():
    import time

    pool = ProcessPool(PipelineSpec.default(nlp=False), 1)

    def units():
        yield -1
        deadline = time.monotonic() + 60  # until the pool knows its worker died (CI machines are slow)
        while not (pool._pool is not None and pool._pool._broken) and time.monotonic() < deadline:
            time.sleep(0.05)
        yield from (2, 3)

    assert list(pool.map(square_or_die, units(), lambda u: LOST)) == [LOST, 4, 9]
