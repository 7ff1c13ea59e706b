"""build_engine: the one way callers get an engine, wrapped as settings say."""

from __future__ import annotations

from translator.engine import ArgosEngine, EngineSettings, LinkGuard, ModelStore, Pivot, build_engine


def test_build_engine_wraps_the_argos_engine() -> None:
    store = ModelStore([], include_bundled=True)
    engine = build_engine(EngineSettings(beam_size=2), store)
    assert isinstance(engine, LinkGuard) and isinstance(engine.engine, Pivot)
    argos = engine.engine.engine
    assert isinstance(argos, ArgosEngine) and argos.store is store and argos.settings.beam_size == 2
    plain = build_engine(EngineSettings(protect_links=False), store)
    assert isinstance(plain, Pivot)
    assert not plain.model_id("fr", "en").endswith("+links")
    assert engine.model_id("fr", "en") == plain.model_id("fr", "en") + "+links"


def test_importing_the_engine_package_loads_no_model_library() -> None:
    from tests.test_import_hygiene import modules_after

    loaded = modules_after("import translator.engine; translator.engine.build_engine()")
    assert not {name for name in loaded if name.split(".")[0] in {"ctranslate2", "argostranslate", "torch"}}
