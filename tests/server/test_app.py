"""`translator serve` for real, on 127.0.0.1: existing LibreTranslate clients unchanged, our additions
(glossary terms, per-paragraph detection, HTML, threads, shared memory), the safety limits, and every
error in LibreTranslate's shape. Two servers for the module, started once, stopped by PID."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from tests.conftest import DEMO, run_cli, subprocess_env
from tests.server.serving import Served, launch_server

KEY = "forum-key-0123456789abcdef"
LIMITED_KEY = "limited-key-0123456789abcdef"
ORIGIN = "https://forum.example"
MIXED = "Le ministre annonce le lancement de la fusée.\nThe rocket is ready for the launch."


def private_env(home: Path) -> dict[str, str]:
    """A server's environment: its own data, config and cache folders (so its default memory is ours)."""
    folders = {name: home / name.lower() for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    env = subprocess_env(ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/", **{k: str(v) for k, v in folders.items()})
    for name in ("ARGOS_PACKAGES_DIR", "ARGOS_TRANSLATE_PACKAGE_DIR"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-home")


@pytest.fixture(scope="module")
def servers(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Served]]:
    """Two servers, loading at the same time. The first has the defaults, apart from a longer batching
    wait so that concurrent requests surely meet. The second requires keys (one limited to 2 requests a
    minute), has small limits and allows CORS for one origin."""
    folder = tmp_path_factory.mktemp("guarded")
    keys = folder / "keys.txt"
    lines = [run_cli("serve", "--hash-key", stdin=f"{key}\n").stdout.strip() for key in (KEY, LIMITED_KEY)]
    keys.write_text(f"{lines[0]} name=forum\n{lines[1]} name=tight rpm=2\n")
    launched = [
        launch_server("--batch-wait", "30", env=private_env(home)),
        launch_server(
            *("--api-keys", str(keys), "--char-limit", "200", "--body-limit", "2048"),
            *("--cors-origin", ORIGIN, "--no-memory"),
            env=private_env(folder),
        ),
    ]
    started = [wait(120) for wait in launched]
    yield started[0], started[1]
    for served in started:
        stopped_gracefully(served)


@pytest.fixture(scope="module")
def server(servers: tuple[Served, Served]) -> Served:
    return servers[0]


@pytest.fixture(scope="module")
def guarded(servers: tuple[Served, Served]) -> Served:
    return servers[1]


def stopped_gracefully(served: Served) -> None:
    # SIGTERM: uvicorn finishes the requests in flight, and a requested stop is a clean exit
    assert served.stop() == 0
    assert not any("Traceback" in line for line in served.lines)
    assert any(line.strip() == "translator: stopped" for line in served.lines), served.lines[-3:]


def post(served: Served, path: str, **kwargs: Any) -> requests.Response:
    return requests.post(served.url + path, timeout=60, **kwargs)


# --- existing clients, unchanged -------------------------------------------------------------------------


def test_libretranslatepy_works_unchanged(server: Served, guarded: Served) -> None:
    from libretranslatepy import LibreTranslateAPI

    for client in (LibreTranslateAPI(server.url), LibreTranslateAPI(guarded.url, api_key=KEY)):
        assert client.translate("Le ministre annonce le lancement de la fusée.", "fr", "en") == (
            "The minister announces the launch of the rocket."
        )
        assert client.detect("Le ministre annonce le lancement de la fusée.")[0]["language"] == "fr"
        languages = {entry["code"]: entry["targets"] for entry in client.languages()}
        assert languages == {"de": ["en"], "en": ["de"], "fr": ["de", "en"]}


def test_deep_translator_works_unchanged(server: Served, guarded: Served) -> None:
    from deep_translator import LibreTranslator
    from deep_translator.exceptions import AuthorizationException

    # deep-translator always sends a key; a server without keys ignores it
    for url, key in ((server.url, "anything"), (guarded.url, KEY)):
        translator = LibreTranslator(source="auto", target="en", api_key=key, custom_url=url + "/")
        assert translator.translate("Der Minister kündigt den Start der Rakete an.") == (
            "The minister announces the launch of the rocket."
        )
        assert translator.translate_batch(["Le satellite est prêt.", "The satellite is ready."]) == [
            "The satellite is ready.",
            "The satellite is ready.",
        ]
    with pytest.raises(AuthorizationException):
        LibreTranslator(source="fr", target="en", api_key="wrong-key", custom_url=guarded.url + "/").translate(
            "Bonjour"
        )


@pytest.mark.parametrize(
    "how",
    [
        # JSON body (most HTTP clients)
        {"json": {"q": "Le satellite est prêt.", "source": "fr", "target": "en"}},
        # URL-encoded form (libretranslatepy, browsers)
        {"data": {"q": "Le satellite est prêt.", "source": "fr", "target": "en"}},
        # query string of a POST without body (deep-translator)
        {"params": {"q": "Le satellite est prêt.", "source": "fr", "target": "en"}},
        # multipart form
        {"files": {"q": (None, "Le satellite est prêt."), "source": (None, "fr"), "target": (None, "en")}},
    ],
)
def test_parameters_come_as_libretranslate_takes_them(server: Served, how: dict[str, Any]) -> None:
    answer = post(server, "/translate", **how)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"translatedText": "The satellite is ready.", "glossary": []}


# --- beyond LibreTranslate -------------------------------------------------------------------------------


def test_glossary_terms_are_applied_and_reported(server: Served) -> None:
    request = {"q": ["SpaceX annonce le lancement.", "Rien."], "source": "fr", "target": "en"}
    answer = post(server, "/translate", json=request)
    assert answer.json()["glossary"] == [[{"source": "SpaceX", "target": "SpaceX"}], []]
    assert answer.json()["translatedText"][0].startswith("SpaceX announces")
    # asked again, the translation comes from the memory, with the same terms reported
    assert post(server, "/translate", json=request).json() == answer.json()


def test_auto_detects_each_paragraph_of_a_mixed_comment(server: Served) -> None:
    answer = post(server, "/translate", json={"q": MIXED, "source": "auto", "target": "en"}).json()
    # the French paragraph translated, the English one left as it is (a whole-text detection would have
    # sent the English line through the French model)
    assert (
        answer["translatedText"]
        == "The minister announces the launch of the rocket.\nThe rocket is ready for the launch."
    )
    assert answer["detectedLanguage"]["language"] == "fr"
    assert 90 <= answer["detectedLanguage"]["confidence"] <= 100
    assert post(server, "/detect", data={"q": MIXED}).json()[:2] == [
        {"confidence": pytest.approx(100, abs=5), "language": "fr"},
        {"confidence": pytest.approx(100, abs=5), "language": "en"},
    ]


def test_a_short_text_alone_is_detected_in_its_language(server: Served) -> None:
    # "Danke!" alone read as Danish, "Hello" as Finnish: both short replies, without any context
    assert post(server, "/detect", data={"q": "Danke!"}).json()[0]["language"] == "de"
    answer = post(server, "/translate", json={"q": "Hello", "source": "auto", "target": "en"}).json()
    assert answer["detectedLanguage"]["language"] == "en"
    assert answer["translatedText"] == "Hello"  # already English: left as it is
    # a word used alike everywhere: an installed model's language, and a confidence that says it is a guess
    [found] = post(server, "/detect", data={"q": "lol"}).json()
    assert found["language"] in {"de", "en", "fr"} and found["confidence"] < 60


def test_html_translates_text_nodes_keeps_markup_and_drops_scripts(server: Served) -> None:
    markup = (
        '<p class="lead" onclick="steal()">Le ministre annonce le lancement de la fusée.'
        "<script>alert(1)</script></p><p>The rocket is ready.<code>x = 1</code></p>"
    )
    answer = post(server, "/translate", json={"q": markup, "source": "auto", "target": "en", "format": "html"})
    assert answer.json()["translatedText"] == (
        '<p class="lead">The minister announces the launch of the rocket.</p>'
        "<p>The rocket is ready.<code>x = 1</code></p>"
    )


def test_html_sentence_broken_by_inline_markup_is_translated_whole(server: Served) -> None:
    # Translated piece by piece the model would see "La fusée" and "place trois satellites en orbite."; whole,
    # it moves the name before "rocket", and the <b> follows its words.
    markup = "<p>La fusée <b>Ariane 6</b> place trois satellites en orbite.</p>"
    answer = post(server, "/translate", json={"q": markup, "source": "fr", "target": "en", "format": "html"})
    assert answer.json()["translatedText"] == "<p>The <b>Ariane 6</b> rocket places three satellites in orbit.</p>"


def test_threads_endpoint_answers_what_translate_writes(server: Served, tmp_path: Path) -> None:
    from translator.formats.json import dump_thread, render_json
    from translator.jobs import JobSettings, translate_file
    from translator.readers import read_thread

    # our thread JSON, languages not yet detected: the server detects them as `translate` does
    source = tmp_path / "demo.json"
    source.write_text(dump_thread(read_thread(DEMO).thread))
    answer = post(
        server,
        "/v1/threads/translate",
        params={"target": "en"},
        data=source.read_bytes(),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 200, answer.text
    [(translated, _, _)] = translate_file(source, JobSettings(target="en", use_memory=False))  # one thread
    assert answer.json() == json.loads(render_json(translated))
    assert {block["translation"]["origin"] for post in answer.json()["posts"] for block in post["blocks"]} == {
        "machine",
        "copied",
    }


def test_the_memory_is_the_clis(server: Served, home: Path) -> None:
    from translator.memory.store import MemoryEntry, TranslationMemory

    sentence = "Le lanceur réutilisable attend la météo."
    post(server, "/translate", json={"q": sentence, "source": "fr", "target": "en"})
    # the server fed the CLI's default memory...
    assert "fr-en" in run_cli("memory", "stats", XDG_DATA_HOME=str(home / "xdg_data_home")).stdout
    # ...and a human translation stored there is what the server answers from then on
    path = home / "xdg_data_home" / "thread-translator" / "memory.sqlite"
    memory = TranslationMemory(path)
    memory.store([MemoryEntry("fr", "en", sentence, "The reusable launcher awaits the weather.", "human")])
    memory.close()
    again = post(server, "/translate", json={"q": sentence, "source": "fr", "target": "en"}).json()
    assert again["translatedText"] == "The reusable launcher awaits the weather."


def test_requests_arriving_together_share_engine_calls_and_get_what_they_would_alone(server: Served) -> None:
    subjects = ["Le satellite", "Le lanceur", "La fusée", "Le ministre", "La base", "Le programme"]
    texts = [f"{subject} {verb}." for subject in subjects for verb in ("est prêt", "arrive demain")]
    start = threading.Barrier(len(texts))

    def translate(text: str, wait: bool = True) -> str:
        if wait:
            start.wait()
        answer = post(server, "/translate", json={"q": text, "source": "fr", "target": "en", "api_key": "-"})
        return str(answer.json()["translatedText"])

    before = len(server.settled_records())
    with concurrent.futures.ThreadPoolExecutor(len(texts)) as pool:
        together = list(pool.map(translate, texts))
    records = server.access_records(at_least=before + len(texts))[before:]
    batches = [record["batch"] for record in records if record["path"] == "/translate"]
    assert len(batches) == len(texts) and max(batches) > 1
    # the same texts one at a time (now from the memory, which keeps what the engine made) read the same
    assert together == [translate(text, wait=False) for text in texts]


def test_access_log_has_no_text_and_no_key(server: Served, guarded: Served) -> None:
    counts = [len(server.settled_records()), len(guarded.settled_records())]
    post(server, "/translate", json={"q": "Confidentiel : la fusée part demain.", "source": "fr", "target": "en"})
    post(guarded, "/translate", params={"api_key": KEY}, data={"q": "Secret défense.", "source": "fr", "target": "en"})
    for served, words, count in ((server, "Confidentiel", counts[0]), (guarded, "Secret", counts[1])):
        record = served.access_records(at_least=count + 1)[-1]
        logged = "\n".join(served.lines)
        assert words not in logged and KEY not in logged
        assert set(record) == {"time", "client", "method", "path", "status", "ms", "caller", "texts", "chars", "batch"}
    assert guarded.access_records()[-1]["caller"] == "forum"


def test_openapi_description_is_served(server: Served) -> None:
    document = requests.get(server.url + "/openapi.json", timeout=30).json()
    assert set(document["paths"]) == {
        *("/translate", "/detect", "/languages", "/v1/threads/translate", "/health", "/frontend/settings")
    }
    assert requests.get(server.url + "/spec", timeout=30).json() == document


# --- safe by default ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "status", "error"),
    [
        # no key where keys are required: LibreTranslate's wording
        ({"json": {"q": "Bonjour", "source": "fr", "target": "en"}}, 400, "Please contact the server operator"),
        # a key not in the file
        ({"json": {"q": "Bonjour", "source": "fr", "target": "en", "api_key": "x" * 20}}, 403, "Invalid API key"),
        # more characters than --char-limit
        ({"json": {"q": "a" * 201, "source": "fr", "target": "en", "api_key": KEY}}, 400, "exceeds text limit (200)"),
        # a body over --body-limit
        (
            {"json": {"q": "a" * 3000, "source": "fr", "target": "en", "api_key": KEY}},
            413,
            "exceeds the limit (2048 bytes)",
        ),
    ],
)
def test_keys_and_limits(guarded: Served, kwargs: dict[str, Any], status: int, error: str) -> None:
    answer = post(guarded, "/translate", **kwargs)
    assert answer.status_code == status
    assert error in answer.json()["error"]


def test_rate_limit_per_key(guarded: Served) -> None:
    body = {"q": "Bonjour", "source": "fr", "target": "en", "api_key": LIMITED_KEY}
    assert [post(guarded, "/translate", json=body).status_code for _ in range(2)] == [200, 200]
    refused = post(guarded, "/translate", json=body)
    assert refused.status_code == 429
    assert refused.json() == {"error": "Slowdown: 2 per 1 minute"}
    assert 0 < int(refused.headers["Retry-After"]) <= 30
    # another key has its own allowance
    assert post(guarded, "/translate", json={**body, "api_key": KEY}).status_code == 200


def test_cors_only_for_the_given_origin(server: Served, guarded: Served) -> None:
    preflight = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    allowed = requests.options(guarded.url + "/translate", headers=preflight, timeout=30)
    assert allowed.headers.get("Access-Control-Allow-Origin") == ORIGIN
    other = requests.options(
        guarded.url + "/translate", headers={**preflight, "Origin": "https://evil.example"}, timeout=30
    )
    assert "Access-Control-Allow-Origin" not in other.headers
    plain = requests.get(server.url + "/languages", headers={"Origin": ORIGIN}, timeout=30)
    assert "Access-Control-Allow-Origin" not in plain.headers


def test_listens_on_loopback_only_by_default(server: Served) -> None:
    assert server.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "error"),
    [
        # malformed JSON, and JSON that is not an object
        (
            "POST",
            "/translate",
            {"data": b'{"q": ', "headers": {"Content-Type": "application/json"}},
            400,
            "Invalid JSON format",
        ),
        ("POST", "/translate", {"json": ["q"]}, 400, "Invalid JSON format"),
        # wrong types
        ("POST", "/translate", {"json": {"q": {"a": 1}, "source": "fr", "target": "en"}}, 400, "q must be a string"),
        (
            "POST",
            "/translate",
            {"json": {"q": "a", "source": 1, "target": "en"}},
            400,
            "source parameter must be a string",
        ),
        # missing parameters
        ("POST", "/translate", {"json": {"source": "fr", "target": "en"}}, 400, "Invalid request: missing q parameter"),
        ("POST", "/translate", {"json": {"q": "a", "source": "fr"}}, 400, "Invalid request: missing target parameter"),
        # unknown languages and formats, a target no model makes
        ("POST", "/translate", {"json": {"q": "a", "source": "fr", "target": "zz"}}, 400, "zz is not supported"),
        ("POST", "/translate", {"json": {"q": "a", "source": "xx", "target": "en"}}, 400, "xx is not supported"),
        ("POST", "/translate", {"json": {"q": "a", "source": "de", "target": "fr"}}, 400, "fr is not supported"),
        (
            "POST",
            "/translate",
            {"json": {"q": "a", "source": "fr", "target": "en", "format": "pdf"}},
            400,
            "pdf format is not supported",
        ),
        # a thread that is not one
        ("POST", "/v1/threads/translate?target=en", {"json": {"posts": 3}}, 400, "'posts' must be a list"),
        ("POST", "/v1/threads/translate", {"json": {"posts": []}}, 400, "missing target parameter"),
        # detect without text
        ("POST", "/detect", {"data": {}}, 400, "Invalid request: missing q parameter"),
        # wrong method and path
        ("POST", "/nowhere", {}, 404, "Not Found"),
        ("GET", "/translate", {}, 405, "Method Not Allowed"),
    ],
)
def test_errors_have_libretranslates_shape(
    server: Served, method: str, path: str, kwargs: dict[str, Any], status: int, error: str
) -> None:
    answer = requests.request(method, server.url + path, timeout=60, **kwargs)
    assert answer.status_code == status
    assert answer.headers["Content-Type"] == "application/json"
    assert error in answer.json()["error"]
    assert list(answer.json()) == ["error"]


def test_a_port_in_use_is_one_line(server: Served) -> None:
    port = server.url.rsplit(":", 1)[1]
    result = run_cli("serve", "--port", port, "--no-memory")
    assert result.code == 1
    assert (
        result.stderr.startswith("translator: error: cannot listen on 127.0.0.1:") and "Traceback" not in result.stderr
    )


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        # a keys file that is not there, or holds a key in clear
        (["--api-keys", "{tmp}/absent.txt"], 1, "cannot read the API keys file"),
        (["--api-keys", "{tmp}/clear.txt"], 1, "is not a hashed key"),
        # limits out of range are usage errors
        (["--batch-size", "0"], 2, "--batch-size: 0 is out of range"),
        (["--body-limit", "10"], 2, "--body-limit: 10 is out of range"),
    ],
)
def test_bad_server_settings_are_one_line(tmp_path: Path, options: list[str], code: int, message: str) -> None:
    (tmp_path / "clear.txt").write_text(KEY + "\n")
    result = run_cli("serve", "--port", "0", *(option.format(tmp=tmp_path) for option in options))
    assert result.code == code
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_hash_key_refuses_weak_keys() -> None:
    assert run_cli("serve", "--hash-key", stdin="short\n").code == 1
    line = run_cli("serve", "--hash-key", stdin=f"{KEY}\n").stdout.strip()
    assert line == "sha256:" + hashlib.sha256(KEY.encode()).hexdigest()


# --- the OpenAPI contract, fuzzed -----------------------------------------------------------------------


fuzzed = schemathesis.pytest.from_fixture("fuzzed_api")


@pytest.fixture(scope="module")
def fuzzed_api(server: Served) -> schemathesis.BaseSchema:
    """The served description, fuzzed: its edge cases (coverage phase), then a few random valid and invalid
    requests per operation; seconds in all."""
    config = schemathesis.Config.from_dict(
        {
            "phases": {"stateful": {"enabled": False}},
            "generation": {"max-examples": 6, "mode": "all"},
            # a valid-looking pair may have no model (en->de exists, de->fr does not): 400 is the answer
            "checks": {"positive_data_acceptance": {"enabled": False}},
        }
    )
    return schemathesis.openapi.from_url(server.url + "/openapi.json", config=config)


@fuzzed.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_keep_the_contract(case: schemathesis.Case[Any]) -> None:
    # no 500, only documented statuses, content types and shapes, invalid requests refused
    case.call_and_validate()
