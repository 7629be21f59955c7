"""Claims: every example of rules/claims.toml replayed, plus focused tests of slots and must-not-fire cases."""

import pytest

from newsfacts import extract
from newsfacts.claims_vocab import vocab
from newsfacts.normalize import norm
from newsfacts.rules import RuleError, RuleSet

RULES = RuleSet().toml("claims.toml")
CASES = [(r["id"], i, ex) for r in RULES for i, ex in enumerate(r["examples"])]
KEYS = ["type", "count", "qualifier", "object", "origin", "unit", "location", "claimant", "participants",
        "date", "evidence", "start", "end", "rule"]


def _same(want, got) -> bool:
    if isinstance(want, list):
        return isinstance(got, list) and [norm(x) for x in want] == [norm(x) for x in got]
    if isinstance(want, str):
        return isinstance(got, str) and norm(want) == norm(got)
    return want == got


def _matches(exp: dict, claim: dict) -> bool:
    for k, v in exp.items():
        if k == "null":
            if any(claim.get(n) is not None for n in v):
                return False
        elif not _same(v, claim.get(k)):
            return False
    return True


def claims(text: str, published: str | None = None) -> list[dict]:
    return extract(text, published)["claims"]


def test_every_claim_rule_has_positive_and_negative_examples():
    assert RULES
    for r in RULES:
        assert r["examples"], r["id"]
    # every type is exercised, and the file as a whole says what must not fire
    assert {r["type"] for r in RULES} == {"shootdown", "power_outage", "killed", "injured", "attack",
                                          "meeting", "denial"}
    assert sum(1 for _, _, ex in CASES if ex["expect"] == []) >= 10


@pytest.mark.parametrize("rule_id,i,ex", CASES, ids=[f"{c[0]}#{c[1]}" for c in CASES])
def test_claim_rule_example(rule_id, i, ex):
    got = claims(ex["text"], ex.get("published"))
    if not ex["expect"]:
        assert got == [], f"{rule_id}: expected no claim, got {got}"
        return
    left = list(got)
    for exp in ex["expect"]:
        hit = next((c for c in left if _matches(exp, c)), None)
        assert hit is not None, f"{rule_id}: {exp} not in {[{k: c[k] for k in KEYS[:9]} for c in got]}"
        left.remove(hit)


# -- the output contract ---------------------------------------------------------

SEED = ("روسيا تسقط 4 صواريخ أميركية\n\n"
        "في غضون ذلك، أعلن الجيش الروسي اليوم، أنه أسقط أربعة صواريخ هارم أميركية الصنع فوق أراضيه "
        "في سماء منطقة بيلغورود المتاخمة لأوكرانيا.\n\n"
        "وقالت وزارة الدفاع الروسية في تقريرها اليومي الذي نشر على تلغرام: \"تم إسقاط أربعة صواريخ أميركية "
        "مضادة للرادار من طراز هارم في المجال الجوي لمنطقة بيلغورود\".")


def test_claim_keys_order_and_evidence_offsets():
    text = SEED
    got = claims(text, "2022-12-19")
    assert got
    for c in got:
        assert list(c) == KEYS
        assert text[c["start"]:c["end"]] == c["evidence"]
        assert c["rule"] in {r["id"] for r in RULES}


def test_same_claim_told_three_times_is_one_claim_with_first_evidence():
    got = claims(SEED, "2022-12-19")
    shot = [c for c in got if c["type"] == "shootdown"]
    assert len(shot) == 1
    c = shot[0]
    assert c["count"] == 4
    assert c["location"] == "بيلغورود"
    assert c["origin"] == "الولايات المتحدة"
    assert c["claimant"] in ("الجيش الروسي", "وزارة الدفاع الروسية")
    assert c["evidence"] == "روسيا تسقط 4 صواريخ أميركية"  # the headline told it first
    assert c["date"] == "2022-12-19"


def test_date_from_the_sentence_else_publication_else_null():
    text = "أعلنت الوزارة يوم 3 مارس 2024 مقتل 5 أشخاص في قصف على مدينة حمص."
    assert claims(text, "2024-03-05")[0]["date"] == "2024-03-03"
    text = "أعلنت الوزارة مقتل 5 أشخاص في قصف على مدينة حمص."
    assert claims(text, "2024-03-05")[0]["date"] == "2024-03-05"
    assert claims(text)[0]["date"] is None


def test_empty_and_claimless_text():
    assert claims("") == []
    assert claims("   \n ") == []
    assert claims("ارتفعت أسعار الذهب في الأسواق المحلية اليوم.") == []


# -- counts ----------------------------------------------------------------------


@pytest.mark.parametrize("text,count,qualifier", [
    ("أسقطت الدفاعات الجوية طائرتين مسيرتين فوق المدينة.", 2, None),
    ("أسقطت الدفاعات الجوية طائرة مسيرة فوق المدينة.", 1, None),
    ("أسقطت الدفاعات الجوية أكثر من 20 صاروخا فوق المدينة.", 20, "more_than"),
    ("أسقطت الدفاعات الجوية نحو ثلاثين طائرة مسيرة.", 30, "about"),
    ("أسقطت الدفاعات الجوية 10 طائرات أوكرانية مسيرة على الأقل.", 10, "at_least"),
])
def test_shootdown_counts(text, count, qualifier):
    (c,) = claims(text)
    assert c["type"] == "shootdown"
    assert (c["count"], c["qualifier"]) == (count, qualifier)


def test_shootdown_without_number_has_null_count():
    (c,) = claims("أعلن الجيش إسقاط عدد من الطائرات المسيرة فوق المدينة.")
    assert c["type"] == "shootdown" and c["count"] is None


@pytest.mark.parametrize("text,typ,count", [
    ("ارتفع عدد القتلى إلى 30 في المدينة.", "killed", 30),
    ("ارتفع عدد الإصابات في المدينة إلى 120.", "injured", 120),
    ("سجلت الوزارة 308 إصابات جديدة.", "injured", 308),
    ("وأعلنت الوزارة وفاة 3 أشخاص.", "killed", 3),
    ("قتل 12 شخصا في انفجار بالسوق.", "killed", 12),
    ("أصيب اثنا عشر شخصا بجروح.", "injured", 12),
    ("لقي رجل حتفه في الحادث.", "killed", 1),
    ("مقتل رجل وإصابة امرأة في إطلاق نار.", "killed", 1),
])
def test_casualty_counts(text, typ, count):
    got = [c for c in claims(text) if c["type"] == typ]
    assert got, claims(text)
    assert got[0]["count"] == count


def test_vague_amount_gives_null_count_and_qualifier():
    got = claims("أسفر القصف عن إصابة العشرات من المدنيين.")
    inj = [c for c in got if c["type"] == "injured"]
    assert inj and inj[0]["count"] is None and inj[0]["qualifier"] == "tens"


def test_attack_counts_strikes_and_weapons():
    (c,) = [c for c in claims("شن الطيران سبع غارات على مدينة إدلب.") if c["type"] == "attack"]
    assert c["count"] == 7 and c["location"] == "إدلب"
    (c,) = [c for c in claims("وأصيب 8 أشخاص بغارة إسرائيلية على بلدة البابلية.") if c["type"] == "attack"]
    assert c["count"] == 1  # the 8 counts the injured, not the strike


def test_per_place_breakdown_is_separate_claims():
    text = ("وبحسب وزارة الدفاع الروسية، تم إسقاط غالبية المسيرات فوق ثلاث مناطق، "
            "هي بريانسك (45 مسيرة) وكورسك (6) وبيلغورود (3).")
    got = {(c["count"], c["location"]) for c in claims(text) if c["type"] == "shootdown"}
    assert got == {(45, "بريانسك"), (6, "كورسك"), (3, "بيلغورود")}


def test_different_numbers_are_different_claims():
    text = ("قالت وزارة الصحة إن 61 شخصا قتلوا خلال الساعات الماضية. "
            "وارتفعت الحصيلة الإجمالية إلى 6200 قتيل.")
    got = sorted(c["count"] for c in claims(text) if c["type"] == "killed")
    assert got == [61, 6200]


# -- power outage ------------------------------------------------------------------


def test_outage_units():
    (c,) = [c for c in claims("وتسبب القصف في انقطاع الكهرباء عن 200 ألف منزل في أوديسا.")
            if c["type"] == "power_outage"]
    assert (c["type"], c["count"], c["unit"]) == ("power_outage", 200000, "household")
    (c,) = claims("وأدى الإعصار إلى انقطاع التيار الكهربائي عن نحو مليون شخص.")
    assert (c["count"], c["qualifier"], c["unit"]) == (1000000, "about", "person")


def test_outage_told_twice_by_two_outlets_is_one_claim():
    text = ("انقطعت الكهرباء عن عموم قطاع غزة، وفق ما ذكرته وسائل إعلام محلية.\n"
            "بينما أفادت وسائل إعلام فلسطينية بانقطاع التيار الكهربائي عن عموم قطاع غزة.")
    got = [c for c in claims(text) if c["type"] == "power_outage"]
    assert len(got) == 1


# -- claimant ----------------------------------------------------------------------


@pytest.mark.parametrize("text,claimant", [
    ("قتل 17 شخصا في قصف على مدينة الفاشر، بحسب ما أفاد مصدر طبي.", "مصدر طبي"),
    ("وقالت مصادر في وزارة الكهرباء العراقية إن البلاد تعرضت لانقطاع التيار الكهربائي.", "وزارة الكهرباء العراقية"),
    ("ونقلت وكالة الأناضول عن مصادر طبية ليبية أن 2800 شخص توفوا.", "مصادر طبية ليبية"),
    ("أسقطت الدفاعات 5 مسيرات، وفقا لوزارة الدفاع الروسية.", "وزارة الدفاع الروسية"),
    ("وقال المتحدث باسم شرطة الولاية إن انفجار عبوة في سوق أسفر عن إصابة أربعة مدنيين.",
     "المتحدث باسم شرطة الولاية"),
    ("وأوضح مدير الدفاع المدني في إدلب، مصطفى حاج يوسف، أن الزلزال خلف سبع وفيات في سلقين.",
     "مصطفى حاج يوسف"),
])
def test_claimant_forms(text, claimant):
    got = claims(text)
    assert got
    assert norm(claimant) in norm(got[0]["claimant"] or "") or norm(got[0]["claimant"] or "") in norm(claimant)


def test_claimant_pronoun_and_anaphor_resolve_to_earlier_source():
    text = ("قالت وزارة الصحة اللبنانية إن غارة إسرائيلية استهدفت بلدة الخرايب.\n"
            "وأفادت الوزارة باستشهاد 6 أشخاص بغارة على بلدة البابلية.\n"
            "وأشارت إلى استشهاد شخص بغارة على بلدة كفرحتى.")
    got = [c for c in claims(text) if c["type"] == "killed"]
    assert {c["count"] for c in got} == {6, 1}
    assert all(c["claimant"] == "وزارة الصحة اللبنانية" for c in got)


def test_claimant_subject_before_the_verb():
    text = "وكان الجيش الإسرائيلي أعلن قبيل ذلك أنه اعترض صاروخا أطلق من لبنان."
    (c,) = [c for c in claims(text) if c["type"] == "shootdown"]
    assert c["claimant"] == "الجيش الإسرائيلي" and c["count"] == 1


def test_misspelt_surname_is_the_person_named_before():
    text = ("أعلن عمدة موسكو سيرجي سوبيانين أن الدفاعات الجوية دمرت طائرتين مسيرتين.\n"
            "وكان سوبياين قد أعلن في وقت سابق عن إسقاط 30 طائرة مسيرة.")
    got = {c["count"]: c["claimant"] for c in claims(text) if c["type"] == "shootdown"}
    assert got == {2: "سيرجي سوبيانين", 30: "سيرجي سوبيانين"}


def test_headline_in_a_country_and_body_in_its_town_are_one_claim():
    text = ("مقتل أكثر من 20 شخصا في هجوم على قاعدة عسكرية وسط الصومال\n"
            "قتل أكثر من 20 شخصا في هجوم على قاعدة في بلدة مهداي، بحسب مسؤولين محليين.")
    got = [c for c in claims(text) if c["type"] == "killed"]
    assert len(got) == 1
    assert got[0]["location"] == "مهداي" or "مهداي" in (got[0]["location"] or [])


def test_a_preposition_phrase_is_not_a_claimant():
    # "ربع نقل" (a pickup) holds نقل, an attribution verb; what follows it names no source
    text = "وأصيب 9 أشخاص في انقلاب سيارة ربع نقل بالقرب من مدينة الواسطى."
    (c,) = [c for c in claims(text) if c["type"] == "injured"]
    assert c["count"] == 9 and c["claimant"] is None


def test_data_is_not_a_claimant():
    text = "وبحسب البيانات الأولية، أسقطت قوات الدفاع الجوي 76 طائرة مسيرة."
    (c,) = claims(text)
    assert c["claimant"] is None


# -- location ----------------------------------------------------------------------


def test_location_prefers_the_event_place_over_the_direction():
    text = "قالت قوات الدفاع الجوي في منطقة بودولسك إنها تصدت لهجوم بمسيرة باتجاه موسكو."
    (c,) = claims(text)
    assert c["location"] == "بودولسك"


def test_location_list_for_coordinated_places():
    text = "وأكدت المصادر خروج جميع محطات الكهرباء في محافظات البصرة وميسان وواسط وكركوك عن العمل."
    (c,) = claims(text)
    assert c["type"] == "power_outage"
    assert c["location"] == ["البصرة", "ميسان", "واسط", "كركوك"]


def test_location_from_previous_sentence_when_the_clause_has_none():
    text = "أعلنت وزارة الصحة في غزة حصيلة جديدة.\nوأكدت الوزارة وصول 61 شهيدًا إلى المستشفيات."
    (c,) = claims(text)
    assert (c["type"], c["count"], c["location"]) == ("killed", 61, "غزة")


def test_dateline_is_not_the_event_place_but_a_last_resort():
    text = ("الرباط - أعلنت وزارة الداخلية ارتفاع حصيلة ضحايا الزلزال الذي ضرب إقليم الحوز إلى 2012 قتيلا.")
    (c,) = claims(text)
    assert c["location"] == "الحوز"
    text = "مقديشو - أعلنت الشرطة مقتل 12 شخصا."
    (c,) = claims(text)
    assert c["location"] == "مقديشو"  # nothing else names a place


def test_place_a_weapon_came_from_is_not_where_it_was_shot_down():
    text = "قال الجيش الإسرائيلي إن منظومات الدفاع الجوي اعترضت صاروخا أطلق من اليمن."
    shot = [c for c in claims(text) if c["type"] == "shootdown"]
    assert shot and shot[0]["count"] == 1 and shot[0]["location"] != "اليمن"


# -- meeting and denial ------------------------------------------------------------


def test_meeting_reporter_is_not_a_participant():
    text = "كتب شريف أحمد - استقبل وزير الخارجية الأمير فيصل بن فرحان في نيويورك نظيره البريطاني ديفيد لامي."
    (c,) = claims(text)
    assert c["type"] == "meeting" and c["location"] == "نيويورك"
    assert "شريف أحمد" not in c["participants"]


def test_a_call_has_no_place_and_a_third_party_is_another_meeting():
    text = ("استقبل وزير الخارجية السعودي الأمير فيصل بن فرحان في الرياض وزير الخارجية الإيراني عباس عراقجي.\n"
            "كما أجرى عراقجي اتصالا هاتفيا مع نظيره العماني بدر البوسعيدي بشأن الأوضاع في غزة.")
    got = [c for c in claims(text) if c["type"] == "meeting"]
    assert len(got) == 2
    assert got[0]["location"] == "الرياض" and got[1]["location"] is None


def test_meeting_merges_tellings_and_takes_place_of_visit():
    text = ("التقى الرئيس الروسي فلاديمير بوتين اليوم في مينسك بنظيره البيلاروسي ألكسندر لوكاشنكو.\n"
            "وأجرى بوتين ولوكاشنكو محادثات ثنائية في قصر الاستقلال.")
    got = [c for c in claims(text) if c["type"] == "meeting"]
    assert len(got) == 1
    assert got[0]["location"] == "مينسك"
    assert set(got[0]["participants"]) >= {"فلاديمير بوتين", "ألكسندر لوكاشنكو"}


def test_cancelled_or_frozen_meeting_is_no_meeting():
    assert claims("وقررت واشنطن تأجيل القمة بين الرئيس الأميركي دونالد ترامب والرئيس الروسي فلاديمير بوتين.") == []
    assert [c for c in claims("بعد تجميد مساع لتنظيم قمة بين الرئيس فلاديمير بوتين والرئيس دونالد ترامب.")
            if c["type"] == "meeting"] == []


def test_denial_object_and_claimant():
    text = "ونفى الكرملين الجمعة تكهنات بأن لافروف لم يعد يحظى بتأييد الرئيس."
    (c,) = claims(text)
    assert c["type"] == "denial" and c["claimant"] == "الكرملين"
    assert c["object"].startswith("لافروف لم يعد يحظى")


# -- must not fire -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "نفى الجيش إسقاط طائرة مسيرة فوق المدينة.",
    "نفت الوزارة مقتل 5 جنود في الهجوم.",
])
def test_denied_event_is_only_a_denial(text):
    assert [c["type"] for c in claims(text)] == ["denial"]


@pytest.mark.parametrize("text", [
    "سقطت صواريخ قرب القاعدة دون أن توقع قتلى أو مصابين.",
    "ولم تسفر الغارة عن إصابات.",
    "وأكد المسؤول عدم وقوع إصابات في صفوف المدنيين.",
    "وبحسب المعطيات الأولية، ما من أضرار أو ضحايا.",
    "ولم ترد أنباء عن أضرار أو إصابات.",
])
def test_no_casualties_is_no_casualty_claim(text):
    assert [c for c in claims(text) if c["type"] in ("killed", "injured")] == []


@pytest.mark.parametrize("text", [
    "يوم الأحد الماضي افتتح المعرض أبوابه.",
    "حاول اللاعب قتل المباراة في الدقائق الأخيرة.",
    "صوت البرلمان على إسقاط الحكومة.",
    "قدمت المعارضة اعتراضا على نتائج الانتخابات.",
    "قطع الرئيس زيارته وعاد إلى البلاد.",
    "وتعلن روسيا بصورة شبه يومية عن إسقاط مسيرات أوكرانية فوق أراضيها.",
    "وتسفر الهجمات غالبا عن سقوط قتلى وجرحى.",
    "نزل الرئيس من الطائرة قبل أن يستقبله نظيره.",
    "وأجرى الجيش مناورات تضمنت ضربات مدفعية في الميدان.",
])
def test_homographs_and_habits_do_not_fire(text):
    assert claims(text) == []


# -- rules loading ---------------------------------------------------------------


def test_rule_without_examples_is_refused(tmp_path):
    (tmp_path / "claims.toml").write_text(
        '[[rule]]\nid = "x"\ntype = "killed"\nmechanism = "casualty"\ntriggers = ["مقتل"]\nexamples = []\n',
        encoding="utf-8")
    with pytest.raises(RuleError):
        RuleSet([tmp_path]).toml("claims.toml")


def test_rule_with_unknown_mechanism_is_refused(tmp_path):
    (tmp_path / "claims.toml").write_text(
        '[[rule]]\nid = "x"\ntype = "killed"\nmechanism = "magic"\ntriggers = ["مقتل"]\n'
        'examples = [{text = "مقتل 3", expect = []}]\n', encoding="utf-8")
    with pytest.raises(RuleError):
        vocab(RuleSet([tmp_path]))


def test_user_rule_adds_a_trigger(tmp_path):
    (tmp_path / "claims.toml").write_text(
        '[[rule]]\nid = "shootdown.user"\ntype = "shootdown"\nmechanism = "downed"\nneeds = "aerial"\n'
        'side = "after"\ntriggers = ["أردت"]\n'
        'examples = [{text = "أردت الدفاعات الجوية ثلاث مسيرات.", expect = [{type = "shootdown", count = 3}]}]\n',
        encoding="utf-8")
    rs = RuleSet([tmp_path])
    got = extract("أردت الدفاعات الجوية ثلاث مسيرات.", rules=rs)["claims"]
    assert [(c["type"], c["count"], c["rule"]) for c in got] == [("shootdown", 3, "shootdown.user")]


