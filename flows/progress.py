"""Progress for people: the CLI installs a bar; flows report to it. A no-op when nobody listens."""

from collections.abc import Callable

_listener: dict[str, Callable] = {}


def listen(start: Callable[[int], None], advance: Callable[[int], None], finish: Callable[[], None]) -> None:
    _listener.update(start=start, advance=advance, finish=finish)


def stop_listening() -> None:
    _listener.clear()


def start(total: int) -> None:
    if fn := _listener.get("start"):
        fn(total)


def advance(n: int) -> None:
    if fn := _listener.get("advance"):
        fn(n)


def finish() -> None:
    if fn := _listener.get("finish"):
        fn()
