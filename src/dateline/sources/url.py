"""http(s) URLs, fetched with httpx: time limits, a size cap, checked redirects, a clear User-Agent.

Redirects are followed here, one hop at a time, so that each hop's address goes
through the same private-range check (netguard) as the first. The body is read
as a stream and reading stops at the size cap. httpx undoes gzip, deflate and
brotli (the ``brotli`` package); the charset is left to the decoder, which reads
it from the Content-Type header passed on the RawDoc and from the page itself.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType

import httpx

from ..config import settings
from ..errors import InputTooLarge, SourceError
from .base import RawDoc, is_url
from .decompress import decoded
from .netguard import BlockedAddress, GuardedTransport, UnresolvedHost, networks

ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


def user_agent() -> str:
    """'dateline/<version>', plus the contact an operator sets in DATELINE_CONTACT (a URL or an e-mail)."""
    try:
        ours = version("dateline")
    except PackageNotFoundError:
        ours = "dev"
    contact = os.environ.get("DATELINE_CONTACT", "").strip()
    return f"dateline/{ours} (news extraction{'; +' + contact if contact else ''})"


class Fetcher:
    """Fetch pages one at a time over one connection pool. Use as a context manager, or call close()."""

    def __init__(
        self,
        *,
        max_bytes: int,
        allow_private: bool = False,
        trusted_networks: Sequence[str] = (),
        timeout: float = 20.0,
        deadline: float | None = None,
        max_redirects: int = 10,
    ) -> None:
        """``trusted_networks`` (CIDR blocks) may be reached even when private, e.g. one local server.
        ``deadline``: seconds for a whole download (default ``settings.fetch_deadline``)."""
        self.max_bytes = max_bytes
        self.deadline = settings.fetch_deadline if deadline is None else deadline
        self.max_redirects = max_redirects
        self.client = httpx.Client(
            transport=GuardedTransport(allow_private=allow_private, trusted=networks(trusted_networks)),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
            headers={"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate, br"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, *, source: str | None = None) -> RawDoc:
        """The page at ``url`` (after redirects) as a RawDoc, or a SourceError saying why not."""
        with self.open(url, source=source) as response:
            return self.document(response, source or url)

    @contextmanager
    def open(self, url: str, *, source: str | None = None) -> Iterator[httpx.Response]:
        """The response at ``url`` after redirects, its body not yet read. Errors while opening or
        reading it inside the block come out as SourceError (BlockedAddress for a refused address)."""
        source = source or url
        current = url
        try:
            for _hop in range(self.max_redirects + 1):
                if not is_url(current):
                    raise SourceError(f"{source}: redirected to {current!r}, which is not an http(s) URL")
                with self.client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise SourceError(f"{source}: HTTP {response.status_code} redirect without a Location")
                        current = str(response.url.join(location))
                        continue
                    if response.status_code >= 400:
                        raise SourceError(f"{source}: HTTP {response.status_code} {response.reason_phrase} from {current}")
                    yield response
                    return
        except (BlockedAddress, UnresolvedHost) as exc:
            where = "" if current == url else f" (redirected to {current})"
            raise type(exc)(f"{source}{where}: {exc}") from None
        except httpx.InvalidURL as exc:  # not an HTTPError: a bad Location or a malformed URL
            raise SourceError(f"{source}: {current!r} is not a valid URL ({exc})") from None
        except httpx.TimeoutException:
            raise SourceError(f"{source}: timed out fetching {current}") from None
        except httpx.HTTPError as exc:
            raise SourceError(f"{source}: cannot fetch {current} ({type(exc).__name__}: {exc})") from None
        raise SourceError(f"{source}: more than {self.max_redirects} redirects")

    def body(self, response: httpx.Response, source: str) -> Iterator[bytes]:
        """The response body with its Content-Encoding (gzip, deflate, br) undone in bounded steps,
        within the deadline from the first byte asked for.

        httpx's own decoding expands each network read whole, which a compression bomb turns into
        hundreds of MB at once; here no step yields more than decompress.STEP bytes. The read timeout
        bounds the wait for each read; the deadline bounds them all (a body that drips one byte at a
        time never trips the first).
        """
        return decoded(self._within_deadline(response.iter_raw(), source),
                       response.headers.get("content-encoding", ""), source)

    def _within_deadline(self, chunks: Iterator[bytes], source: str) -> Iterator[bytes]:
        started = time.monotonic()
        for chunk in chunks:
            if time.monotonic() - started > self.deadline:
                raise SourceError(f"{source}: still downloading after {self.deadline:g} s; stopped")
            yield chunk

    def document(self, response: httpx.Response, source: str, head: bytes = b"",
                 rest: Iterator[bytes] | None = None) -> RawDoc:
        """Read one page from ``response`` (``head`` already read, then ``rest``), up to the size cap and
        within the time limit."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise InputTooLarge(f"{source}: {int(declared):,} bytes is over the limit of {self.max_bytes:,} (raise --max-bytes)")
        chunks: list[bytes] = [head]
        size = len(head)
        for chunk in self.body(response, source) if rest is None else rest:
            size += len(chunk)
            if size > self.max_bytes:
                raise InputTooLarge(f"{source}: over the limit of {self.max_bytes:,} bytes (raise --max-bytes); stopped reading")
            chunks.append(chunk)
        return RawDoc(
            source=source,
            data=b"".join(chunks),
            url=str(response.url),
            fetched=datetime.now(UTC),
            content_type=response.headers.get("content-type"),
        )
