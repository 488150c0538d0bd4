"""The pipeline spec: one frozen, picklable description of a run.

It says how sources are read, how pages are extracted, and which stages run, by registered name
with their parameters. The CLI builds one; ``ingest_runs`` records it (``to_dict``); worker
processes and Ray actors rebuild exactly the same pipeline from it (``Pipeline.from_spec``).

    >>> spec = PipelineSpec.default(nlp=True, all_events=True)
    >>> [s.name for s in spec.stages]
    ['parse', 'entities', 'quotes', 'events', 'confidence']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
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
