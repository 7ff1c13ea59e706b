"""`translator serve`: the LibreTranslate-compatible HTTP API, and `--hash-key` for its keys file."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
from typing import TYPE_CHECKING

from cli.options import add_resource_options, bounded_int, job_settings, warn
from translator.errors import TranslatorError

if TYPE_CHECKING:
    import socket

    from translator.server.app import ServerSettings

DEFAULT_PORT = 5000
"""LibreTranslate's port, so a client's default configuration finds us."""


def add_serve_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`serve`."""
    serve = commands.add_parser(
        "serve",
        help="serve the LibreTranslate HTTP API (plus glossary terms, per-paragraph detection, threads)",
        description="Translate over HTTP with LibreTranslate's API (POST /translate, /detect, GET /languages) "
        "and POST /v1/threads/translate for thread JSON; OpenAPI description at /openapi.json. Listens on "
        "127.0.0.1 only unless --host says otherwise.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    serve.add_argument(
        "--port", type=bounded_int(0, 65535), default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0: any free)"
    )
    serve.add_argument("--api-keys", metavar="FILE", help="require an API key listed (hashed) in FILE")
    serve.add_argument(
        "--hash-key", action="store_true", help="read an API key on stdin, print its line for the --api-keys file"
    )
    serve.add_argument(
        "--rate-limit",
        type=bounded_int(0, 1_000_000),
        default=0,
        metavar="N",
        help="requests per minute per API key (per client address without keys); 0: no limit (default)",
    )
    serve.add_argument(
        "--char-limit",
        type=bounded_int(0, 100_000_000),
        metavar="N",
        default=50_000,
        help="characters of text per request (default: 50000; 0: no limit)",
    )
    serve.add_argument(
        "--body-limit",
        type=bounded_int(1024, 1 << 31),
        metavar="BYTES",
        default=1_000_000,
        help="bytes of request body (default: 1000000)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let web pages from ORIGIN call the API (repeatable; default: no CORS)",
    )
    serve.add_argument(
        "--batch-wait",
        type=bounded_int(0, 1000),
        default=4,
        metavar="MS",
        help="when requests come together, milliseconds one may wait for others to share its engine call (default: 4)",
    )
    serve.add_argument(
        "--batch-size",
        type=bounded_int(1, 4096),
        default=64,
        metavar="N",
        help="requests per engine call at most (default: 64; 1 translates each request on its own)",
    )
    serve.add_argument("--no-access-log", action="store_true", help="do not log requests on stderr")
    add_resource_options(serve)
    # `serve` takes the target and source per request; these fill the settings shared with `translate`.
    serve.set_defaults(handler=run_serve, target="en", source="auto", formats="json", format=None, side_by_side=False)


def run_serve(args: argparse.Namespace) -> int:
    """`translator serve`: build the models' holder, listen, serve until Ctrl+C or SIGTERM."""
    if args.hash_key:
        return print_key_lines()
    settings = server_settings(args)
    from translator.server.adapter import CoreAdapter

    adapter = CoreAdapter(job_settings(args, "json"))
    listener = listening_socket(args.host, args.port)
    host, port = listener.getsockname()[:2]
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    if not _is_loopback(host) and settings.keys is None:
        warn(f"listening on {host} without --api-keys: anyone who reaches this address can use the server")

    def ready() -> None:
        print(f"translator: serving on {url} (Ctrl+C to stop)", file=sys.stderr, flush=True)

    from translator.server.app import create_app

    app = create_app(adapter, settings, on_ready=ready)
    _set_up_logging(access_log=not args.no_access_log)
    import uvicorn

    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    # uvicorn shuts down gracefully on SIGINT and SIGTERM, then raises the signal again for the handler it
    # found: this one makes a requested stop exit 0 either way (the default would end the process by SIGTERM).
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        server.run(sockets=[listener])
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not server.started:
        raise TranslatorError("the server could not start", "see the messages above")
    print("translator: stopped", file=sys.stderr, flush=True)
    return 0


def server_settings(args: argparse.Namespace) -> ServerSettings:
    """The server settings of the options, validated."""
    from pathlib import Path

    from translator.server.access import read_keys
    from translator.server.app import ServerSettings
    from translator.server.batching import BatchPolicy

    return ServerSettings(
        keys=read_keys(Path(args.api_keys)) if args.api_keys else None,
        requests_per_minute=args.rate_limit,
        char_limit=args.char_limit,
        body_limit=args.body_limit,
        cors_origins=tuple(args.cors_origin),
        batch=BatchPolicy(max_wait=args.batch_wait / 1000, max_jobs=args.batch_size),
    )


def print_key_lines() -> int:
    """`--hash-key`: each key read on stdin (one per line, or typed unseen) as its keys-file line."""
    from translator.server.access import hash_key

    if sys.stdin.isatty():
        import getpass

        keys = [getpass.getpass("API key (not shown): ")]
    else:
        keys = [line for line in sys.stdin.read().splitlines() if line.strip()]
    if not keys:
        raise TranslatorError("no API key on stdin", "e.g. echo KEY | translator serve --hash-key >> keys.txt")
    for key in keys:
        print(hash_key(key))
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and listening (port 0: a free one), or a one-line error."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listener = socket.socket(family, kind, proto)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(1024)
    except OSError as error:
        raise TranslatorError(
            f"cannot listen on {host}:{port}: {error.strerror or error}", "choose another --port or --host"
        ) from None
    return listener


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _set_up_logging(access_log: bool) -> None:
    """Access lines (JSON) and server errors on stderr; uvicorn's start-up chatter stays quiet."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("translator.server.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO if access_log else logging.WARNING)
    access.propagate = False
    errors = logging.StreamHandler(sys.stderr)
    errors.setFormatter(logging.Formatter("translator: server %(levelname)s: %(message)s"))
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.addHandler(errors)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
