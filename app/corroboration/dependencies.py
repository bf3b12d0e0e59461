"""Query parameters choosing the counting method: as_of, as_of_basis, collapse."""

from typing import Annotated

from fastapi import Depends
from fastapi import Query

from app.core.types import NAMED_SCHEMA_KEY
from app.core.types import PointInTime
from app.corroboration import method
from app.corroboration.models import AsOfBasis
from app.corroboration.models import CorroborationMethod

AS_OF_DESCRIPTION = (
    "Count as of this instant (RFC 3339 with an offset, or a date YYYY-MM-DD meaning the end "
    "of that UTC day): only articles published at or before it. See docs/corroboration.md."
)
COLLAPSE_DESCRIPTION = (
    "Which relations merge reports into one origin: any of `syndicates`, `cites`, `owner` "
    "(outlets sharing an `owner_group`), or `none`; repeated "
    "(`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`."
)


# async: pure parsing, so FastAPI runs it on the event loop instead of a worker thread.
async def method_params(
    as_of: Annotated[PointInTime | None, Query(description=AS_OF_DESCRIPTION)] = None,
    as_of_basis: Annotated[
        AsOfBasis,
        Query(
            description="`published` (default): by publication date, with links and "
            "attributions as recorded now; `recorded`: also only rows recorded by `as_of` "
            "(what the database knew then)."
        ),
    ] = AsOfBasis.published,
    collapse: Annotated[
        list[str],
        Query(
            max_length=8,
            description=COLLAPSE_DESCRIPTION,
            # Parsed here (comma-separated values, `invalid_collapse` errors); documented as
            # the named enum so that clients send its values.
            json_schema_extra={"items": {NAMED_SCHEMA_KEY: "Collapse"}},
        ),
    ] = [],  # noqa: B006 (FastAPI copies defaults)
) -> CorroborationMethod:
    return method.method(collapse=[v[:100] for v in collapse], as_of=as_of, as_of_basis=as_of_basis)


MethodDep = Annotated[CorroborationMethod, Depends(method_params)]
