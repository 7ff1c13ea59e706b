"""`translator serve`: the LibreTranslate-compatible HTTP API, and `--hash-key` for its keys file."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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
        help="when requests come together, milliseconds a batch waits for the next of the others to share its engine "
        "call (at most 4 times this in all; default: 4)",
    )
    serve.add_argument(
        "--batch-size",
        type=bounded_int(1, 4096),
        default=64,
        metavar="N",
        help="requests per engine call at most (default: 64; 1 translates each request on its own)",
    )
    serve.add_argument(
        "--workers",
        type=bounded_int(1, 64),
        default=1,
        metavar="N",
        help="server processes sharing the port, each with its own models and batches (default: 1). One "
        "process runs one batch at a time (pipeline and engine call), which caps it at a few hundred "
        "requests/s; on a GPU or many cores, more processes serve more. Rate limits hold for all of them "
        "together; on the CPU the cores are shared out among them unless --threads says otherwise",
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
    if args.workers > 1:
        listener = listening_socket(args.host, args.port)
        _warn_if_open(listener, settings)
        return serve_in_processes(args, listener)
    from translator.server.adapter import CoreAdapter

    adapter = CoreAdapter(job_settings(args, "json"))
    listener = listening_socket(args.host, args.port)
    url = _warn_if_open(listener, settings)

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


def _warn_if_open(listener: socket.socket, settings: ServerSettings) -> str:
    """The URL the listener serves at, after a warning when it is reachable from elsewhere without keys."""
    host = listener.getsockname()[0]
    if not _is_loopback(host) and settings.keys is None:
        warn(f"listening on {host} without --api-keys: anyone who reaches this address can use the server")
    return _url_of(listener)


def serve_in_processes(args: argparse.Namespace, listener: socket.socket) -> int:
    """`serve --workers N`: N processes accept on one listening socket, each with its own models and
    micro-batcher (one process runs one batch at a time, which limits a GPU's throughput); this one starts them,
    says where it serves once all are ready, starts a new one for any that dies, and stops them all on
    Ctrl+C or SIGTERM (exit 0). Their request rates are counted together in a shared SQLite file."""
    import multiprocessing
    import tempfile
    import time

    if args.threads == 0 and args.device == "cpu":
        from translator.engine.argos import cpu_cores

        args.threads = max(1, cpu_cores() // args.workers)  # the cores shared out, not each taking them all
    url = _url_of(listener)
    # spawn, not fork: a fork copies whatever threads and locks the parent holds.
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    with tempfile.TemporaryDirectory(prefix="translator-serve-") as shared:

        def start() -> multiprocessing.process.BaseProcess:
            process = context.Process(
                target=serve_one_process, args=(args, listener, shared, messages), name="translator-serve", daemon=True
            )
            process.start()
            return process

        processes = [start() for _ in range(args.workers)]
        try:
            _wait_until_ready(processes, messages, lambda: stopping)
            if not stopping:
                print(
                    f"translator: serving on {url} with {args.workers} processes (Ctrl+C to stop)",
                    file=sys.stderr,
                    flush=True,
                )
            endings: list[float] = []
            while not stopping:
                time.sleep(0.2)
                _drain(messages)
                for index, process in enumerate(processes):
                    if not process.is_alive() and not stopping:
                        # Processes that keep ending (a model that no longer loads, memory running out) are
                        # not started for ever: past three per process in a minute, the server stops.
                        endings = [when for when in endings if when > time.monotonic() - 60] + [time.monotonic()]
                        if len(endings) > 3 * args.workers:
                            raise TranslatorError(
                                f"server processes ended {len(endings)} times in a minute (the last, {process.pid}, "
                                f"with exit code {process.exitcode})",
                                "see the messages above",
                            )
                        warn(f"server process {process.pid} ended (exit code {process.exitcode}); starting another")
                        processes[index] = start()
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            _stop_processes(processes)
    print("translator: stopped", file=sys.stderr, flush=True)
    return 0


def _url_of(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _wait_until_ready(processes: list[Any], messages: Any, stopping: Callable[[], bool]) -> None:
    """Wait for every process's ready message; a process's start-up error (or death) is this one's."""
    import queue

    ready: set[int] = set()
    while len(ready) < len(processes) and not stopping():
        try:
            kind, pid, text = messages.get(timeout=0.2)
        except queue.Empty:
            dead = [process for process in processes if not process.is_alive() and process.pid not in ready]
            if dead:
                raise TranslatorError(
                    f"server process {dead[0].pid} ended while starting (exit code {dead[0].exitcode})",
                    "see the messages above",
                ) from None
            continue
        if kind == "error":
            raise TranslatorError(text)
        ready.add(pid)


def _drain(messages: Any) -> None:
    """Read what started processes said (a replacement's ready or start-up error); an error is a warning."""
    import queue

    while True:
        try:
            kind, pid, text = messages.get_nowait()
        except queue.Empty:
            return
        if kind == "error":
            warn(f"server process {pid} could not start: {text}")


def _stop_processes(processes: list[Any]) -> None:
    """SIGTERM to each (a graceful stop: requests in flight are answered), SIGKILL to any still running
    10 s later (one still loading its models finishes that first)."""
    import time

    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + 10
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


def serve_one_process(args: argparse.Namespace, listener: socket.socket, shared: str, messages: Any) -> None:
    """One process of `serve --workers N` (the target of a spawned process): the app on the shared
    socket; it tells the parent when it is ready, or why it could not start. Ctrl+C reaches the parent,
    which stops it with SIGTERM."""
    import dataclasses
    import os

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        settings = dataclasses.replace(server_settings(args), shared_folder=shared)
        from translator.server.adapter import CoreAdapter
        from translator.server.app import create_app

        adapter = CoreAdapter(job_settings(args, "json"))
        app = create_app(adapter, settings, on_ready=lambda: messages.put(("ready", os.getpid(), "")))
    except TranslatorError as error:
        messages.put(("error", os.getpid(), str(error)))
        return
    _set_up_logging(access_log=not args.no_access_log)
    import uvicorn

    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=5)
    # uvicorn stops gracefully on SIGTERM, then raises it again: this process ends by it, as the parent
    # asked (a SIGTERM before uvicorn runs ends it at once).
    uvicorn.Server(config).run(sockets=[listener])


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
