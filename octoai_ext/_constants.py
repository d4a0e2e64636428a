"""Defaults and limits shared by the clients, the command line and the development server."""

from __future__ import annotations

from typing import Final

#: Environment variables read for the token, in order of preference.
TOKEN_ENV_VARS: Final = ("OCTOAI_TOKEN", "OCTOAI_API_KEY")
#: Environment variable that points every service at one host (for example the devserver).
BASE_URL_ENV_VAR: Final = "OCTOAI_BASE_URL"

#: Public service hosts.
TEXT_GEN_URL: Final = "https://text.octoai.run"
IMAGE_URL: Final = "https://image.octoai.run"
ASYNC_URL: Final = "https://async.octoai.run"
PLATFORM_URL: Final = "https://api.octoai.cloud"
#: SecureLink twins of the public hosts.
SECURE_TEXT_GEN_URL: Final = "https://text.securelink.octo.ai"
SECURE_IMAGE_URL: Final = "https://image.securelink.octo.ai"
SECURE_ASYNC_URL: Final = "https://async.securelink.octoai.run"
SECURE_PLATFORM_URL: Final = "https://api.securelink.octo.ai"

#: Header that queues an inference instead of waiting for it.
ASYNC_HEADER: Final = "X-OctoAI-Async"
#: Response header carrying the id of a request, to quote in bug reports.
REQUEST_ID_HEADER: Final = "X-User-Request-ID"
#: Where answers carry a request id, in order: OctoAI's header, then the ones other
#: OpenAI-compatible servers send (OpenAI and most proxies, then LiteLLM's call id).
REQUEST_ID_HEADERS: Final = (REQUEST_ID_HEADER, "x-request-id", "x-litellm-call-id")

#: Asynchronous inference request bodies above this many bytes are refused (413).
MAX_ASYNC_REQUEST_BYTES: Final = 10 * 1024 * 1024
#: How long the service keeps asynchronous outputs, in seconds.
ASYNC_RESULT_RETENTION_SECONDS: Final = 24 * 60 * 60

#: Connect quickly, but let a cold-starting model take its time to answer.
DEFAULT_CONNECT_TIMEOUT: Final = 10.0
DEFAULT_READ_TIMEOUT: Final = 600.0
DEFAULT_WRITE_TIMEOUT: Final = 60.0
DEFAULT_POOL_TIMEOUT: Final = 60.0
#: A stream that sends nothing for this long is considered dead.
DEFAULT_STREAM_IDLE_TIMEOUT: Final = 300.0

#: Retries after the first attempt, per call.
DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
#: A Retry-After longer than this is not waited for; the error is raised instead.
MAX_RETRY_AFTER: Final = 60.0

#: Polling of asynchronous inferences: first interval, growth and cap.
POLL_INITIAL_INTERVAL: Final = 0.5
POLL_MULTIPLIER: Final = 1.5
POLL_MAX_INTERVAL: Final = 5.0

#: Health checks wait through a cold start for up to 15 minutes, checking every second.
HEALTH_CHECK_TIMEOUT: Final = 900.0
HEALTH_CHECK_INTERVAL: Final = 1.0
