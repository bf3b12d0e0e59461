"""Body fingerprints of articles in the Indic scripts, Thaana, Tibetan and Persian are cleared:
they were made from words cut at every combining mark, and words now keep their marks and the
joiners inside them (app/core/scripts.py, `word`).

Python's `\\w` has no combining marks, so a Hindi, Bengali or Tamil body was cut at every vowel
sign and virama ("हिन्दी" -> "ह", "न", "द"), and a Persian one at the zero-width non-joiner
inside a word ("می‌خواهم"). On the dev set (tests/data/article_pairs_marks_dev.jsonl) an old
fingerprint of a Hindi, Bengali or Tamil body shares no shingle with the new one of the same
body, and a Persian one keeps 0.58-0.79 of them: left in place, copy detection would read "both
bodies fingerprinted and none inside the other" and turn a copy into a rewrite, as migration
3600 says of the scripts without spaces. They are cleared as 3600 clears those, and such an
article is compared by its credit and headline until it is sent again.

Scripts where a mark is occasional keep their fingerprints: Arabic and Urdu (a vowel sign or
an izafat kasra here and there), Hebrew (niqqud is rare in news), Turkish (a casefolded "İ" is
"i" and a combining dot). Their old and new fingerprints of one body agree closely (held-out 6
and 8's Turkish and Arabic bodies, the dev set's Urdu ones: 0.83-0.98 of the new shingles in
the old, SimHash 0.80-0.97), so a copy still reaches the containment threshold (0.5) against a
stored one, and clearing them would lose more copies than a stale fingerprint can.

Which articles: those whose language tag is one of LANGUAGES, or whose title has a letter of
the Indic blocks, Thaana or Tibetan (SCRIPTS), or a zero-width non-joiner after an Arabic-script
letter (Persian). The ranges are written here, not imported: a migration does the same thing
whatever the app's code becomes. In batches by id, the same on SQLite and PostgreSQL. There is
nothing to put back on downgrade.

Revision ID: 3700_marked_fingerprints
Revises: 3600_unspaced_fingerprints
Create Date: 2026-12-07
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "3700_marked_fingerprints"
down_revision: str | None = "3600_unspaced_fingerprints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The primary subtag: languages written in the Indic scripts (Hindi, Marathi, Nepali, Sanskrit,
# Maithili, Bhojpuri, Konkani, Dogri, Bengali, Assamese, Punjabi, Gujarati, Odia, Tamil,
# Telugu, Kannada, Malayalam, Sinhala), Dhivehi (Thaana), Tibetan and Dzongkha, and Persian
# (with Dari).
LANGUAGES = frozenset({
    "hi", "mr", "ne", "sa", "mai", "bho", "kok", "doi", "bn", "as", "pa", "gu", "or", "ta",
    "te", "kn", "ml", "si", "dv", "bo", "dz", "fa", "prs", "pes",
})  # fmt: skip
# Devanagari to Sinhala (U+0900-U+0DFF: Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil,
# Telugu, Kannada, Malayalam, Sinhala), Devanagari Extended, Thaana, Tibetan.
SCRIPTS = "\u0900-\u0dff\ua8e0-\ua8ff\u0780-\u07bf\u0f00-\u0fff"
_SCRIPT = re.compile(f"[{SCRIPTS}]")
# A zero-width non-joiner after a letter of the Arabic block: Persian's "می‌خواهم".
_PERSIAN_JOIN = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]\u200c")
BATCH = 2000

_article = sa.table(
    "article",
    sa.column("id", sa.Integer),
    sa.column("title", sa.String),
    sa.column("language", sa.String),
    sa.column("body_simhash", sa.BigInteger),
    sa.column("body_minhash", sa.LargeBinary),
    sa.column("body_shingles", sa.Integer),
    sa.column("body_sentences", sa.LargeBinary),
)


def written_with_marks(title: str, language: str | None) -> bool:
    """Whether an article's body was (most likely) in a script whose words were cut at marks."""
    if language and re.split(r"[-_]", language)[0].lower() in LANGUAGES:
        return True
    return _SCRIPT.search(title) is not None or _PERSIAN_JOIN.search(title) is not None


def clear(connection: Connection) -> int:
    """Clear the body fingerprints of the articles `written_with_marks`; how many were."""
    fingerprinted = sa.or_(
        _article.c.body_simhash.is_not(None),
        _article.c.body_minhash.is_not(None),
        _article.c.body_sentences.is_not(None),
    )
    cleared, after = 0, 0
    while True:
        rows = connection.execute(
            sa.select(_article.c.id, _article.c.title, _article.c.language)
            .where(_article.c.id > after, fingerprinted)
            .order_by(_article.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return cleared
        after = rows[-1].id
        ids = [row.id for row in rows if written_with_marks(row.title, row.language)]
        if ids:
            connection.execute(
                sa.update(_article)
                .where(_article.c.id.in_(ids))
                .values(
                    body_simhash=None, body_minhash=None, body_shingles=None, body_sentences=None
                )
            )
            cleared += len(ids)


def upgrade() -> None:
    clear(op.get_bind())


def downgrade() -> None:
    pass  # the cleared fingerprints cannot be made again without the bodies
