"""The ASGI application: LibreTranslate's endpoints and ours, access control, limits and the access log.

Endpoints: `POST /translate`, `POST /detect`, `GET /languages` (LibreTranslate's fields, answers and
errors), `POST /v1/threads/translate` (our thread JSON in, the translated thread JSON out), `GET /health`,
`GET /frontend/settings`, and the OpenAPI description at `/openapi.json` (and `/spec`). Translations go
through the micro-batcher (one worker thread); every error is `{"error": "..."}`, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from translator.errors import InputError, TranslatorError
from translator.languages import language_name
from translator.models import UNDETERMINED
from translator.server.access import ApiKey, RateLimiter, SharedRateLimiter, digest_of
from translator.server.adapter import CoreAdapter, Job, Outcome, Paragraph, TextJob, ThreadJob
from translator.server.batching import BatchPolicy, MicroBatcher
from translator.server.html import HtmlText
from translator.server.protocol import (
    ApiError,
    PlainText,
    alternatives_param,
    check_characters,
    check_pair,
    format_param,
    language_param,
    optional_text,
    parse_json,
    read_body,
    read_params,
    texts_param,
    wire_language,
)

ACCESS_LOG = logging.getLogger("translator.server.access")
NEED_KEY = "Please contact the server operator to get an API key"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """What the server allows, beyond the translation settings."""

    keys: Mapping[str, ApiKey] | None = None
    """Accepted API keys by digest (None: no key needed, any `api_key` is ignored)."""
    requests_per_minute: int = 0
    """Requests per minute per key, or per client address without keys (0: no limit)."""
    char_limit: int = 50_000
    """Characters of text per request at most (0: no limit)."""
    body_limit: int = 1_000_000
    """Bytes of request body at most."""
    cors_origins: tuple[str, ...] = ()
    """Origins browsers may call from (none: no CORS headers at all)."""
    batch: BatchPolicy = field(default_factory=BatchPolicy)
    """How requests arriving together are grouped into one translation."""
    shared_folder: str | None = None
    """A folder every process of a several-process server opens (the request rates live there); None:
    one process, state in memory."""


def create_app(adapter: CoreAdapter, settings: ServerSettings, on_ready: Callable[[], None] | None = None) -> Starlette:
    """The application over a built adapter; `on_ready` runs once models are loaded and it serves."""
    api = _Api(adapter, settings, on_ready)
    routes = [
        Route("/translate", api.translate, methods=["POST"]),
        Route("/detect", api.detect, methods=["POST"]),
        Route("/languages", api.languages, methods=["GET"]),
        Route("/v1/threads/translate", api.translate_thread, methods=["POST"]),
        Route("/health", api.health, methods=["GET"]),
        Route("/frontend/settings", api.frontend_settings, methods=["GET"]),
        Route("/openapi.json", api.openapi, methods=["GET"]),
        Route("/spec", api.openapi, methods=["GET"]),
    ]
    middleware = [Middleware(AccessLog)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Authorization"],
            )
        )
    handlers: dict[Any, Any] = {
        ApiError: _api_error,
        HTTPException: _http_error,
        TranslatorError: _translator_error,
        Exception: _internal_error,
    }
    return Starlette(routes=routes, middleware=middleware, exception_handlers=handlers, lifespan=api.lifespan)


class _Api:
    """The endpoints, with what they share: the adapter, the batcher, the limiter, the language table."""

    def __init__(self, adapter: CoreAdapter, settings: ServerSettings, on_ready: Callable[[], None] | None) -> None:
        self.adapter = adapter
        self.settings = settings
        self.on_ready = on_ready
        shared = settings.shared_folder
        self.limiter = SharedRateLimiter(Path(shared) / "rates.sqlite") if shared else RateLimiter()
        self.batcher: MicroBatcher[Job, Outcome] = MicroBatcher(adapter.run, _job_size, settings.batch)
        self.targets: dict[str, frozenset[str]] = {}
        self.language_table: list[dict[str, Any]] = []
        self.document: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        from translator import __version__
        from translator.server.openapi import openapi_document

        await anyio.to_thread.run_sync(self.adapter.warm_up)
        languages = await anyio.to_thread.run_sync(self.adapter.languages)
        self.targets = {language.code: frozenset(language.targets) for language in languages}
        self.language_table = [
            {
                "code": wire_language(language.code),
                "name": language_name(language.code),
                "targets": [wire_language(code) for code in language.targets],
            }
            for language in languages
        ]
        every_target = sorted({code for language in languages for code in language.targets})
        self.document = openapi_document(
            [entry["code"] for entry in self.language_table], [wire_language(c) for c in every_target], __version__
        )
        self.batcher.start()
        if self.on_ready is not None:
            self.on_ready()
        try:
            yield
        finally:
            await self.batcher.stop()

    async def translate(self, request: Request) -> Response:
        """LibreTranslate's `/translate`, with the glossary terms applied in `glossary`."""
        params = await read_params(request, await read_body(request, self.settings.body_limit))
        self.admit(request, optional_text(params, "api_key"))
        texts, listed = texts_param(params)
        source = language_param(params, "source", allow_auto=True)
        target = language_param(params, "target", allow_auto=False)
        markup = format_param(params) == "html"
        alternatives = alternatives_param(params)
        self.check_size(request, texts)
        assert target is not None
        check_pair(self.targets, source, target)
        documents = [HtmlText(text) if markup else PlainText.parse(text) for text in texts]
        job = TextJob(tuple(tuple(document.paragraphs) for document in documents), source, target)
        results = await self.run(request, job) if any(job.items) else [[] for _ in job.items]
        assert isinstance(results, list)
        translated = [
            document.render([paragraph.text for paragraph in paragraphs])
            for document, paragraphs in zip(documents, results, strict=True)
        ]
        glossary = [_terms(paragraphs) for paragraphs in results]
        answer: dict[str, Any] = {"translatedText": translated if listed else translated[0]}
        if source is None:
            detected = [
                _ranked(
                    (paragraph.lang, paragraph.confidence, len(text))
                    for text, paragraph in zip(items, paragraphs, strict=True)
                )[0]
                for items, paragraphs in zip(job.items, results, strict=True)
            ]
            answer["detectedLanguage"] = detected if listed else detected[0]
        if alternatives:
            answer["alternatives"] = [[] for _ in texts] if listed else []
        answer["glossary"] = glossary if listed else glossary[0]
        return JSONResponse(answer)

    async def detect(self, request: Request) -> Response:
        """LibreTranslate's `/detect`: the languages of the text, the one covering most of it first."""
        params = await read_params(request, await read_body(request, self.settings.body_limit))
        self.admit(request, optional_text(params, "api_key"))
        texts, _ = texts_param(params)
        self.check_size(request, texts)
        paragraphs = [paragraph for text in texts for paragraph in PlainText.parse(text).paragraphs]
        found = await anyio.to_thread.run_sync(self.adapter.detect, paragraphs) if paragraphs else []
        return JSONResponse(_ranked((item.lang, item.confidence, item.letters) for item in found))

    async def languages(self, request: Request) -> Response:
        """LibreTranslate's `/languages`: each source language with its targets."""
        return JSONResponse(self.language_table)

    async def translate_thread(self, request: Request) -> Response:
        """Our thread JSON in (options in the query string), the translated thread JSON out."""
        from translator.formats.json import render_json, thread_from_dict

        body = await read_body(request, self.settings.body_limit)
        params = dict(request.query_params)
        self.admit(request, optional_text(params, "api_key"))
        target = language_param(params, "target", allow_auto=False)
        source = language_param(params, "source", allow_auto=True) if params.get("source") else None
        assert target is not None
        try:
            thread = thread_from_dict(parse_json(body))
        except InputError as error:
            raise ApiError(400, f"Invalid request: {error.message}") from None
        self.check_size(request, [block.text for _, block in thread.blocks()])
        check_pair(self.targets, source, target)
        translated = await self.run(request, ThreadJob(thread, source, target))
        assert not isinstance(translated, list | TranslatorError)
        return Response(render_json(translated), media_type="application/json")

    async def health(self, request: Request) -> Response:
        """Up (models and detector loaded)."""
        return JSONResponse({"status": "ok"})

    async def frontend_settings(self, request: Request) -> Response:
        """LibreTranslate's front-end settings, for clients that read them."""
        first = self.language_table[0]["code"] if self.language_table else "en"
        return JSONResponse(
            {
                "charLimit": self.settings.char_limit or -1,
                "frontendTimeout": 500,
                "apiKeys": self.settings.keys is not None,
                "keyRequired": self.settings.keys is not None,
                "suggestions": False,
                "filesTranslation": False,
                "supportedFilesFormat": [],
                "language": {
                    "source": {"code": "auto", "name": "Auto Detect"},
                    "target": {"code": first, "name": language_name(first)},
                },
            }
        )

    async def openapi(self, request: Request) -> Response:
        """The OpenAPI description."""
        return JSONResponse(self.document)

    def admit(self, request: Request, key: str | None) -> None:
        """Check the API key (when keys are required) and the caller's request rate."""
        caller = f"client:{request.client.host if request.client else '?'}"
        name = "anonymous"
        limit = self.settings.requests_per_minute
        if self.settings.keys is not None:
            if key is None:
                raise ApiError(400, NEED_KEY)
            record = self.settings.keys.get(digest_of(key))
            if record is None:
                raise ApiError(403, "Invalid API key")
            caller, name = f"key:{record.digest}", record.name
            limit = record.requests_per_minute or limit
        request.state.caller = name
        if limit:
            wait = self.limiter.admit(caller, limit, time.monotonic())
            if wait:
                raise ApiError(429, f"Slowdown: {limit} per 1 minute", {"Retry-After": str(math.ceil(wait))})

    def check_size(self, request: Request, texts: list[str]) -> None:
        """Refuse text over the character limit; note the amount for the access log."""
        characters = sum(len(text) for text in texts)
        request.state.texts = len(texts)
        request.state.chars = characters
        check_characters(characters, self.settings.char_limit)

    async def run(self, request: Request, job: Job) -> Outcome:
        """A job's translation, batched with whatever arrives with it (the access log tells how many)."""
        try:
            batched = await self.batcher.submit(job)
        except TranslatorError as error:
            raise ApiError(500, f"Cannot translate text: {error}") from None
        request.state.batch = batched.batch_size
        return batched.result


def _job_size(job: Job) -> int:
    if isinstance(job, TextJob):
        return sum(len(paragraph) for paragraphs in job.items for paragraph in paragraphs)
    return sum(len(block.text) for _, block in job.thread.blocks())


def _terms(paragraphs: list[Paragraph]) -> list[dict[str, str]]:
    """The glossary terms applied in one text, each once, in order."""
    seen = dict.fromkeys(term for paragraph in paragraphs for term in paragraph.terms)
    return [{"source": source, "target": target} for source, target in seen]


def _ranked(found: Iterable[tuple[str, float, int]]) -> list[dict[str, Any]]:
    """Languages with their confidence (0-100, weighted by text length), the one covering most text first;
    `und` with confidence 0 when no text has a language."""
    amount: dict[str, int] = {}
    weighted: dict[str, float] = {}
    for lang, confidence, size in found:
        if lang == UNDETERMINED or size <= 0:
            continue
        amount[lang] = amount.get(lang, 0) + size
        weighted[lang] = weighted.get(lang, 0.0) + confidence * size
    if not amount:
        return [{"confidence": 0.0, "language": UNDETERMINED}]
    order = sorted(amount, key=lambda lang: -amount[lang])
    return [
        {"confidence": round(100 * weighted[lang] / amount[lang], 1), "language": wire_language(lang)} for lang in order
    ]


async def _api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return JSONResponse({"error": error.message}, status_code=error.status, headers=error.headers)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return JSONResponse({"error": str(error.detail)}, status_code=error.status_code, headers=error.headers)


async def _translator_error(request: Request, error: Exception) -> Response:
    return JSONResponse({"error": f"Cannot translate text: {error}"}, status_code=500)


async def _internal_error(request: Request, error: Exception) -> Response:
    # The traceback goes to the server log (uvicorn logs the exception), never to the client.
    return JSONResponse({"error": "Internal error: see the server log"}, status_code=500)


class AccessLog:
    """One JSON line per request: time, client, method, path (no query string), status, duration, caller
    name, the amount of text and how many requests shared its engine call; never the text, nor the key."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            if ACCESS_LOG.isEnabledFor(logging.INFO):
                state = scope.get("state") or {}
                client = scope.get("client")
                record = {
                    "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "client": client[0] if client else None,
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status,
                    "ms": round(1000 * (time.perf_counter() - started), 1),
                    "caller": state.get("caller"),
                    "texts": state.get("texts"),
                    "chars": state.get("chars"),
                    "batch": state.get("batch"),
                }
                ACCESS_LOG.info(json.dumps(record, ensure_ascii=True))
