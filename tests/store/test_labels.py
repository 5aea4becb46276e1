from peerdesk.store.labels import LABELS, label
from peerdesk.store.models import SHARED_MODELS


def test_labels_name_one_and_many() -> None:
    assert label("quotes", 1) == "quote" and label("quotes", 2) == "quotes"
    assert label("postits", 3) == "post-its"


def test_a_table_without_a_label_of_its_own_is_named_in_words() -> None:
    assert label("reading_notes", 1) == "reading note" and label("reading_notes", 2) == "reading notes"


def test_every_shared_table_reads_as_words_in_the_singular_and_the_plural() -> None:
    for table in SHARED_MODELS:
        one, many = label(table, 1), label(table, 2)
        assert "_" not in one + many and one != many, table
        if table not in LABELS:  # named after itself: only a plain plural in "s" ("progress" would lose its s's)
            assert table.endswith("s") and not table.endswith("ss") and many == one + "s", table
