"""Stages: registered components that annotate a batch of articles, each saying what it needs and adds.

A stage is registered by name, the way spaCy registers its components, with ``requires`` (what must
be there before it runs: an Article field, or what an earlier stage assigns, such as ``doc``) and
``assigns`` (what it fills in). A run names its stages, with their parameters, in its spec
(engine/spec.py), so a worker process or a Ray actor builds the very same stages from the name.

    from dateline.engine import register_stage

    @register_stage("weekday", requires=("published",), assigns=("tags",))
    def weekday(articles, shared, *, prefix="day:"):
        for a in articles: ...

A stage is a function ``f(articles, shared, **params)`` or a class: ``cls(**params)`` makes the
stage, which is then called as ``stage(articles, shared)``, and may have a ``prepare()`` run once per
process before the first document. ``shared`` holds what stages share within one batch, such as the
spaCy Doc of each article (``shared.doc(article)``). Stages must be idempotent: after a failure in a
batch the pipeline runs a stage again on each article alone, to find the one that broke it.

The module that registers a stage is recorded with its name in the spec, and imported by a worker
that does not know the name yet: keep custom stages in an importable module (not ``__main__``).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any, Protocol

from ..errors import ConfigError
from ..model import Article


class Shared:
    """What the stages of one batch share: one parse (spaCy Doc) per article, made once."""

    def __init__(self) -> None:
        self.docs: dict[int, Any] = {}

    def doc(self, article: Article) -> Any:
        try:
            return self.docs[id(article)]
        except KeyError:
            raise ConfigError(f"{article.source}: no parse; a stage that needs 'doc' must come after 'parse'") from None


class Stage(Protocol):
    def __call__(self, articles: Sequence[Article], shared: Shared) -> None: ...


@dataclass(frozen=True)
class Component:
    """A registered stage: its name, what it needs and adds, and how to make it."""

    name: str
    factory: Callable[..., Any]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    module: str

    def make(self, params: dict[str, Any]) -> Stage:
        if inspect.isclass(self.factory):
            return self.factory(**params)
        return _FunctionStage(self.name, self.factory, params)


class _FunctionStage:
    def __init__(self, name: str, fn: Callable[..., None], params: dict[str, Any]) -> None:
        self.name, self.fn, self.params = name, fn, params

    def __call__(self, articles: Sequence[Article], shared: Shared) -> None:
        self.fn(articles, shared, **self.params)


_REGISTRY: dict[str, Component] = {}

# What an extracted article has before any stage runs: its fields, but the facts stages add.
EXTRACTED = frozenset(f.name for f in fields(Article)) - {"entities", "quotes", "events"}


def register_stage(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()):
    """Register a stage factory (a class or a function) under ``name``; returns it unchanged."""

    def register(factory):
        known = _REGISTRY.get(name)
        if known is not None and (known.module, known.factory.__qualname__) != (
                factory.__module__, factory.__qualname__):
            raise ConfigError(f"a stage named {name!r} is already registered by {known.module}")
        _REGISTRY[name] = Component(name, factory, tuple(requires), tuple(assigns), factory.__module__)
        return factory

    return register


def component(name: str, module: str | None = None) -> Component:
    """The registered stage ``name``, importing ``module`` (where it is registered) when needed."""
    if name not in _REGISTRY:
        from . import builtin  # noqa: F401  (registers the built-in stages)
    if name not in _REGISTRY and module:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ConfigError(f"stage {name!r}: cannot import {module} ({exc})") from None
    if name not in _REGISTRY:
        raise ConfigError(f"no stage named {name!r}; registered: {', '.join(sorted(registered()))}")
    return _REGISTRY[name]


def registered() -> dict[str, Component]:
    from . import builtin  # noqa: F401

    return dict(_REGISTRY)


def check_order(components: Sequence[Component]) -> None:
    """Each stage's ``requires`` is met by the extracted article or by a stage before it."""
    have = set(EXTRACTED)
    for c in components:
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise ConfigError(f"stage {c.name!r} needs {', '.join(missing)}, which no stage before it assigns")
        have |= set(c.assigns)
