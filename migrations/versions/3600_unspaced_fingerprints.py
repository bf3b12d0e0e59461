"""Body fingerprints of articles in scripts without spaces are cleared: they were made from
whole clauses, and copies are now compared by character bigrams (app/core/scripts.py).

A Chinese, Japanese or Thai body was cut into "words" at spaces and punctuation only, so its
SimHash, MinHash and sentence fingerprints were built from whole clauses; bodies are now cut
into overlapping character bigrams, and an old fingerprint shares nothing with a new one. Left
in place, it would not only never match a new copy: copy detection would read "both bodies
fingerprinted and none inside the other" and turn a credited copy of the article into a
rewrite (`cites`), and refuse the same-headline evidence (app/ingest/copies.py). Bodies are
not kept, so the fingerprints cannot be computed again here; they are cleared, and such an
article is compared by its credit and headline, as articles stored before body fingerprints
existed are (migration 2600), until it is sent again: a re-sent article with no fingerprint and
no credit gets new fingerprints. Its sentence vectors (meanings, not words) stay.

Which articles: those whose language tag is one of those scripts' languages, or whose title
has a character of them and no Hangul (Korean puts spaces between phrases and was cut right;
a Korean title may have a Han character). Every other article keeps its fingerprints, which
are byte for byte what they would be now (tests/ingest/test_unspaced.py). In batches by id, the
same on SQLite and PostgreSQL. There is nothing to put back on downgrade.

Revision ID: 3600_unspaced_fingerprints
Revises: 3500_sqlite_deferred_quotes
Create Date: 2026-12-07
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "3600_unspaced_fingerprints"
down_revision: str | None = "3500_sqlite_deferred_quotes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Chinese (and its varieties), Japanese, Thai, Lao, Khmer, Burmese: the primary subtag.
LANGUAGES = frozenset(
    {"zh", "cmn", "yue", "wuu", "hak", "nan", "gan", "lzh", "ja", "th", "lo", "km", "my"}
)
# The scripts' ranges as they were when this migration was written (app/core/scripts.py may
# change later; a migration must keep doing what it did): Han, Kana, Thai, Lao, Burmese, Khmer.
_UNSPACED = re.compile(
    "["
    "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u0e01-\u0e4e\u0e50-\u0e59\u0e81-\u0edf"
    "\u1000-\u1049\u104c-\u109f\ua9e0-\ua9fe\uaa60-\uaa7f"
    "\u1780-\u17d3\u17d7\u17dc\u17dd\u17e0-\u17e9"
    "]"
)
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
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


def written_unspaced(title: str, language: str | None) -> bool:
    """Whether an article's body was (most likely) in a script without spaces."""
    if language and re.split(r"[-_]", language)[0].lower() in LANGUAGES:
        return True
    return _UNSPACED.search(title) is not None and _HANGUL.search(title) is None


def clear(connection: Connection) -> int:
    """Clear the body fingerprints of the articles `written_unspaced`; how many were."""
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
        ids = [row.id for row in rows if written_unspaced(row.title, row.language)]
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
