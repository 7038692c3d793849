"""Concentrate: read an inbound post into a :class:`~carevoice.inbound.Reading`.

Rule-based, explainable and offline: keyword lists, lexicons and patterns
live in ``carevoice/data/concentrate.yaml``; the modules here are the few
mechanisms that interpret them:

- :mod:`.lexicon` the data file, its term grammar and the compiled phrase trie;
- :mod:`.keywords` tokens, typo correction (rapidfuzz) and phrase hits;
- :mod:`.evidence` hits summed per key without double counting;
- :mod:`.category` the complaint situation, with threshold and margin;
- :mod:`.signals` abuse, spam, praise and questions;
- :mod:`.emotion` emotion and intensity;
- :mod:`.urgency` safety, legal, stranded and data-exposure signs;
- :mod:`.details` and :mod:`.moments` echo-safe details (order, flight, product, date...);
- :mod:`.pii` personal data (:func:`find_pii`, shared with the validators);
- :mod:`.reading` the decision that combines them (:func:`concentrate`).
"""

from typing import TYPE_CHECKING

from carevoice._lazy import lazy_exports

if TYPE_CHECKING:
    from carevoice.concentrate.pii import find_pii
    from carevoice.concentrate.reading import concentrate

__all__ = ["concentrate", "find_pii"]

# loaded on first use: the validators (and so the linter) need find_pii, not the whole reading
__getattr__ = lazy_exports(__name__, {"concentrate": "carevoice.concentrate.reading",
                                      "find_pii": "carevoice.concentrate.pii"}, globals())
