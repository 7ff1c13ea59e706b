"""Translation engines: the one Engine protocol, the offline Argos engine, and the wrappers around it.

base     Engine: translate_batch + model_id, what every engine and wrapper offers
argos    ArgosEngine: runs the installed Argos package of a pair (CTranslate2, batched, offline)
pivot    Pivot: a pair without a direct package goes through English
links    LinkGuard: URLs and e-mail addresses masked with placeholders around the model
probe    whether a model copies placeholders, and in which form: probed once per model, remembered
store    ModelStore: find, install and remove Argos packages

Every caller that translates for the pipeline builds its engine with `build_engine`, so they all get the
same wrapped engine. Importing this package loads no model library (CTranslate2 loads with a model).
"""

from __future__ import annotations

from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.base import Engine
from translator.engine.links import LinkGuard
from translator.engine.pivot import Pivot
from translator.engine.probe import ProbeMemory, default_memory_path
from translator.engine.store import ModelStore

__all__ = ["ArgosEngine", "Engine", "EngineSettings", "LinkGuard", "ModelStore", "Pivot", "build_engine"]


def build_engine(
    settings: EngineSettings | None = None, store: ModelStore | None = None, pairs: Engine | None = None
) -> Engine:
    """The engine to translate with: Argos packages from store (default: every known folder), through
    English when no package serves a pair directly, links masked unless settings say not (in the
    placeholder form each model keeps, probed once per model and remembered in the user cache). `pairs`:
    what translates one direct pair, instead of an ArgosEngine here (a cluster's driver runs it on its
    workers)."""
    settings = settings or EngineSettings()
    engine: Engine = Pivot(pairs or ArgosEngine(store, settings))
    return LinkGuard(engine, ProbeMemory(default_memory_path())) if settings.protect_links else engine
