"""Write the meaning vectors of the generated test haystack to the file shipped with the tests.

Run after changing ``benchmarks/civic_ideas.py`` or the paraphrase set (or the model)::

    DJANGO_SETTINGS_MODULE=innovation.settings.test python -m scripts.haystack_vectors

Vectors already known (shipped file, local cache) are reused; the rest are encoded.
"""

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.test")
    import django

    django.setup()
    from search.encoder import get_encoder
    from search.services import gist
    from search.text import clean_query
    from tests.search.haystack import SHIPPED, cached_vectors, haystack_texts, save_vectors, text_key

    texts = [gist(clean_query(t, limit=140), clean_query(s, limit=280)) for t, s, _b in haystack_texts()]
    vectors = cached_vectors(texts)
    model = get_encoder().model_id
    save_vectors(SHIPPED, {text_key(model, text): vector for text, vector in zip(texts, vectors, strict=True)})
    print(f"{len(texts):,} vectors written to {SHIPPED} ({SHIPPED.stat().st_size / 1e6:.1f} MB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
