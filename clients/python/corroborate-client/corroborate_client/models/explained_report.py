from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chain_step import ChainStep
    from ..models.credited_to import CreditedTo
    from ..models.explained_article_ref import ExplainedArticleRef


T = TypeVar("T", bound="ExplainedReport")


@_attrs_define
class ExplainedReport:
    """A reporting article and why it counts under its origin.

    Attributes:
        article (ExplainedArticleRef):
        stance (str): `reports` or `supports`.
        relation (str): `original`: the article is its own root; `syndicates` / `cites`: the first link followed to its
            root; `credited`: its own root, counted under the outlet it credits; `owner`: its own root, merged because its
            outlet shares an owner group with the origin's outlet.
        reason (None | str): The link's stated reason, or why owners merged.
        collapsed_into (ExplainedArticleRef | None): The root article this one collapses into; null when it is its own
            root.
        chain (list[ChainStep]): Every link followed, from this article on.
        credited_to (CreditedTo | None): Set when the root counts under the outlet it credits (its own article is not
            stored or not linked).
    """

    article: ExplainedArticleRef
    stance: str
    relation: str
    reason: None | str
    collapsed_into: ExplainedArticleRef | None
    chain: list[ChainStep]
    credited_to: CreditedTo | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credited_to import CreditedTo  # noqa: PLC0415
        from ..models.explained_article_ref import ExplainedArticleRef  # noqa: PLC0415

        article = self.article.to_dict()

        stance = self.stance

        relation = self.relation

        reason: None | str
        reason = self.reason

        collapsed_into: dict[str, Any] | None
        if isinstance(self.collapsed_into, ExplainedArticleRef):
            collapsed_into = self.collapsed_into.to_dict()
        else:
            collapsed_into = self.collapsed_into

        chain = []
        for chain_item_data in self.chain:
            chain_item = chain_item_data.to_dict()
            chain.append(chain_item)

        credited_to: dict[str, Any] | None
        if isinstance(self.credited_to, CreditedTo):
            credited_to = self.credited_to.to_dict()
        else:
            credited_to = self.credited_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article": article,
                "stance": stance,
                "relation": relation,
                "reason": reason,
                "collapsed_into": collapsed_into,
                "chain": chain,
                "credited_to": credited_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_step import ChainStep  # noqa: PLC0415
        from ..models.credited_to import CreditedTo  # noqa: PLC0415
        from ..models.explained_article_ref import ExplainedArticleRef  # noqa: PLC0415

        d = dict(src_dict)
        article = ExplainedArticleRef.from_dict(d.pop("article"))

        stance = d.pop("stance")

        relation = d.pop("relation")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_collapsed_into(data: object) -> ExplainedArticleRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                collapsed_into_type_0 = ExplainedArticleRef.from_dict(data)

                return collapsed_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExplainedArticleRef | None, data)

        collapsed_into = _parse_collapsed_into(d.pop("collapsed_into"))

        chain = []
        _chain = d.pop("chain")
        for chain_item_data in _chain:
            chain_item = ChainStep.from_dict(chain_item_data)

            chain.append(chain_item)

        def _parse_credited_to(data: object) -> CreditedTo | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_to_type_0 = CreditedTo.from_dict(data)

                return credited_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditedTo | None, data)

        credited_to = _parse_credited_to(d.pop("credited_to"))

        explained_report = cls(
            article=article,
            stance=stance,
            relation=relation,
            reason=reason,
            collapsed_into=collapsed_into,
            chain=chain,
            credited_to=credited_to,
        )

        explained_report.additional_properties = d
        return explained_report

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
