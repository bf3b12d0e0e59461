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
from .claim_key import ClaimKey
from .claim_match import ClaimMatch
from .claim_matches import ClaimMatches
from .claim_merge import ClaimMerge
from .claim_outcome import ClaimOutcome
from .claim_page import ClaimPage
from .claim_public import ClaimPublic
from .claim_ref import ClaimRef
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
from .credited_origin_public import CreditedOriginPublic
from .credited_to import CreditedTo
from .data_feed_import import DataFeedImport
from .data_feed_import_data_feed_element_item import DataFeedImportDataFeedElementItem
from .decision import Decision
from .delivery_page import DeliveryPage
from .delivery_public import DeliveryPublic
from .delivery_status import DeliveryStatus
from .error_body import ErrorBody
from .error_body_details_item import ErrorBodyDetailsItem
from .error_response import ErrorResponse
from .event_page import EventPage
from .event_public import EventPublic
from .event_public_data import EventPublicData
from .event_type import EventType
from .explained_article_ref import ExplainedArticleRef
from .explained_origin import ExplainedOrigin
from .explained_report import ExplainedReport
from .export_format import ExportFormat
from .fact_check_claim import FactCheckClaim
from .fact_check_claim_claim_review_item import FactCheckClaimClaimReviewItem
from .fact_check_claim_review import FactCheckClaimReview
from .fact_check_found_claim import FactCheckFoundClaim
from .fact_check_publisher import FactCheckPublisher
from .fact_check_search import FactCheckSearch
from .fact_check_search_response import FactCheckSearchResponse
from .feed_create import FeedCreate
from .feed_health import FeedHealth
from .feed_kind import FeedKind
from .feed_page import FeedPage
from .feed_public import FeedPublic
from .feed_state import FeedState
from .first_report import FirstReport
from .health import Health
from .import_error_page import ImportErrorPage
from .import_error_public import ImportErrorPublic
from .import_item import ImportItem
from .import_outcome import ImportOutcome
from .import_public import ImportPublic
from .import_report import ImportReport
from .import_state import ImportState
from .independent_origin import IndependentOrigin
from .ingest_article import IngestArticle
from .ingest_claim import IngestClaim
from .ingest_credited_origin import IngestCreditedOrigin
from .ingest_origin import IngestOrigin
from .ingest_payload import IngestPayload
from .ingest_result import IngestResult
from .ingest_review_decision import IngestReviewDecision
from .json_ld_appearance import JsonLdAppearance
from .json_ld_claim import JsonLdClaim
from .json_ld_claim_review import JsonLdClaimReview
from .json_ld_claimant import JsonLdClaimant
from .json_ld_graph_import import JsonLdGraphImport
from .json_ld_graph_import_graph_item import JsonLdGraphImportGraphItem
from .json_ld_media_review import JsonLdMediaReview
from .json_ld_media_review_item import JsonLdMediaReviewItem
from .json_ld_media_review_item_interpretedasclaim import JsonLdMediaReviewItemInterpretedasclaim
from .json_ld_media_review_item_media_item_appearance_item import JsonLdMediaReviewItemMediaItemAppearanceItem
from .json_ld_organization import JsonLdOrganization
from .json_ld_rating import JsonLdRating
from .link_create import LinkCreate
from .link_provenance import LinkProvenance
from .link_public import LinkPublic
from .link_relation import LinkRelation
from .match_mode import MatchMode
from .match_ref import MatchRef
from .match_signals import MatchSignals
from .media_authenticity import MediaAuthenticity
from .media_review_json_ld import MediaReviewJsonLd
from .origin_article_ref import OriginArticleRef
from .outlet_create import OutletCreate
from .outlet_detail import OutletDetail
from .outlet_kind import OutletKind
from .outlet_page import OutletPage
from .outlet_profile import OutletProfile
from .outlet_public import OutletPublic
from .outlet_ref import OutletRef
from .outlet_update import OutletUpdate
from .proposed_claim import ProposedClaim
from .proposed_claim_key import ProposedClaimKey
from .publisher import Publisher
from .publisher_public import PublisherPublic
from .readiness import Readiness
from .review_article_ref import ReviewArticleRef
from .review_create import ReviewCreate
from .review_decision_status import ReviewDecisionStatus
from .review_item_page import ReviewItemPage
from .review_item_public import ReviewItemPublic
from .review_kind import ReviewKind
from .review_page import ReviewPage
from .review_public import ReviewPublic
from .review_search_hit import ReviewSearchHit
from .review_search_page import ReviewSearchPage
from .review_status import ReviewStatus
from .reviewed_claim import ReviewedClaim
from .reviews_feed_response_200 import ReviewsFeedResponse200
from .reviews_import_body_type_4_item import ReviewsImportBodyType4Item
from .scope import Scope
from .search_decision import SearchDecision
from .search_format import SearchFormat
from .sourcing import Sourcing
from .stance import Stance
from .subscription_create import SubscriptionCreate
from .subscription_created import SubscriptionCreated
from .subscription_page import SubscriptionPage
from .subscription_public import SubscriptionPublic
from .subscription_update import SubscriptionUpdate
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
    "ClaimKey",
    "ClaimMatch",
    "ClaimMatches",
    "ClaimMerge",
    "ClaimOutcome",
    "ClaimPage",
    "ClaimPublic",
    "ClaimRef",
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
    "CreditedOriginPublic",
    "CreditedTo",
    "DataFeedImport",
    "DataFeedImportDataFeedElementItem",
    "Decision",
    "DeliveryPage",
    "DeliveryPublic",
    "DeliveryStatus",
    "ErrorBody",
    "ErrorBodyDetailsItem",
    "ErrorResponse",
    "EventPage",
    "EventPublic",
    "EventPublicData",
    "EventType",
    "ExplainedArticleRef",
    "ExplainedOrigin",
    "ExplainedReport",
    "ExportFormat",
    "FactCheckClaim",
    "FactCheckClaimClaimReviewItem",
    "FactCheckClaimReview",
    "FactCheckFoundClaim",
    "FactCheckPublisher",
    "FactCheckSearch",
    "FactCheckSearchResponse",
    "FeedCreate",
    "FeedHealth",
    "FeedKind",
    "FeedPage",
    "FeedPublic",
    "FeedState",
    "FirstReport",
    "Health",
    "ImportErrorPage",
    "ImportErrorPublic",
    "ImportItem",
    "ImportOutcome",
    "ImportPublic",
    "ImportReport",
    "ImportState",
    "IndependentOrigin",
    "IngestArticle",
    "IngestClaim",
    "IngestCreditedOrigin",
    "IngestOrigin",
    "IngestPayload",
    "IngestResult",
    "IngestReviewDecision",
    "JsonLdAppearance",
    "JsonLdClaim",
    "JsonLdClaimant",
    "JsonLdClaimReview",
    "JsonLdGraphImport",
    "JsonLdGraphImportGraphItem",
    "JsonLdMediaReview",
    "JsonLdMediaReviewItem",
    "JsonLdMediaReviewItemInterpretedasclaim",
    "JsonLdMediaReviewItemMediaItemAppearanceItem",
    "JsonLdOrganization",
    "JsonLdRating",
    "LinkCreate",
    "LinkProvenance",
    "LinkPublic",
    "LinkRelation",
    "MatchMode",
    "MatchRef",
    "MatchSignals",
    "MediaAuthenticity",
    "MediaReviewJsonLd",
    "OriginArticleRef",
    "OutletCreate",
    "OutletDetail",
    "OutletKind",
    "OutletPage",
    "OutletProfile",
    "OutletPublic",
    "OutletRef",
    "OutletUpdate",
    "ProposedClaim",
    "ProposedClaimKey",
    "Publisher",
    "PublisherPublic",
    "Readiness",
    "ReviewArticleRef",
    "ReviewCreate",
    "ReviewDecisionStatus",
    "ReviewedClaim",
    "ReviewItemPage",
    "ReviewItemPublic",
    "ReviewKind",
    "ReviewPage",
    "ReviewPublic",
    "ReviewSearchHit",
    "ReviewSearchPage",
    "ReviewsFeedResponse200",
    "ReviewsImportBodyType4Item",
    "ReviewStatus",
    "Scope",
    "SearchDecision",
    "SearchFormat",
    "Sourcing",
    "Stance",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "SubscriptionPage",
    "SubscriptionPublic",
    "SubscriptionUpdate",
    "Timeline",
    "TimelinePoint",
    "Verdict",
    "VetoSignal",
)
