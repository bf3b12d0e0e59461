"""Contains all the data models used in inputs/outputs"""

from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .api_key_public import ApiKeyPublic
from .article_create import ArticleCreate
from .article_page import ArticlePage
from .article_public import ArticlePublic
from .article_ref import ArticleRef
from .article_update import ArticleUpdate
from .as_of_basis import AsOfBasis
from .attribution_create import AttributionCreate
from .attribution_page import AttributionPage
from .attribution_public import AttributionPublic
from .attribution_update import AttributionUpdate
from .batch_line import BatchLine
from .batch_result import BatchResult
from .batch_summary import BatchSummary
from .bucket import Bucket
from .chain_step import ChainStep
from .claim_action import ClaimAction
from .claim_create import ClaimCreate
from .claim_json_ld import ClaimJsonLd
from .claim_match import ClaimMatch
from .claim_matches import ClaimMatches
from .claim_merge import ClaimMerge
from .claim_outcome import ClaimOutcome
from .claim_page import ClaimPage
from .claim_public import ClaimPublic
from .claim_review_graph import ClaimReviewGraph
from .claim_review_json_ld import ClaimReviewJsonLd
from .claim_review_node import ClaimReviewNode
from .claim_sort import ClaimSort
from .claim_update import ClaimUpdate
from .claim_with_attributions import ClaimWithAttributions
from .collapse import Collapse
from .copy_candidate import CopyCandidate
from .copy_of import CopyOf
from .copy_source import CopySource
from .corroboration import Corroboration
from .corroboration_explained import CorroborationExplained
from .corroboration_method import CorroborationMethod
from .country_code import CountryCode
from .data_feed_import import DataFeedImport
from .data_feed_import_data_feed_element_item import DataFeedImportDataFeedElementItem
from .decision import Decision
from .error_body import ErrorBody
from .error_body_details_item import ErrorBodyDetailsItem
from .error_response import ErrorResponse
from .explained_article_ref import ExplainedArticleRef
from .explained_origin import ExplainedOrigin
from .explained_report import ExplainedReport
from .export_format import ExportFormat
from .fact_check_claim import FactCheckClaim
from .fact_check_claim_claim_review_item import FactCheckClaimClaimReviewItem
from .fact_check_search import FactCheckSearch
from .first_report import FirstReport
from .health import Health
from .import_item import ImportItem
from .import_outcome import ImportOutcome
from .import_report import ImportReport
from .independent_origin import IndependentOrigin
from .ingest_article import IngestArticle
from .ingest_claim import IngestClaim
from .ingest_origin import IngestOrigin
from .ingest_payload import IngestPayload
from .ingest_result import IngestResult
from .json_ld_appearance import JsonLdAppearance
from .json_ld_claim import JsonLdClaim
from .json_ld_claim_review import JsonLdClaimReview
from .json_ld_claimant import JsonLdClaimant
from .json_ld_graph_import import JsonLdGraphImport
from .json_ld_graph_import_graph_item import JsonLdGraphImportGraphItem
from .json_ld_organization import JsonLdOrganization
from .json_ld_rating import JsonLdRating
from .link_create import LinkCreate
from .link_provenance import LinkProvenance
from .link_public import LinkPublic
from .link_relation import LinkRelation
from .match_mode import MatchMode
from .match_ref import MatchRef
from .match_signals import MatchSignals
from .origin_article_ref import OriginArticleRef
from .outlet_create import OutletCreate
from .outlet_detail import OutletDetail
from .outlet_kind import OutletKind
from .outlet_page import OutletPage
from .outlet_profile import OutletProfile
from .outlet_public import OutletPublic
from .outlet_ref import OutletRef
from .outlet_update import OutletUpdate
from .publisher import Publisher
from .publisher_public import PublisherPublic
from .readiness import Readiness
from .review_create import ReviewCreate
from .review_page import ReviewPage
from .review_public import ReviewPublic
from .reviews_import_body_type_4_item import ReviewsImportBodyType4Item
from .scope import Scope
from .sourcing import Sourcing
from .stance import Stance
from .timeline import Timeline
from .timeline_point import TimelinePoint
from .verdict import Verdict
from .veto_signal import VetoSignal

__all__ = (
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPage",
    "ApiKeyPublic",
    "ArticleCreate",
    "ArticlePage",
    "ArticlePublic",
    "ArticleRef",
    "ArticleUpdate",
    "AsOfBasis",
    "AttributionCreate",
    "AttributionPage",
    "AttributionPublic",
    "AttributionUpdate",
    "BatchLine",
    "BatchResult",
    "BatchSummary",
    "Bucket",
    "ChainStep",
    "ClaimAction",
    "ClaimCreate",
    "ClaimJsonLd",
    "ClaimMatch",
    "ClaimMatches",
    "ClaimMerge",
    "ClaimOutcome",
    "ClaimPage",
    "ClaimPublic",
    "ClaimReviewGraph",
    "ClaimReviewJsonLd",
    "ClaimReviewNode",
    "ClaimSort",
    "ClaimUpdate",
    "ClaimWithAttributions",
    "Collapse",
    "CopyCandidate",
    "CopyOf",
    "CopySource",
    "Corroboration",
    "CorroborationExplained",
    "CorroborationMethod",
    "CountryCode",
    "DataFeedImport",
    "DataFeedImportDataFeedElementItem",
    "Decision",
    "ErrorBody",
    "ErrorBodyDetailsItem",
    "ErrorResponse",
    "ExplainedArticleRef",
    "ExplainedOrigin",
    "ExplainedReport",
    "ExportFormat",
    "FactCheckClaim",
    "FactCheckClaimClaimReviewItem",
    "FactCheckSearch",
    "FirstReport",
    "Health",
    "ImportItem",
    "ImportOutcome",
    "ImportReport",
    "IndependentOrigin",
    "IngestArticle",
    "IngestClaim",
    "IngestOrigin",
    "IngestPayload",
    "IngestResult",
    "JsonLdAppearance",
    "JsonLdClaim",
    "JsonLdClaimant",
    "JsonLdClaimReview",
    "JsonLdGraphImport",
    "JsonLdGraphImportGraphItem",
    "JsonLdOrganization",
    "JsonLdRating",
    "LinkCreate",
    "LinkProvenance",
    "LinkPublic",
    "LinkRelation",
    "MatchMode",
    "MatchRef",
    "MatchSignals",
    "OriginArticleRef",
    "OutletCreate",
    "OutletDetail",
    "OutletKind",
    "OutletPage",
    "OutletProfile",
    "OutletPublic",
    "OutletRef",
    "OutletUpdate",
    "Publisher",
    "PublisherPublic",
    "Readiness",
    "ReviewCreate",
    "ReviewPage",
    "ReviewPublic",
    "ReviewsImportBodyType4Item",
    "Scope",
    "Sourcing",
    "Stance",
    "Timeline",
    "TimelinePoint",
    "Verdict",
    "VetoSignal",
)
