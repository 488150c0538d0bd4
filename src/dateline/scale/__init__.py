"""The Ray Data job: the same pipeline over many WARC/HTML/JSONL files, written as Parquet, resumable.

Ray is an optional dependency (``pip install 'dateline[ray]'``); nothing here imports it until a job runs.
"""

from __future__ import annotations

from .inputs import expand_inputs
from .job import ScaleReport, run_scale, start_ray
from .output import InputReport, Output

__all__ = ["InputReport", "Output", "ScaleReport", "expand_inputs", "run_scale", "start_ray"]
