"""Round 20 (objectivity): word classes taken from public lexicons (the advertising law's lists of banned superlatives,
HowNet's degree levels and positive evaluation words, news-writing criticism of stock phrases), not from our evaluation
documents; see assistant/rules/objectivity_lexicon.md. Each class keeps the usual context exceptions (quotes, a figure
in its clause or sentence, purpose and policy wording). Sentences written for these tests (catering school, landscaping,
property services, dairy, furniture, rural tourism, hotels, bartending, prepared food)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- honour and award rhetoric
def test_award_rhetoric_without_the_awards_is_flagged():
    assert flagged("学院烹饪专业学生在省级技能大赛中屡获佳绩。", "屡获佳绩")
    assert flagged("烹饪代表队在全国赛场上斩金夺银。", "斩金夺银")


def test_awards_counted_in_the_clause_are_a_fact():
    assert not flagged("学院烹饪专业学生在省级技能大赛中斩获3个一等奖。", "斩获")


# ---- fame and approval
def test_reputation_and_unattributed_approval_are_flagged():
    assert flagged("该园林公司在业内享有良好的社会声誉。", "良好的社会声誉")
    assert flagged("该园林公司的养护服务得到游客好评。", "得到游客好评")
    assert flagged("这家苗圃素有“江南花木之乡”的美誉。", "美誉")


def test_approval_as_an_aim_is_not_a_statement():
    assert not any(rid == "objectivity.lexicon-fame"
                   for rid, _ in obj("如何提升服务质量，赢得业主的认可，是物业企业的课题。"))


# ---- four-character praise idioms
def test_a_praise_idiom_is_flagged():
    assert flagged("经过三年筹备，本地乳业企业蓄势待发。", "蓄势待发")
    assert flagged("本届乳品博览会盛况空前。", "盛况空前")


def test_an_adverbial_idiom_describing_a_plan_is_not_flagged():
    assert not any(rid == "objectivity.lexicon-idiom" for rid, _ in obj("合作社将更卓有成效地开展技术推广。"))


def test_a_quoted_idiom_is_not_flagged():
    assert not flagged("展会的主题是“蓄势待发”。", "蓄势待发")


# ---- advertising-law superlatives and firsts
def test_an_advertising_law_superlative_is_flagged_unless_quoted():
    assert flagged("这款沙发是公司的王牌产品。", "王牌")
    assert not flagged("公司把这款沙发称作“王牌”。", "王牌")


def test_an_unsourced_first_is_a_ranking_claim():
    assert flagged("该物业公司开创了社区养老服务之先河。", "先河")
    assert flagged("该物业公司的智慧社区模式为全国首创。", "全国首创")


def test_a_first_with_its_source_in_the_sentence_is_not_flagged():
    assert not flagged("据住房和城乡建设部公布的试点名单，该模式为全国首创。", "全国首创")


# ---- scarcity instead of a number
def test_scarcity_without_a_number_is_flagged():
    assert flagged("具备国际认证的调酒师在本市寥寥无几。", "寥寥无几")


def test_scarcity_summing_up_the_number_in_its_sentence_is_not_flagged():
    assert not flagged("本市具备国际认证的调酒师仅有5人，寥寥无几。", "寥寥无几")


# ---- HowNet degree adverbs + an evaluative word
def test_a_top_level_degree_adverb_with_an_evaluative_word_is_flagged():
    assert flagged("今年乡村民宿的客源结构颇为丰富。", "颇为丰富")


def test_degree_adverb_on_the_significance_of_a_policy_is_not_flagged():
    assert not flagged("乡村旅游对巩固脱贫成果具有颇为重要的意义。", "颇为重要")


# ---- vague change and vague amounts with the degree words of the HowNet levels
def test_a_large_change_without_its_figure_is_flagged():
    assert flagged("近年来古镇的面貌发生了很大的变化。", "发生了很大的变化")


def test_a_large_change_with_its_from_to_figure_is_not_flagged():
    assert not flagged("近年来古镇民宿发生了很大的变化，客房数从120间增加到300间。", "发生了很大的变化")


def test_momentum_with_a_degree_word_is_flagged_unless_the_growth_is_given():
    assert flagged("今年以来定制家具的增势较为强劲。", "增势较为强劲")
    assert not flagged("今年以来定制家具的增势较为强劲，销售额同比增长15.2%。", "增势较为强劲")


def test_a_year_on_year_increase_without_a_figure_is_flagged_but_an_ordering_is_not():
    assert flagged("景区夜游项目的游客人数逐年递增。", "逐年递增")
    assert not obj("按一、二、三星级的顺序，各档酒店的客房数依次递增。")


def test_room_for_growth_without_a_figure_is_flagged():
    assert flagged("预制菜行业增长空间大。", "增长空间大")
    assert not flagged("预制菜行业增长空间大，预计2025年规模将比上年增长18%。", "增长空间大")


def test_a_slight_change_in_the_ish_level_of_hownet_is_flagged_without_its_figure():
    assert flagged("今年民宿入住率略微下降。", "略微下降")
    assert not flagged("酒店客房均价稍稍回升，达到每晚420元，同比增长3.1%。", "稍稍回升")
