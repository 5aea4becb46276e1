from peerdesk.services.passphrase import strength


def test_short_passphrases_score_zero() -> None:
    assert strength("abc").score == 0


def test_repetition_is_weak_and_several_words_are_strong() -> None:
    assert strength("aaaaaaaaaaaa").score <= 1
    assert strength("maple tractor Harbour 42 quietly").score == 4
