"""Route conventions (app/core/routing.py): a create answers 201 with its handler's return
type as the response model; a DELETE answers 204 with nothing, no body, no Content-Type."""

from typing import Any

from fastapi import APIRouter
from fastapi import BackgroundTasks
from fastapi import FastAPI
from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel
from starlette.responses import Response

from app import api
from app.core.routing import create_route
from app.core.routing import delete_route
from tests.factories import Factory


def _api_routes() -> list[APIRoute]:
    """Every operation of the domain routers that app/api.py mounts under /v1."""
    return [
        route
        for router in vars(api).values()
        if isinstance(router, APIRouter) and router is not api.api_router
        for route in router.routes
        if isinstance(route, APIRoute)
    ]


class Thing(BaseModel):
    name: str


def test_a_create_route_answers_201_with_its_handlers_return_type() -> None:
    router = APIRouter()

    @create_route(router, "/things", name="create")
    def create_thing(data: Thing) -> Thing:
        return Thing(name=data.name.upper())

    app = FastAPI()
    app.include_router(router)
    response = TestClient(app).post("/things", json={"name": "one"})

    assert (response.status_code, response.json()) == (201, {"name": "ONE"})
    created = app.openapi()["paths"]["/things"]["post"]["responses"]["201"]
    assert created["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Thing"
    }


def test_every_json_operation_of_the_api_has_a_response_model() -> None:
    """A route's model is its handler's return type, or `response_model=` where the handler
    returns rendered bytes; with neither, it would answer JSON that OpenAPI does not describe."""
    json_routes = [
        route for route in _api_routes() if isinstance(route.response_class, DefaultPlaceholder)
    ]
    assert "/claims/{claim_id}/attributions" in [route.path for route in json_routes]
    assert [route.path for route in json_routes if route.response_model in (None, Any)] == []


def test_a_delete_route_answers_a_bare_204_and_runs_its_background_tasks() -> None:
    ran: list[str] = []
    router = APIRouter()

    @delete_route(router, "/things/{name}", name="delete")
    def delete_thing(name: str, background_tasks: BackgroundTasks) -> None:
        background_tasks.add_task(ran.append, name)

    app = FastAPI()
    app.include_router(router)
    response = TestClient(app).delete("/things/one")

    assert (response.status_code, response.content) == (204, b"")
    assert "content-type" not in response.headers
    assert "content-length" not in response.headers
    assert ran == ["one"]


def test_every_delete_operation_of_the_api_is_declared_with_delete_route() -> None:
    deletes = [route for route in _api_routes() if "DELETE" in route.methods]
    assert "/outlets/{slug}" in [route.path for route in deletes]
    assert [
        route.path
        for route in deletes
        if route.status_code != 204 or route.response_class is not Response
    ] == []


def test_deleting_an_outlet_answers_nothing(client: TestClient, factory: Factory) -> None:
    factory.outlet(slug="gone")
    response = client.delete("/v1/outlets/gone")
    assert (response.status_code, response.content) == (204, b"")
    assert "content-type" not in response.headers
