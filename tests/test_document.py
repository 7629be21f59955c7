"""Tokens, clitics and sentences of the document model."""
from newsfacts.document import Document, proclitic_splits
from newsfacts.normalize import norm


def test_proclitic_splits_offer_stems():
    assert ("وب", "موسكو") in proclitic_splits("وبموسكو")
    assert ("ل", "الكرملين") in proclitic_splits("للكرملين")
    assert proclitic_splits("في")[0] == ("", "في")


def test_tokens_point_into_original_text():
    doc = Document("قالَ الرئيسُ: «وصلنا».")
    for t in doc.tokens:
        assert norm(doc.text[t.start:t.end]) == t.norm


def test_tokens_agree_with_camel_tools_word_tokenizer():
    from camel_tools.tokenizers.word import simple_word_tokenize

    s = "أعلن الجيش، اليوم (الإثنين)، إسقاط 4 صواريخ."
    assert [t.norm for t in Document(s).tokens] == simple_word_tokenize(s.replace("إ", "ا").replace("أ", "ا"))


def test_sentences_split_on_stops_and_lines():
    text = "العنوان هنا\n\nقال الجيش إنه أسقط صاروخا. وأضاف أن الوضع هادئ!"
    doc = Document(text)
    assert [text[s:e] for s, e in doc.sentences] == [
        "العنوان هنا", "قال الجيش إنه أسقط صاروخا.", "وأضاف أن الوضع هادئ!"]


def test_full_stop_without_space_ends_a_sentence_but_not_an_abbreviation():
    text = "وصل الوفد إلى الرياض.استقبله الوزير بحسب أ.ف.ب اليوم."
    doc = Document(text)
    assert [text[s:e] for s, e in doc.sentences] == ["وصل الوفد إلى الرياض.", "استقبله الوزير بحسب أ.ف.ب اليوم."]
