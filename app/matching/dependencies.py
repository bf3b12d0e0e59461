"""The application's claim matcher, built from its settings on first use."""

from typing import Annotated

from fastapi import Depends
from fastapi import Request

from app.matching.base import Matcher
from app.matching.factory import build_matcher


def get_matcher(request: Request) -> Matcher:
    matcher: Matcher | None = getattr(request.app.state, "matcher", None)
    if matcher is None:
        matcher = request.app.state.matcher = build_matcher(request.app.state.settings)
    return matcher


MatcherDep = Annotated[Matcher, Depends(get_matcher)]
