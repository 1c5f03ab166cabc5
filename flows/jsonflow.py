"""`json_flow`: Prefect's `@flow`, with parameters turned into JSON by pydantic instead of FastAPI.

Prefect stores a flow run's parameters as JSON, and to make it imports FastAPI for its `jsonable_encoder`: 0.4 s
of every run's start (more than the whole run with nothing new does at 10^6 articles). newsetl's flow
parameters are plain values (strings, lists, dates, numbers, a dict of options), which pydantic's own
`to_jsonable_python` turns into the same JSON; a value it cannot encode is stored as `<TypeName>`, as Prefect
does.
"""

from typing import Any

from prefect import Flow
from pydantic_core import to_jsonable_python


class JsonFlow(Flow):
    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in parameters.items():
            try:
                out[key] = to_jsonable_python(value)
            except Exception:  # as Prefect: the run goes on, the backend gets a placeholder
                out[key] = f"<{type(value).__name__}>"
        return out


def json_flow(**options):
    """`@json_flow(name=...)` as `@flow(name=...)`."""

    def decorate(fn):
        return JsonFlow(fn=fn, **options)

    return decorate
