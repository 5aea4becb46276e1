"""The names ``peerdesk print`` offers are exactly the documents it can build."""

from peerdesk.export import print_names, printing


def test_every_printable_document_is_offered_by_name_and_nothing_else() -> None:
    assert tuple(kind.name for kind in printing.KINDS) == print_names.NAMES
