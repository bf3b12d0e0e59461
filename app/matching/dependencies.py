"""The application's claim matcher, built from its settings on first use."""

from typing import Annotated

from fastapi import Depends, Request

from app.core.config import Settings
from app.matching.base import Matcher, build_matcher


def get_settings_of_app(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_matcher(request: Request) -> Matcher:
    matcher: Matcher | None = getattr(request.app.state, "matcher", None)
    if matcher is None:
        matcher = request.app.state.matcher = build_matcher(request.app.state.settings)
    return matcher


AppSettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
MatcherDep = Annotated[Matcher, Depends(get_matcher)]
