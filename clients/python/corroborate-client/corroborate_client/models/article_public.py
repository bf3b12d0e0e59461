from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credited_origin_public import CreditedOriginPublic
    from ..models.link_public import LinkPublic
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="ArticlePublic")


@_attrs_define
class ArticlePublic:
    """
    Attributes:
        url (str): Canonical URL (see README).
        title (str): Headline.
        published_at (datetime.datetime): Publication instant, returned in UTC.
        author (None | str): Byline.
        language (None | str): BCP 47 tag.
        id (int):
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        origin (LinkPublic | None): The article this one copies or cites, if any.
        root_article_id (int): Where this article's chain of origins ends.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        credited_origin (CreditedOriginPublic | None): The outlet this article credits as its origin (a wire in its
            dateline, byline, URL or JSON-LD) whose own article is not linked: counting collapses the article into that
            outlet while `origin` is null. Kept as evidence once a link exists.
    """

    url: str
    title: str
    published_at: datetime.datetime
    author: None | str
    language: None | str
    id: int
    outlet: OutletRef
    origin: LinkPublic | None
    root_article_id: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    credited_origin: CreditedOriginPublic | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credited_origin_public import CreditedOriginPublic  # noqa: PLC0415
        from ..models.link_public import LinkPublic  # noqa: PLC0415

        url = self.url

        title = self.title

        published_at = self.published_at.isoformat()

        author: None | str
        author = self.author

        language: None | str
        language = self.language

        id = self.id

        outlet = self.outlet.to_dict()

        origin: dict[str, Any] | None
        if isinstance(self.origin, LinkPublic):
            origin = self.origin.to_dict()
        else:
            origin = self.origin

        root_article_id = self.root_article_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        credited_origin: dict[str, Any] | None
        if isinstance(self.credited_origin, CreditedOriginPublic):
            credited_origin = self.credited_origin.to_dict()
        else:
            credited_origin = self.credited_origin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "title": title,
                "published_at": published_at,
                "author": author,
                "language": language,
                "id": id,
                "outlet": outlet,
                "origin": origin,
                "root_article_id": root_article_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "credited_origin": credited_origin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credited_origin_public import CreditedOriginPublic  # noqa: PLC0415
        from ..models.link_public import LinkPublic  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        url = d.pop("url")

        title = d.pop("title")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        id = d.pop("id")

        outlet = OutletRef.from_dict(d.pop("outlet"))

        def _parse_origin(data: object) -> LinkPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = LinkPublic.from_dict(data)

                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPublic | None, data)

        origin = _parse_origin(d.pop("origin"))

        root_article_id = d.pop("root_article_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_credited_origin(data: object) -> CreditedOriginPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_origin_type_0 = CreditedOriginPublic.from_dict(data)

                return credited_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditedOriginPublic | None, data)

        credited_origin = _parse_credited_origin(d.pop("credited_origin"))

        article_public = cls(
            url=url,
            title=title,
            published_at=published_at,
            author=author,
            language=language,
            id=id,
            outlet=outlet,
            origin=origin,
            root_article_id=root_article_id,
            created_at=created_at,
            updated_at=updated_at,
            credited_origin=credited_origin,
        )

        article_public.additional_properties = d
        return article_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
