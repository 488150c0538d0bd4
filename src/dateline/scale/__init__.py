"""The Ray job: the same pipeline over many WARC/HTML/JSONL files, written as Parquet, resumable.

It is an executor (engine/executor.py: Ray actors, each holding the pipeline built from the run's spec)
with Parquet as its sink. Ray is an optional dependency (``pip install 'dateline[ray]'``); nothing here imports it until a job runs.
"""

from __future__ import annotations

from .inputs import expand_inputs
from .job import ScaleReport, run_scale, start_ray
from .output import InputReport, Output

__all__ = ["InputReport", "Output", "ScaleReport", "expand_inputs", "run_scale", "start_ray"]
