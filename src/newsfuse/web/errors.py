"""One error shape for every error the app returns.

``{"error": {"code": "not_found", "status": 404, "message": "...", "details": [...]}}``:
``code`` is a stable machine word, ``message`` a sentence for people, ``details`` (only for
validation errors) says which field is wrong. HTML pages get the same code and message as a
page when the browser asks for HTML.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.errors import StoreError

LOG = logging.getLogger("newsfuse.web")

CODES: dict[int, str] = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    409: "not_ready",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    503: "store_unavailable",
}

HtmlErrorPage = Callable[[Request, int, str, str], Response]


class ApiError(Exception):
    """An error to send as the one error shape."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None,
        details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status) or _phrase(status)
        self.message = message
        self.details = details
        self.headers = headers


def error_body(status: int, code: str, message: str, details: list[Any] | None = None) -> dict:
    """The error shape as a dict."""
    error: dict[str, Any] = {"code": code, "status": status, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def error_response(
    request: Request, error: ApiError, html_page: HtmlErrorPage | None = None
) -> Response:
    """JSON, or the HTML page when the path is a page (not /api, not .json) and HTML is wanted."""
    response: Response | None = None
    if html_page is not None and wants_html(request):
        try:
            response = html_page(request, error.status, error.code, error.message)
        except Exception:  # an error page must never fail: the JSON shape then
            LOG.exception("cannot render the error page")
    if response is None:
        body = error_body(error.status, error.code, error.message, error.details)
        response = JSONResponse(body, status_code=error.status)
    for key, value in (error.headers or {}).items():
        response.headers[key] = value
    return response


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path.startswith("/static/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI, html_page: HtmlErrorPage | None = None) -> None:
    """Route every exception the app can meet through :func:`error_response`."""

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(request, exc, html_page)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else _phrase(exc.status_code)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        headers = dict(exc.headers or {})
        return error_response(request, ApiError(exc.status_code, message, headers=headers),
                              html_page)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [_detail(item) for item in exc.errors()]
        message = "; ".join(f"{d['field']}: {d['problem']}" for d in details) or "invalid request"
        return error_response(request, ApiError(422, message, details=details), html_page)

    async def on_store(request: Request, exc: Exception) -> Response:
        LOG.warning("store error on %s: %s", request.url.path, exc)
        headers = {"Retry-After": "5"}
        error = ApiError(503, f"the store cannot serve this now: {exc}", headers=headers)
        return error_response(request, error, html_page)

    async def on_crash(request: Request, exc: Exception) -> Response:
        LOG.exception("internal error on %s", request.url.path)
        error = ApiError(500, "internal error: a bug in newsfuse, please report it")
        return error_response(request, error, html_page)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StoreError, on_store)
    app.add_exception_handler(Exception, on_crash)


def _detail(item: Any) -> dict[str, str]:
    if item.get("type") == "json_invalid":
        reason = (item.get("ctx") or {}).get("error", "")
        return {"field": "body", "problem": f"not valid JSON ({reason})".replace(" ()", "")}
    location = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(location) or str(item.get("loc", ("request",))[0])
    problem = str(item.get("msg", "invalid")).removeprefix("Value error, ")
    return {"field": field, "problem": problem}


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_")
    except ValueError:
        return "error"
