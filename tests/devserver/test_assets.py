"""The asset library over real HTTP: every operation, its errors, lists and paging."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.ids import tenant_of_token

from .platform import (
    ASSET_READY,
    PNG,
    SDXL,
    SSD,
    advance,
    asset_status,
    client,
    create,
    ready_asset,
    unique,
    upload,
    weights,
)


def test_octoai_public_assets_exist_from_the_start(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        listed = http.get("/v1/assets", params={"is_public": "true", "owner": "octoai"}).json()
        default = http.get("/v1/assets/octoai:default-sdxl").json()
    names = {asset["name"]: asset for asset in listed["data"]}
    assert {"default-sdxl", "default-ssd", "default-sd15", "crayon-style"} <= set(names)
    asset = default["asset"]
    assert asset["asset_type"] == "checkpoint" and asset["status"] == "ready"
    assert asset["data"]["engine"] == SDXL and asset["is_public"] is True
    assert names["crayon-style"]["data"]["asset_type"] == "lora"
    download = httpx.get(default["transfer_api"]["get_url"])
    assert download.status_code == 200 and len(download.content) == asset["size_bytes"] > 0


def test_create_answers_a_presigned_upload(platform_server: DevServer) -> None:
    name = unique("origami")
    with client(platform_server) as http:
        created = http.post(
            "/v1/assets",
            json={
                "asset_type": "lora",
                "name": name,
                "data": {"asset_type": "lora", "engine": SDXL, "trigger_words": ["origami"]},
            },
        )
    assert created.status_code == 200
    body = created.json()
    asset = body["asset"]
    assert asset["id"].startswith("asset_01") and len(asset["id"]) == len("asset_") + 26
    assert asset["status"] == "ready_to_upload" and asset["size_bytes"] == 0
    assert asset["description"] == "", "description is optional"
    assert asset["tenant_uuid"] == tenant_of_token(platform_server.token)
    assert asset["data"] == {
        "asset_type": "lora",
        "engine": SDXL,
        "data_type": "fp16",
        "file_format": "safetensors",
        "checkpoint": None,
        "trigger_words": ["origami"],
    }
    transfer = body["transfer_api"]
    assert transfer["type"] == "presigned-url"
    for url in (transfer["put_url"], transfer["get_url"]):
        assert url.startswith(f"{platform_server.base_url}/_objects/{asset['id']}?expires=")


def test_upload_complete_then_ready(platform_server: DevServer) -> None:
    content = weights("lora")
    with client(platform_server) as http:
        asset_id = upload(http, "lora", unique("lora"), content)
        statuses = [asset_status(http, asset_id)]
        advance(http, ASSET_READY / 2)
        statuses.append(asset_status(http, asset_id))
        advance(http, ASSET_READY / 2)
        answer = http.get(f"/v1/assets/{asset_id}").json()
        asset, fresh = answer["asset"], answer["transfer_api"]
    assert [*statuses, asset["status"]] == ["uploaded", "uploaded", "ready"]
    assert asset["size_bytes"] == len(content)
    assert httpx.get(fresh["get_url"]).content == content


def test_complete_upload_reports_a_missing_or_empty_file(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        missing = create(http, "lora", unique("missing"))
        empty = create(http, "lora", unique("empty"))
        assert httpx.put(empty["transfer_api"]["put_url"], content=b"").status_code == 200
        answers = [
            http.post(f"/v1/assets/{created['asset']['id']}/complete-upload", json={}).json()
            for created in (missing, empty)
        ]
        assets = [
            http.get(f"/v1/assets/{created['asset']['id']}").json()["asset"]
            for created in (missing, empty)
        ]
    assert "No file was uploaded" in answers[0]["error"]
    assert "empty" in answers[1]["error"]
    assert [a["status"] for a in assets] == ["error", "error"]
    assert assets[0]["status_details"] == answers[0]["error"]


def test_weights_that_are_not_safetensors_are_rejected(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        asset_id = upload(http, "checkpoint", unique("fake"), b"definitely not a safetensors file")
        asset = http.get(f"/v1/assets/{asset_id}").json()["asset"]
        again = http.post(f"/v1/assets/{asset_id}/complete-upload")
    assert asset["status"] == "rejected"
    assert "not in the safetensors format" in asset["status_details"]
    assert again.status_code == 200 and again.json() == {"error": None}, "completing is idempotent"


def test_skip_validation_accepts_what_would_be_rejected(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        created = create(http, "vae", unique("vae"))
        httpx.put(created["transfer_api"]["put_url"], content=b"opaque")
        asset_id = created["asset"]["id"]
        http.post(f"/v1/assets/{asset_id}/complete-upload", json={"skip_validation": True})
        validating = asset_status(http, asset_id)
        advance(http, ASSET_READY)
        asset = http.get(f"/v1/assets/{asset_id}").json()["asset"]
    assert validating == "uploaded"
    assert asset["status"] == "ready" and asset["size_bytes"] == len(b"opaque")


def test_a_png_file_must_be_a_png(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        good = ready_asset(http, "file", unique("image"), PNG)
        bad = upload(http, "file", unique("image"), b"GIF89a not a png")
        bad_asset = http.get(f"/v1/assets/{bad}").json()["asset"]
    assert good.startswith("asset_")
    assert bad_asset["status"] == "rejected" and "not a PNG image" in bad_asset["status_details"]


def test_an_asset_from_a_url_needs_no_upload(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        created = http.post(
            "/v1/assets",
            json={
                "asset_type": "checkpoint",
                "name": unique("from-url"),
                "data": {"asset_type": "checkpoint", "engine": SSD},
                "url": "https://huggingface.co/segmind/SSD-1B/resolve/main/SSD-1B.safetensors",
            },
        ).json()
        asset_id = created["asset"]["id"]
        advance(http, ASSET_READY / 2)
        halfway = asset_status(http, asset_id)
        advance(http, ASSET_READY / 2)
        ready = asset_status(http, asset_id)
        complete = http.post(f"/v1/assets/{asset_id}/complete-upload", json={})
    assert created["transfer_api"] == {"type": "none"}
    assert created["asset"]["status"] == "uploading"
    assert created["asset"]["url"].startswith("https://huggingface.co/")
    assert [halfway, ready] == ["uploading", "ready"]
    assert complete.status_code == 409


@pytest.mark.parametrize("transfer", ["sts", "gcp-oauth"])
def test_other_transfer_apis_are_not_offered(platform_server: DevServer, transfer: str) -> None:
    with client(platform_server) as http:
        created = http.post(
            "/v1/assets",
            json={
                "asset_type": "file",
                "name": unique("f"),
                "data": {"asset_type": "file"},
                "transfer_api_type": transfer,
            },
        )
        retrieved = http.get(
            "/v1/assets/octoai:default-sdxl", params={"transfer_api_type": transfer}
        )
        anything = http.get("/v1/assets/octoai:default-sdxl", params={"transfer_api_type": "any"})
    for answer in (created, retrieved):
        assert answer.status_code == 400
        assert answer.json()["param"] == "transfer_api_type"
        assert "not supported" in answer.json()["message"]
    assert anything.json()["transfer_api"]["type"] == "presigned-url"


def test_names_are_unique_per_owner_until_deleted(platform_server: DevServer) -> None:
    name = unique("taken")
    with client(platform_server) as http, client(platform_server, "tenant-1") as other:
        first = create(http, "file", name)
        duplicate = http.post(
            "/v1/assets",
            json={"asset_type": "file", "name": name, "data": {"asset_type": "file"}},
        )
        elsewhere = create(other, "file", name)
        deleted = http.delete(f"/v1/assets/{first['asset']['id']}")
        again = create(http, "file", name)
    assert duplicate.status_code == 409
    assert duplicate.json()["type"] == "conflict_error" and duplicate.json()["param"] == "name"
    assert elsewhere["asset"]["tenant_uuid"] != first["asset"]["tenant_uuid"]
    assert deleted.status_code == 200
    assert again["asset"]["id"] != first["asset"]["id"]


def test_get_by_id_own_name_and_owner_name(platform_server: DevServer) -> None:
    name = unique("mine")
    with client(platform_server) as http, client(platform_server, "tenant-2") as other:
        asset_id = create(http, "file", name)["asset"]["id"]
        tenant = tenant_of_token(platform_server.token)
        found = [
            http.get(f"/v1/assets/{reference}")
            for reference in (asset_id, name, f"{tenant}:{name}")
        ]
        strangers = [other.get(f"/v1/assets/{reference}") for reference in (asset_id, name)]
        public_by_id = other.get(
            f"/v1/assets/{http.get('/v1/assets/octoai:crayon-style').json()['asset']['id']}"
        )
        unknown = http.get("/v1/assets/octoai:no-such-asset")
    assert all(answer.status_code == 200 for answer in found)
    assert {answer.json()["asset"]["id"] for answer in found} == {asset_id}
    assert [answer.status_code for answer in strangers] == [404, 404], "private to its owner"
    assert public_by_id.status_code == 200
    assert unknown.status_code == 404
    assert unknown.json()["param"] == "asset_owner_and_name_or_id"


def test_delete_then_gone_from_get_and_lists(platform_server: DevServer) -> None:
    name = unique("doomed")
    with client(platform_server, "tenant-3") as http:
        created = create(http, "file", name)
        asset_id = created["asset"]["id"]
        by_name = http.delete(f"/v1/assets/{name}")
        after = [http.get(f"/v1/assets/{asset_id}"), http.delete(f"/v1/assets/{asset_id}")]
        listed = http.get("/v1/assets", params={"name": name}).json()
        upload_url = httpx.put(created["transfer_api"]["put_url"], content=b"late")
        public = http.delete("/v1/assets/octoai:default-sdxl")
    assert by_name.status_code == 200
    assert by_name.json()["id"] == asset_id and by_name.json()["deleted_at"].endswith("+00:00")
    assert [answer.status_code for answer in after] == [404, 404]
    assert listed == {"data": [], "has_more": False, "total": 0}
    assert upload_url.status_code == 404
    assert public.status_code == 404, "only the owner deletes an asset"


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"asset_type": "lora", "data": {"asset_type": "lora", "engine": SDXL}}, ["body", "name"]),
        ({"asset_type": "lora", "name": "x"}, ["body", "data"]),
        (
            {"asset_type": "lora", "name": "a:b", "data": {"asset_type": "lora", "engine": SDXL}},
            ["body", "name"],
        ),
        (
            {"asset_type": "lora", "name": "x", "data": {"asset_type": "lora"}},
            ["body", "data", "engine"],
        ),
        (
            {"asset_type": "volume", "name": "x", "data": {"asset_type": "file"}},
            ["body", "asset_type"],
        ),
        (
            {"asset_type": "lora", "name": "x", "data": {"asset_type": "vae", "engine": SDXL}},
            ["body", "data", "asset_type"],
        ),
        (
            {
                "asset_type": "lora",
                "name": "x",
                "data": {"asset_type": "lora", "engine": "image/flux-pro"},
            },
            ["body", "data", "engine"],
        ),
        (
            {"asset_type": "file", "name": "x", "data": {"asset_type": "file"}, "url": "not a url"},
            ["body", "url"],
        ),
    ],
)
def test_invalid_creations_name_the_field(
    platform_server: DevServer, body: dict, loc: list
) -> None:
    with client(platform_server) as http:
        answer = http.post("/v1/assets", json=body)
    assert answer.status_code == 422, answer.text
    assert loc in [problem["loc"] for problem in answer.json()["detail"]]


def test_requests_need_a_token(platform_server: DevServer) -> None:
    answers = [
        httpx.get(f"{platform_server.base_url}/v1/assets"),
        httpx.post(f"{platform_server.base_url}/v1/tune", json={}),
        httpx.get(
            f"{platform_server.base_url}/v1/assets/octoai:default-sdxl",
            headers={"Authorization": "Bearer wrong"},
        ),
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 401]


def test_unknown_ids_are_not_found(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        answers = [
            http.post("/v1/assets/asset_01hf3a2qw7ek6vshbhd9c9yywd/complete-upload", json={}),
            http.delete("/v1/assets/asset_01hf3a2qw7ek6vshbhd9c9yywd"),
            http.get("/v1/assets/asset_01hf3a2qw7ek6vshbhd9c9yywd"),
        ]
    assert [answer.status_code for answer in answers] == [404, 404, 404]


async def _create_many(server: DevServer, token: str, count: int) -> list[str]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, timeout=60) as http:
        ids = []
        # In order, so that creation order is known; the server answers in milliseconds.
        for index in range(count):
            asset_type, data = (
                ("file", {"asset_type": "file", "file_format": "png"})
                if index % 2
                else ("lora", {"asset_type": "lora", "engine": SSD if index % 4 == 2 else SDXL})
            )
            answer = await http.post(
                "/v1/assets",
                json={"asset_type": asset_type, "name": f"a{index:03d}", "data": data},
            )
            ids.append(answer.json()["asset"]["id"])
        return ids


def test_paging_over_250_assets(platform_server: DevServer) -> None:
    ids = asyncio.run(_create_many(platform_server, "tenant-4", 250))
    assert ids == sorted(ids), "ids sort in creation order"
    seen: list[str] = []
    with client(platform_server, "tenant-4") as http:
        offset = 0
        for _ in range(10):
            answer = http.get("/v1/assets", params={"offset": offset, "limit": 100}).json()
            assert answer["total"] == 250
            seen += [asset["id"] for asset in answer["data"]]
            offset += len(answer["data"])
            if not answer["has_more"]:
                break
        last = http.get("/v1/assets", params={"offset": 200, "limit": 100}).json()
        beyond = http.get("/v1/assets", params={"offset": 250}).json()
        default = http.get("/v1/assets").json()
        too_many = http.get("/v1/assets", params={"limit": 101})
        negative = http.get("/v1/assets", params={"offset": -1})
    assert seen == ids, "every asset once, in creation order"
    assert len(last["data"]) == 50 and last["has_more"] is False
    assert beyond == {"data": [], "has_more": False, "total": 250}
    assert len(default["data"]) == 100 and default["has_more"] is True
    assert too_many.status_code == 422 and negative.status_code == 422


def test_list_filters(platform_server: DevServer) -> None:
    token = "tenant-5"
    with client(platform_server, token) as http:
        lora = create(http, "lora", "f-lora")["asset"]["id"]
        ssd_lora = create(http, "lora", "f-ssd-lora", engine=SSD)["asset"]["id"]
        vae = create(http, "vae", "f-vae", data_type="fp32", file_format="pt")["asset"]["id"]
        image = create(http, "file", "f-image")["asset"]["id"]
        text = create(http, "file", "f-text", file_format="txt")["asset"]["id"]

        def ids(**params: object) -> list[str]:
            answer = http.get("/v1/assets", params=params)
            assert answer.status_code == 200, answer.text
            return [asset["id"] for asset in answer.json()["data"]]

        assert ids() == [lora, ssd_lora, vae, image, text]
        assert ids(asset_type=["lora", "vae"]) == [lora, ssd_lora, vae]
        assert ids(asset_type="lora,vae") == [lora, ssd_lora, vae], "comma-joined works too"
        assert ids(engine=SSD) == [ssd_lora]
        assert ids(engine=[SSD, SDXL]) == [lora, ssd_lora, vae]
        assert ids(engine_type="image") == [lora, ssd_lora, vae]
        assert ids(engine_type="text") == []
        assert ids(data_type="fp32") == [vae]
        assert ids(file_format=["pt", "txt"]) == [vae, text]
        assert ids(asset_ids=f"{image},{lora}") == [lora, image]
        assert ids(asset_ids=[image, vae]) == [vae, image]
        assert ids(name="f-vae") == [vae]
        assert ids(owner=tenant_of_token(token)) == [lora, ssd_lora, vae, image, text]
        assert ids(owner="octoai") == []
        assert ids(is_public="true", owner="octoai", asset_type="lora", engine=SSD) != []
        bad = http.get("/v1/assets", params={"asset_type": "lora,volume"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][:2] == ["query", "asset_type"]


def test_preview_urls_download_ready_images(platform_server: DevServer) -> None:
    with client(platform_server, "tenant-6") as http:
        image = ready_asset(http, "file", unique("preview"), PNG)
        plain = http.get("/v1/assets", params={"asset_ids": image}).json()["data"][0]
        previewed = http.get(
            "/v1/assets", params={"asset_ids": image, "get_preview_urls": "true"}
        ).json()["data"][0]
    assert plain["data"]["preview_url"] is None
    assert httpx.get(previewed["data"]["preview_url"]).content == PNG


def test_ids_are_unique_under_concurrent_creation(platform_server: DevServer) -> None:
    async def burst() -> list[str]:
        headers = {"Authorization": "Bearer tenant-7"}
        async with httpx.AsyncClient(base_url=platform_server.base_url, headers=headers) as http:
            answers = await asyncio.gather(
                *(
                    http.post(
                        "/v1/assets",
                        json={
                            "asset_type": "file",
                            "name": f"c-{uuid.uuid4().hex}",
                            "data": {"asset_type": "file"},
                        },
                    )
                    for _ in range(40)
                )
            )
        return [answer.json()["asset"]["id"] for answer in answers]

    ids = asyncio.run(burst())
    assert len(set(ids)) == 40
