"""The embedder's own bookkeeping around a model: batching, caching, normalisation."""

import numpy as np

from app.matching.embedding import _Embedding


class _Recording(_Embedding):
    """A model whose vector of a text is a function of the text alone, recording each call."""

    model_id = "recording"
    dim = 4

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def _encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[len(t), t.count("a") + 1, t.count("e"), 2.0] for t in texts], float)


def test_many_texts_go_to_the_model_in_bounded_calls_and_come_back_in_order() -> None:
    model = _Recording()
    texts = [f"claim a{'a' * (i % 7)} number {i} e{'e' * (i % 3)}" for i in range(100)]
    texts += texts[:10]  # repeated texts are encoded once

    vectors = model.embed(texts)

    assert [len(call) for call in model.calls] == [32, 32, 32, 4]
    assert [text for call in model.calls for text in call] == texts[:100]
    alone = _Recording()
    expected = np.stack([alone.embed([text])[0] for text in texts])
    np.testing.assert_allclose(vectors, expected, rtol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-6)


def test_a_text_embedded_before_is_not_sent_again() -> None:
    model = _Recording()
    model.embed(["first", "second"])
    model.embed(["second", "third"])
    assert model.calls == [["first", "second"], ["third"]]
