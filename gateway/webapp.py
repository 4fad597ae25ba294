"""The built web app (`web/dist`), served at `/` for every GET the API's routes do not answer.

Client routes (`/households/42`) fall back to `index.html`; hashed files under `/assets/` are cached
for a year, everything else (index.html, the service worker, the manifest) is revalidated on each
use, so an update reaches the phone on its next load. Text files (JS, CSS, HTML, SVG, the
manifest) go gzipped to a client that accepts it: a third of the bytes over a phone's 3G. Every
answer carries a strict Content-Security-Policy: no inline script, nothing from another origin.
Without a build the gateway still starts and says how to build the app.
"""

from __future__ import annotations

import gzip
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Any

from werkzeug.security import safe_join
from werkzeug.wrappers import Response

from gateway.problems import problem_response

DEFAULT_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
API_PREFIXES = ("/api/", "/docs", "/openapi.json", "/health", "/metrics")
LONG_CACHE = "public, max-age=31536000, immutable"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
COMPRESSIBLE = frozenset({".js", ".css", ".html", ".svg", ".webmanifest", ".json"})
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class WebApp:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> WebApp:
        return cls(Path(str(config.get("WEB_DIST") or DEFAULT_DIST)))

    @staticmethod
    def serves(method: str, path: str) -> bool:
        """Is this a request for the app rather than for the API?"""
        return method in ("GET", "HEAD") and not path.startswith(API_PREFIXES)

    def response(self, path: str, gzip_accepted: bool = False) -> Response:
        index = self.root / "index.html"
        if not index.is_file():
            return problem_response(
                503,
                "Web app not built",
                "the web app is not built: run `make run`, or `cd web && npm ci && npm run build`",
            )
        found = self._file(path)
        if found is not None:
            return self._file_response(found, path, gzip_accepted)
        if _looks_like_a_file(path):
            return problem_response(404, "Not Found", f"no file {path}")
        return self._file_response(index, "/index.html", gzip_accepted)

    def _file(self, path: str) -> Path | None:
        joined = safe_join(str(self.root), path.lstrip("/"))
        if joined is None or path in ("", "/"):
            return None
        candidate = Path(joined)
        return candidate if candidate.is_file() else None

    def _file_response(self, file: Path, path: str, gzip_accepted: bool) -> Response:
        mime = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix == ".webmanifest":
            mime = "application/manifest+json"
        compressible = file.suffix in COMPRESSIBLE
        stat = file.stat()
        if compressible and gzip_accepted:
            response = Response(_gzipped(str(file), stat.st_mtime_ns, stat.st_size), mimetype=mime)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = Response(file.read_bytes(), mimetype=mime)
        if compressible:
            response.headers["Vary"] = "Accept-Encoding"
        cached = path.startswith("/assets/")
        response.headers["Cache-Control"] = LONG_CACHE if cached else "no-cache"
        response.headers.update(SECURITY_HEADERS)
        return response


@lru_cache(maxsize=64)
def _gzipped(file: str, mtime_ns: int, size: int) -> bytes:
    """A file's gzip, made once per version of the file (its time and size are in the key)."""
    return gzip.compress(Path(file).read_bytes(), compresslevel=6, mtime=0)


def _looks_like_a_file(path: str) -> bool:
    """`/assets/x.js` or `/icon.png` that is missing is a 404, never the app's page."""
    return path.startswith("/assets/") or "." in path.rsplit("/", 1)[-1]
