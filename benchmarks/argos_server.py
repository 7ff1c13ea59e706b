"""The per-request translation baseline of `benchmarks/server.py`: translation as LibreTranslate does it.

`POST /translate` (a JSON object with LibreTranslate's `q`, `source`, `target`) on Starlette over uvicorn,
the HTTP stack `translator serve` runs on: each request is translated on its own by argostranslate's own
API (`argostranslate.translate.translate`, argostranslate's default settings), one request at a time in
one worker thread, off the event loop. `source=auto` is detected first with our detector (the one
`translator serve` uses, so detection costs both sides the same and the difference is the translation); a
text in a language no installed package serves is answered as it came, as `translator serve` does.
The packages are the ones in ARGOS_PACKAGES_DIR (the caller installs the demo package there). Prints
`serving on http://HOST:PORT` once it listens. Benchmark scaffolding, not part of the toolkit.
Run: python benchmarks/argos_server.py [--port 0]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def create_app() -> Any:
    """The Starlette app: one endpoint, one translation at a time."""
    import argostranslate.translate
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from translator.detect.detector import LanguageDetector

    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argos")
    detector = LanguageDetector()
    installed = {language.code for language in argostranslate.translate.get_installed_languages()}

    def translate_one(text: str, source: str, target: str) -> dict[str, Any]:
        answer: dict[str, Any] = {}
        if source == "auto":
            found = detector.detect_text(text)
            source = found.lang
            answer["detectedLanguage"] = {"confidence": round(100 * found.confidence, 1), "language": source}
        # A text in a language no package serves is given back as it is, as `translator serve` does.
        translated = argostranslate.translate.translate(text, source, target) if source in installed else text
        answer["translatedText"] = translated
        return answer

    async def translate(request: Request) -> JSONResponse:
        params = await request.json()
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(worker, translate_one, params["q"], params["source"], params["target"])
        return JSONResponse(answer)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        print(f"serving on {app.state.url}", file=sys.stderr, flush=True)
        yield
        worker.shutdown(wait=False, cancel_futures=True)

    return Starlette(routes=[Route("/translate", translate, methods=["POST"])], lifespan=lifespan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: 0, any free one)")
    args = parser.parse_args()
    import uvicorn

    from cli.serve import listening_socket

    app = create_app()
    listener = listening_socket("127.0.0.1", args.port)
    host, port = listener.getsockname()[:2]
    app.state.url = f"http://{host}:{port}"
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[listener])


if __name__ == "__main__":
    main()
