"""The pipeline spec: one frozen, picklable description of a run.

It says how sources are read, how pages are extracted, and which stages run, by registered name
with their parameters. The CLI builds one; ``ingest_runs`` records it (``to_dict``); worker
processes and Ray actors rebuild exactly the same pipeline from it (``Pipeline.from_spec``).

    >>> spec = PipelineSpec.default(nlp=True, all_events=True)
    >>> [s.name for s in spec.stages]
    ['parse', 'entities', 'quotes', 'events', 'confidence']
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import settings
from ..errors import ConfigError


@dataclass(frozen=True)
class SourceSpec:
    """How inputs are read (see sources.SourceOptions; ``max_bytes`` None: settings.max_bytes)."""

    max_bytes: int | None = None
    allow_private: bool = False
    follow: bool = False


@dataclass(frozen=True)
class ExtractSpec:
    """How pages become articles: ``clean`` takes the input as the body; ``fetched`` (ISO 8601) is
    when the pages were captured, for relative dates; ``site_furniture`` takes the lines that recur
    on many pages of one site out of their text (extract/sitelines.py; default: settings)."""

    clean: bool = False
    fetched: str | None = None
    site_furniture: bool = field(default_factory=lambda: settings.site_furniture)

    @property
    def fetched_time(self) -> datetime | None:
        return datetime.fromisoformat(self.fetched) if self.fetched else None


@dataclass(frozen=True)
class StageSpec:
    """One stage by its registered name, with its parameters (sorted name, value pairs) and the module
    that registers it (imported by a worker that has not seen it)."""

    name: str
    params: tuple[tuple[str, Any], ...] = ()
    module: str | None = None

    @classmethod
    def of(cls, name: str, **params: Any) -> StageSpec:
        """The stage ``name`` (``module:name`` imports the module first) with ``params``."""
        module = None
        if ":" in name:
            module, name = name.rsplit(":", 1)
        from .stages import component

        found = component(name, module)
        return cls(name, tuple(sorted(params.items())), module or found.module)

    def build(self):
        from .stages import component

        return component(self.name, self.module).make(dict(self.params))


@dataclass(frozen=True)
class PipelineSpec:
    sources: SourceSpec = field(default_factory=SourceSpec)
    extraction: ExtractSpec = field(default_factory=ExtractSpec)
    stages: tuple[StageSpec, ...] = ()
    batch_size: int | None = None

    @classmethod
    def default(
        cls,
        *,
        nlp: bool = True,
        model: str | None = None,
        all_events: bool = False,
        all_quotes: bool = False,
        clean: bool = False,
        fetched: datetime | str | None = None,
        allow_private: bool = False,
        follow: bool = False,
        max_bytes: int | None = None,
        batch_size: int | None = None,
        extra: tuple[str | StageSpec, ...] = (),
    ) -> PipelineSpec:
        """The run the CLI options describe: the NLP stages unless ``nlp`` is false, then ``extra``."""
        stages: list[StageSpec] = []
        if nlp:
            stages += [
                StageSpec.of("parse", model=model, batch_size=batch_size),
                StageSpec.of("entities"), StageSpec.of("quotes"), StageSpec.of("events"),
                StageSpec.of("confidence", events=0.0 if all_events else None, quotes=0.0 if all_quotes else None),
            ]
        stages += [s if isinstance(s, StageSpec) else StageSpec.of(s) for s in extra]
        spec = cls(
            sources=SourceSpec(max_bytes=max_bytes, allow_private=allow_private, follow=follow),
            extraction=ExtractSpec(clean=clean, fetched=fetched.isoformat() if isinstance(fetched, datetime)
                                   else fetched),
            stages=tuple(stages),
            batch_size=batch_size,
        )
        spec.check()
        return spec

    def check(self) -> None:
        """Every stage is known and each one's needs are met by the stages before it."""
        from .stages import check_order, component

        check_order([component(s.name, s.module) for s in self.stages])

    def with_stages(self, *stages: str | StageSpec) -> PipelineSpec:
        """This spec with more stages at the end."""
        spec = replace(self, stages=(*self.stages, *(s if isinstance(s, StageSpec) else StageSpec.of(s)
                                                      for s in stages)))
        spec.check()
        return spec

    @property
    def nlp(self) -> bool:
        return any(s.name == "parse" for s in self.stages)

    @property
    def model(self) -> str | None:
        for s in self.stages:
            if s.name == "parse":
                return dict(s.params).get("model")
        return None

    @property
    def effective_batch_size(self) -> int:
        return self.batch_size or settings.nlp_batch_size

    # -- as data (ingest_runs.options) ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stages"] = [{"name": s.name, "params": dict(s.params), "module": s.module} for s in self.stages]
        return data

    def fingerprint(self) -> str:
        """What makes this run's records what they are: the spec (less the batch size, which changes no
        record), dateline's version, and a digest of its code and bundled data. ``ingest`` stores it with
        each input, so that an input is annotated again when any of them changes (an upgrade, an edited
        lexicon, ``--all-events``); the code of a user's own stage module is not in it."""
        from .. import __version__  # the package's __init__ imports this module

        data = self.to_dict()
        data.pop("batch_size", None)
        blob = json.dumps(data, sort_keys=True, default=str) + __version__ + code_digest()
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PipelineSpec:
        try:
            return cls(
                sources=SourceSpec(**data.get("sources", {})),
                extraction=ExtractSpec(**data.get("extraction", {})),
                stages=tuple(StageSpec(s["name"], tuple(sorted(s.get("params", {}).items())), s.get("module"))
                             for s in data.get("stages", [])),
                batch_size=data.get("batch_size"),
            )
        except (TypeError, KeyError) as exc:
            raise ConfigError(f"not a pipeline spec: {exc}") from None


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every file of the installed dateline package (its code, language bundle and data)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
