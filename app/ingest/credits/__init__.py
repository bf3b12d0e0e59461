"""Who an article credits as its source, read from its byline, text, URL and markup.

This package owns the credit readers (the datelines, bylines, credit lines, sign-offs and
frames of the running text, in every language and script they read), how a credit's name
becomes a stored outlet, and the credited origin those credits decide.

Entry points, the only modules callers outside this package may import:

- `reading`: `credits(author=, body=, title=)`, every credit of an article, strongest first;
  `Credit`; `credit_kind(quote)`, how a credit was given; `SYNDICATING_KINDS`.
- `urls`: `url_credits(url, title)`, the credit an article's own URL gives.
- `outlets`: the outlet resolver, `outlet_keys(outlet)` (the names an outlet answers to) and
  `resolve_credits` (the credits that name a stored outlet).
- `credited`: the credited origin, `decide` (the outlet the resolved credits point to, how
  sure), `told`, `page_credits`, `resolve_agencies`, and `CONFIDENCE` per kind of credit.

Every other module is private: `reading.credits` calls the readers of particular languages,
scripts and house styles (`languages`, `frames`, `arabic`, `asia`, ...) over the helpers they
share (`context`, `lists`, `dates`, `inflections`), and `outlets` calls `editions`.
`tests/core/test_architecture.py` fails when code outside the package imports one of them;
tests may pin a private module's behaviour directly.
"""

# The modules above that callers outside this package may import.
ENTRY_POINTS = frozenset({"reading", "urls", "outlets", "credited"})
