"""How a run is described and carried out: the pipeline spec, the registered stages, the executors.

A run is a ``PipelineSpec`` (sources, extraction, stages by registered name) handed to an executor
(in this process, a process pool, or Ray actors); each worker rebuilds the same pipeline from the
spec. ``ingest`` is an executor with the store as sink, ``scale`` one with Parquet, ``process`` one
with stdout.
"""

from __future__ import annotations

from .spec import ExtractSpec, PipelineSpec, SourceSpec, StageSpec
from .stages import Shared, check_order, register_stage, registered

__all__ = ["ExtractSpec", "PipelineSpec", "Shared", "SourceSpec", "StageSpec", "check_order", "register_stage",
           "registered"]
