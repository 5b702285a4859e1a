"""The OpenAPI 3.1 document of the service, built from the core's function table
(``schema/api.json``: every function's parameters and result, and the JSON
Schema of every record under ``$defs``, the same as ``schema/types/*.json``).
Nothing in it is written per rule."""

from __future__ import annotations

import re
from typing import Any

from ntpc_policy.serve._table import Route, api

_REF = re.compile(r"^#/\$defs/")


def _refs(node: Any) -> Any:
    """``#/$defs/X`` → ``#/components/schemas/X``, everywhere."""
    if isinstance(node, dict):
        return {
            k: (
                _REF.sub("#/components/schemas/", v)
                if k == "$ref" and isinstance(v, str)
                else _refs(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_refs(v) for v in node]
    return node


_ERROR = {
    "type": "object",
    "description": "An error: a stable code, its parameters and the message in zh-TW and English.",
    "required": ["code", "params", "message_zh", "message_en"],
    "properties": {
        "code": {"type": "string"},
        "params": {"type": "object"},
        "message_zh": {"type": "string"},
        "message_en": {"type": "string"},
    },
}


def _error_responses(statuses: list[int]) -> dict[str, Any]:
    text = {
        400: "Bad request (not JSON, unknown query parameter)",
        401: "No or wrong bearer token",
        404: "No such endpoint",
        405: "Wrong method",
        408: "The body did not arrive within the read timeout",
        413: "Over a size limit",
        422: "Arguments the rule cannot take",
        500: "A bug",
    }
    return {
        str(s): {
            "description": text[s],
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ServiceError"}}
            },
        }
        for s in statuses
    }


def _operation(route: Route) -> dict[str, Any]:
    fn = route.fn
    params = fn["params"]
    result = _refs(fn["returns"])
    doc = fn.get("doc") or ""
    summary = doc.split("\n", 1)[0][:120]
    op: dict[str, Any] = {
        "operationId": (route.cli or "fn/" + route.fid)
        .replace("/", "_")
        .replace(".", "_")
        .replace("-", "_"),
        "summary": summary,
        "description": doc + f"\n\nCore function `{route.fid}`.",
        "tags": [route.fid.split(".", 1)[0]],
    }
    if route.file_body:
        op["parameters"] = []
        for name, (param, field, _kind) in route.query.items():
            p = next(x for x in params if x["name"] == param)
            if field is None:
                schema = _refs(p["schema"])
                required = not p["optional"] and name not in route.clock
            else:
                obj = next(
                    s["$ref"].rsplit("/", 1)[1]
                    for s in [p["schema"], *p["schema"].get("anyOf", [])]
                    if "$ref" in s
                )
                schema = _refs(api()["$defs"][obj]["properties"][field])
                required = False
            op["parameters"].append(
                {"name": name, "in": "query", "required": required, "schema": schema}
            )
        op["requestBody"] = {
            "required": True,
            "description": "The file (CSV/TSV, or JSON where the rule reads JSON), in UTF-8, "
            "UTF-16 or Big5; any content type.",
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
        ok = result
    else:
        args = {
            "type": "object",
            "properties": {p["name"]: _refs(p["schema"]) for p in params},
            "required": [
                p["name"] for p in params if not p["optional"] and p["name"] not in route.clock
            ],
        }
        item: Any = args
        if params:
            item = {"anyOf": [args, _refs(params[0]["schema"])]}
        op["requestBody"] = {
            "required": True,
            "description": "The arguments as an object (one call), or an array of them "
            f"(a batch; a bare value is `{params[0]['name'] if params else '-'}`): "
            "one record per element, in order.",
            "content": {
                "application/json": {"schema": {"anyOf": [args, {"type": "array", "items": item}]}}
            },
        }
        ok = {
            "anyOf": [
                result,
                {
                    "type": "object",
                    "required": ["records"],
                    "properties": {
                        "records": {
                            "type": "array",
                            "items": {
                                "anyOf": [
                                    {
                                        "type": "object",
                                        "required": ["input", "result"],
                                        "properties": {
                                            "input": {"type": "integer"},
                                            "result": result,
                                        },
                                    },
                                    {
                                        "type": "object",
                                        "required": ["input", "error"],
                                        "properties": {
                                            "input": {"type": "integer"},
                                            "error": {"$ref": "#/components/schemas/ServiceError"},
                                        },
                                    },
                                ]
                            },
                        }
                    },
                },
            ]
        }
    op["responses"] = {
        "200": {"description": "The result", "content": {"application/json": {"schema": ok}}},
        **_error_responses([400, 401, 408, 413, 422, 500]),
    }
    return op


def document(routes: dict[str, Route], token: bool) -> dict[str, Any]:
    from ntpc_policy import _core

    schemas = _refs(api()["$defs"])
    schemas["ServiceError"] = _ERROR
    paths: dict[str, Any] = {}
    for path, route in routes.items():
        paths[path] = {"post": _operation(route)}
    plain = {"description": "OK"}
    paths["/healthz"] = {
        "get": {
            "operationId": "healthz",
            "summary": "Liveness: the worker answers",
            "responses": {
                "200": {
                    **plain,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["status", "version"],
                                "properties": {
                                    "status": {"const": "ok"},
                                    "version": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                **_error_responses([401]),
            },
        }
    }
    paths["/metrics"] = {
        "get": {
            "operationId": "metrics",
            "summary": "Prometheus text: requests, latency histogram, errors by code",
            "responses": {
                "200": {**plain, "content": {"text/plain": {"schema": {"type": "string"}}}},
                **_error_responses([401]),
            },
        }
    }
    paths["/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": {
                "200": {**plain, "content": {"application/json": {"schema": {"type": "object"}}}},
                **_error_responses([401]),
            },
        }
    }
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "ntpc-policy",
            "version": _core.__version__,
            "description": "New Taipei City education department IT policy rules as a local "
            "JSON service. `/v1/<command>` follows the command line; `/v1/fn/<id>` is every "
            "function of the core's table.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if token:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        doc["security"] = [{"bearer": []}]
    return doc
