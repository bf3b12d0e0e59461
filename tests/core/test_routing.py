"""A DELETE answers 204 with nothing: no body, no Content-Type (app/core/routing.py)."""

from fastapi import APIRouter
from fastapi import BackgroundTasks
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.responses import Response

from app import api
from app.core.routing import delete_route
from tests.factories import Factory


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
    domain_routers = [
        router
        for router in vars(api).values()
        if isinstance(router, APIRouter) and router is not api.api_router
    ]
    deletes = [
        route
        for router in domain_routers
        for route in router.routes
        if isinstance(route, APIRoute) and "DELETE" in route.methods
    ]
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
