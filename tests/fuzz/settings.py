"""How many examples each property gets: small in `make test`, DATELINE_FUZZ_EXAMPLES in `make fuzz`."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Properties that cost milliseconds per example (spaCy, writing files) get a fifth of the examples (at least 12).
FUZZ_SLOW = settings(FUZZ, max_examples=max(12, EXAMPLES // 5))
