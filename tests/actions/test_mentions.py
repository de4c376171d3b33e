from vahti.actions.mentions import find_mentioned_identifiers, link_mentions

SEED = (
    "<p>Kts. myös toimenpiteen 128 Smart &amp; Clean -yhteiskehitysalustojen kehittämisen "
    "toteutus. Toimintasuunnittelussa tullaan yhtenäistämään toimenpiteiden 126, 127 ja 128 "
    "keskeisimpiä tavoitteita.</p>"
)


def test_finds_finnish_inflections_and_lists():
    assert find_mentioned_identifiers(SEED) == {"126", "127", "128"}


def test_finds_swedish_and_english_mentions():
    assert find_mentioned_identifiers("<p>Se åtgärd L3.2 och actions 12 and 14.</p>") == {
        "l3.2",
        "12",
        "14",
    }


def test_ignores_numbers_without_the_word_action():
    assert find_mentioned_identifiers("<p>Vuonna 2035 päästöt ovat 128 kt.</p>") == set()


def test_links_only_known_identifiers_and_keeps_text():
    html = link_mentions(SEED, lambda i: f"/actions/{i}/" if i in {"128", "127"} else None)
    assert 'toimenpiteen <a href="/actions/128/" class="mention">128</a> Smart' in html
    assert 'toimenpiteiden 126, <a href="/actions/127/" class="mention">127</a> ja' in html


def test_leaves_existing_links_alone():
    html = '<p><a href="/x/">toimenpide 5</a></p>'
    assert link_mentions(html, lambda i: "/actions/5/") == html


def test_no_break_spaces_count_as_spaces():
    html = "<p>Kts. myös toimenpiteen&nbsp;128 ja toimenpiteiden 12,&nbsp;13&nbsp;ja&nbsp;14.</p>"
    assert find_mentioned_identifiers(html) == {"128", "12", "13", "14"}
