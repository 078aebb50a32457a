"""Round 36 (objectivity), see evals/check/README.md "Round 36 (objectivity)": a change said to be small with no
figure (变化不大、幅度不大), a pace said to quicken with no figure (步伐加快、进度加快), 越来越明显 at a clause end,
a growing amount as an attribute (越来越大的压力), a phenomenon said to be common (是普遍现象、现象较普遍), and a problem
said to grow evident (问题逐渐凸显).
Sentences written for these tests (port logistics, dairy farming, cross-border parcels, furniture exports, cold chain)."""
from assistant.check import check_text


def found(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings]


def test_a_change_said_to_be_small_with_no_figure():
    assert any("变化不大" in t for t in found("与上年相比，集装箱吞吐量中内贸箱的占比变化不大。"))
    assert any("幅度不大" in t for t in found("近两年，奶牛存栏量的增长幅度不大，牧场仍在调整结构。"))
    assert any("波动不大" in t for t in found("全年生鲜乳收购价格波动不大。"))
    # the same words with the figure in the sentence are answered by it
    assert found("与上年相比，内贸箱占比变化不大，为41.2%，比上年提高0.3个百分点。") == []


def test_a_pace_said_to_quicken_with_no_figure():
    assert any("步伐加快" in t for t in found("近年来，跨境包裹分拣中心智能化改造步伐加快，人工分拣岗位随之调整。"))
    assert any("进度加快" in t for t in found("入秋以后，各地牧场新建项目的进度加快，但饲草供应仍然偏紧。"))
    # a figure for the change in the next sentence answers it
    assert not any("步伐加快" in t for t in found("全省家具出口企业转型步伐加快。前三季度，家具出口额同比增长12.4%，"
                                                "家具出口企业转型投入同比增长20.5%。"))
    # a slowing pace is not in the class (its occurrences in d…aj are all clean)
    assert not any("速度放缓" in t for t in found("一是港口新增泊位的建设速度放缓。"))


def test_more_and_more_evident_at_a_clause_end():
    assert any("越来越明显" in t
               for t in found("有业内人士认为，家具出口向东南亚市场转移的趋势越来越明显。"))
    # as an attribute it is not a claim of this class
    assert not any("越来越明显" in t for t in found("越来越明显的季节差异让牧场调整了排班。"))


def test_a_growing_amount_as_an_attribute():
    assert any("越来越大的" in t for t in found("冷链车辆的短缺给生鲜电商的配送造成了越来越大的压力。"))
    assert any("越来越高的" in t for t in found("牧场对饲草品质提出了越来越高的期待，草业企业随之扩产。"))
    # a requirement or a standard is not an amount (round 5)
    assert not any("越来越高的" in t for t in found("岗位对分拣员的数字技能提出了越来越高的要求。"))


def test_a_phenomenon_said_to_be_common_with_no_share():
    assert any("普遍现象" in t for t in found("年底物流园区“招工难”是普遍现象，不少仓库临时加价招人。"))
    assert any("较普遍" in t for t in found("部分港口企业之间压价揽货的现象较普遍，应引起重视。"))
    # with the share in the sentence it is answered by it
    assert found("约62%的受访仓库存在临时加价招人的现象，这种情况较为普遍。") == []


def test_a_problem_said_to_grow_evident_with_no_figure():
    assert any("逐渐凸显" in t for t in found("随着冷链仓储规模扩大，制冷技工短缺的问题逐渐凸显。"))
    assert any("逐步凸显" in t for t in found("一个容易被忽视的问题逐步凸显——港口设备维修人员不足。"))
    # with an object it is not a claim about the subject's salience
    assert not any("凸显" in t for t in found("今年的培训计划持续凸显实操环节的分量。"))
