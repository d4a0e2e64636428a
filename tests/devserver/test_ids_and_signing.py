"""Ids that sort in creation order, tenants of tokens, and signed URLs (pure, no server)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext.devserver.ids import (
    OCTOAI_TENANT,
    IdMaker,
    decode_id,
    encode_id,
    tenant_of_token,
)
from octoai_ext.devserver.signing import UrlProblem, check_signature, signed_query

NOW = 1_714_557_600.0  # 2024-05-01T10:00:00Z
KEY = b"k" * 32


@given(st.integers(0, 2**48 - 1), st.integers(0, 2**80 - 1))
def test_ids_round_trip(milliseconds: int, entropy: int) -> None:
    identifier = encode_id("asset", milliseconds, entropy)
    assert re.fullmatch(r"asset_[0-9a-hjkmnp-tv-z]{26}", identifier)
    assert decode_id(identifier) == ("asset", milliseconds, entropy)


def test_ids_look_like_octoai_ids() -> None:
    # OctoAI's documented id decodes as a ULID of late 2023.
    _, milliseconds, _ = decode_id("asset_01hf3a2qw7ek6vshbhd9c9yywd")
    assert 1_699_000_000_000 < milliseconds < 1_701_000_000_000
    assert IdMaker().new("asset", NOW).startswith("asset_01h")


@pytest.mark.parametrize(
    "bad", ["asset_", "asset_01hf3a2qw7ek6vshbhd9c9yyw", "asset_01hf3a2qw7ek6vshbhd9c9yywu", "x"]
)
def test_malformed_ids_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not an id"):
        decode_id(bad)


def test_ids_sort_in_creation_order_within_a_millisecond_and_when_the_clock_goes_back() -> None:
    maker = IdMaker(random_bits=lambda bits: 2 ** (bits - 1) - 5)
    made = [maker.new("asset", NOW) for _ in range(20)]
    made.append(maker.new("tune", NOW - 60))  # a clock that jumped back
    made.append(maker.new("asset", NOW + 1))
    bodies = [identifier.rpartition("_")[2] for identifier in made]
    assert bodies == sorted(bodies)
    assert len(set(bodies)) == len(bodies)


def test_ids_made_after_a_restart_sort_after_the_earlier_ones() -> None:
    earlier = IdMaker().new("asset", NOW + 3600)
    later = IdMaker(last=earlier).new("asset", NOW)  # the new run's clock is behind
    assert later.rpartition("_")[2] > earlier.rpartition("_")[2]


def test_tenants_are_stable_per_token_and_distinct() -> None:
    assert tenant_of_token("a") == tenant_of_token("a")
    assert len({tenant_of_token("a"), tenant_of_token("b"), OCTOAI_TENANT}) == 3


def _query(method: str, path: str, expires: int) -> dict[str, str]:
    return dict(part.split("=", 1) for part in signed_query(KEY, method, path, expires).split("&"))


def test_a_signed_url_is_accepted_until_it_expires() -> None:
    query = _query("PUT", "/_objects/asset_1", int(NOW) + 60)
    check_signature(KEY, "PUT", "/_objects/asset_1", query, NOW)
    check_signature(KEY, "PUT", "/_objects/asset_1", query, NOW + 59.9)
    with pytest.raises(UrlProblem, match="expired"):
        check_signature(KEY, "PUT", "/_objects/asset_1", query, NOW + 60)


def test_a_get_signature_serves_head_but_not_put() -> None:
    query = _query("GET", "/_objects/asset_1", int(NOW) + 60)
    check_signature(KEY, "HEAD", "/_objects/asset_1", query, NOW)
    with pytest.raises(UrlProblem, match="does not match"):
        check_signature(KEY, "PUT", "/_objects/asset_1", query, NOW)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda q: {**q, "signature": q["signature"][:-1] + "0"}, "does not match"),
        (lambda q: {**q, "expires": str(int(q["expires"]) + 3600)}, "does not match"),
        (lambda q: {"expires": q["expires"]}, "not signed"),
        (lambda q: {**q, "expires": "soon"}, "not a number"),
    ],
)
def test_tampered_urls_are_refused(change, message: str) -> None:
    query = change(_query("PUT", "/_objects/asset_1", int(NOW) + 60))
    with pytest.raises(UrlProblem, match=message):
        check_signature(KEY, "PUT", "/_objects/asset_1", query, NOW)


def test_a_signature_covers_the_path_and_the_key() -> None:
    query = _query("PUT", "/_objects/asset_1", int(NOW) + 60)
    with pytest.raises(UrlProblem):
        check_signature(KEY, "PUT", "/_objects/asset_2", query, NOW)
    with pytest.raises(UrlProblem):
        check_signature(b"other", "PUT", "/_objects/asset_1", query, NOW)
