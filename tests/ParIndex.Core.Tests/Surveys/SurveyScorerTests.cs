using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class SurveyScorerTests
{
    private static SurveyScoreResult Score(params SurveyAnswer[] answers)
    {
        var scorer = new SurveyScorer(SurveyTestData.Framework);
        foreach (var answer in answers)
        {
            scorer.Add(SurveyTestData.Questionnaire, answer);
        }

        return scorer.Result();
    }

    private static SurveyAnswer A(string unit, string respondent, string question, string key, decimal? weight = null) =>
        new(unit, respondent, question, key, weight);

    [Fact]
    public void Hand_checked_dataset_gives_leaf_points_and_sipas()
    {
        var result = Score(
            // Q1 → 2.4.1 (max 1): A, B, B, C, D and one E (không biết).
            // Valid n = 5; shares 1 + 0,6 + 0,6 + 0,2 + 0 = 2,4; mean 2,4 / 5 = 0,48; points 1 × 0,48 = 0,48.
            A("U1", "r1", "Q1", "A"), A("U1", "r2", "Q1", "B"), A("U1", "r3", "Q1", "b"),
            A("U1", "r4", "Q1", "C"), A("U1", "r5", "Q1", "D"), A("U1", "r6", "Q1", "E"),
            // Q2 → 8.1.1 (max 1,5), Likert: 5, 4, 4, 3, 1 and one "0" (không biết).
            // Valid n = 5; shares 1 + 0,75 + 0,75 + 0,5 + 0 = 3; mean 0,6; points 1,5 × 0,6 = 0,9.
            // SIPAS 8.1.1: satisfied (4–5) = 3 of 5 valid = 60%.
            A("U1", "r1", "Q2", "5"), A("U1", "r2", "Q2", "4"), A("U1", "r3", "Q2", "4"),
            A("U1", "r4", "Q2", "3"), A("U1", "r5", "Q2", "1"), A("U1", "r6", "Q2", "0"),
            // Q3 → 8.1.2 (max 2): 5, 5, 4 → shares 2,75 / 3 = 0,91666…; points 2 × 0,91666… = 1,83333… → 1,8333.
            // SIPAS 8.1.2: 3 of 3 = 100%.
            A("U1", "r1", "Q3", "5"), A("U1", "r2", "Q3", "5"), A("U1", "r3", "Q3", "4"));

        var q1 = Assert.Single(result.Leaves, l => l.LeafCode == "2.4.1");
        Assert.Equal(5, q1.ValidAnswers);
        Assert.Equal(1, q1.InvalidAnswers);
        Assert.Equal(0.48m, q1.MeanShare);
        Assert.Equal(0.48m, q1.Points);

        var q2 = Assert.Single(result.Leaves, l => l.LeafCode == "8.1.1");
        Assert.Equal(5, q2.ValidAnswers);
        Assert.Equal(0.9m, q2.Points);

        var q3 = Assert.Single(result.Leaves, l => l.LeafCode == "8.1.2");
        Assert.Equal(1.8333m, q3.Points);
        Assert.Equal(2.75m / 3m, q3.MeanShare);
        Assert.Equal("Số câu trả lời hợp lệ = 3; Tỷ lệ điểm bình quân = 0,9167 → 2 × 2,75 / 3 = 1,8333 điểm", q3.Memo.Text);

        Assert.Equal(["2.4.1", "8.1.1", "8.1.2"], result.Leaves.Select(l => l.LeafCode));
        Assert.Equal(0.48m + 0.9m + 1.8333m, result.TotalPoints("U1"));

        var sipas = result.Sipas.Where(s => s.UnitCode == "U1").ToList();
        Assert.Equal(["8.1.1", "8.1.2"], sipas.Select(s => s.Component));
        Assert.Equal(0.6m, sipas[0].Share);
        Assert.Equal(60m, sipas[0].Percent);
        Assert.Equal(3, sipas[0].SatisfiedAnswers);
        Assert.Equal(5, sipas[0].ValidAnswers);
        Assert.Equal(1m, sipas[1].Share);
        // Overall SIPAS = mean of the components: (0,6 + 1) / 2 = 0,8.
        Assert.Equal(0.8m, result.OverallSipas("U1"));
        Assert.Equal(80m, result.OverallSipasPercent("U1"));
        Assert.Null(result.OverallSipasPercent("khong-co"));
    }

    [Fact]
    public void Memo_names_n_and_mean_share_in_vietnamese()
    {
        var result = Score(A("U1", "r1", "Q2", "5"), A("U1", "r2", "Q2", "4"), A("U1", "r3", "Q2", "0"));
        var leaf = Assert.Single(result.Leaves);
        // (1 + 0,75) / 2 = 0,875; 1,5 × 0,875 = 1,3125.
        Assert.Equal(1.3125m, leaf.Points);
        Assert.Equal("Số câu trả lời hợp lệ = 2; Tỷ lệ điểm bình quân = 0,875 → 1,5 × 1,75 / 2 = 1,3125 điểm. Không tính 1 câu trả lời không hợp lệ (không biết/không trả lời)", leaf.Memo.Text);
    }

    [Fact]
    public void Weights_shift_the_mean()
    {
        // Σw = 2 + 1 + 1 = 4; Σw·share = 2 × 1 + 1 × 0 + 1 × 0,6 = 2,6; mean 0,65 → 0,65 points.
        // The "không biết" answer with weight 5 counts nowhere.
        var result = Score(A("U2", "r1", "Q1", "A", 2m), A("U2", "r2", "Q1", "D", 1m), A("U2", "r3", "Q1", "B", 1m), A("U2", "r4", "Q1", "E", 5m));
        var leaf = Assert.Single(result.Leaves);
        Assert.Equal(3, leaf.ValidAnswers);
        Assert.Equal(0.65m, leaf.MeanShare);
        Assert.Equal(0.65m, leaf.Points);
        Assert.Contains("trọng số", leaf.Memo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counted_answers_score_exactly_as_the_same_answers_one_by_one()
    {
        var one = Score(
            A("U1", "r1", "Q1", "A", 2m), A("U1", "r2", "Q1", "A", 2m), A("U1", "r3", "Q1", "C"), A("U1", "r4", "Q1", "E"), A("U1", "r5", "Q1", "E"),
            A("U1", "r1", "Q2", "5"), A("U1", "r2", "Q2", "5"), A("U1", "r3", "Q2", "5"), A("U1", "r4", "Q2", "2", 0.5m));
        var counted = new SurveyScorer(SurveyTestData.Framework);
        var q1 = SurveyTestData.Questionnaire.Find("Q1")!;
        var q2 = SurveyTestData.Questionnaire.Find("Q2")!;
        counted.Add("U1", q1, q1.Scale.Find("A")!, 2m, count: 2);
        counted.Add("U1", q1, q1.Scale.Find("C")!);
        counted.Add("U1", q1, q1.Scale.Find("E")!, count: 2);
        counted.Add("U1", q2, q2.Scale.Find("5")!, count: 3);
        counted.Add("U1", q2, q2.Scale.Find("2")!, 0.5m);

        var result = counted.Result();

        Assert.Equal(one.Leaves.Select(l => (l.LeafCode, l.ValidAnswers, l.InvalidAnswers, l.MeanShare, l.Points, l.Memo.Text)),
            result.Leaves.Select(l => (l.LeafCode, l.ValidAnswers, l.InvalidAnswers, l.MeanShare, l.Points, l.Memo.Text)));
        Assert.Equal(one.Sipas, result.Sipas);
        // (2 × 1 + 2 × 1 + 0,2) / 5 = 0,84 on Q1.
        Assert.Equal(0.84m, result.Leaves[0].Points);
        Assert.Throws<ArgumentOutOfRangeException>(() => counted.Add("U1", q1, q1.Scale.Find("A")!, count: 0));
    }

    [Fact]
    public void Weighted_sipas_is_the_satisfied_weight_share()
    {
        // Satisfied weight 3 (level 5) of valid weight 3 + 1 = 4 → 75%.
        var result = Score(A("U1", "r1", "Q2", "5", 3m), A("U1", "r2", "Q2", "2", 1m));
        Assert.Equal(0.75m, Assert.Single(result.Sipas).Share);
    }

    [Fact]
    public void Only_khong_biet_answers_leave_the_leaf_without_points_and_say_so()
    {
        var result = Score(A("U1", "r1", "Q1", "E"), A("U1", "r2", "Q1", "E"));
        var leaf = Assert.Single(result.Leaves);
        Assert.Equal(0, leaf.ValidAnswers);
        Assert.Equal(2, leaf.InvalidAnswers);
        Assert.Null(leaf.MeanShare);
        Assert.Equal(0m, leaf.Points);
        Assert.Contains("Không có câu trả lời hợp lệ", leaf.Memo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_round_half_away_from_zero_at_four_decimals()
    {
        var framework = SurveyTestData.Framework;
        var question = new SurveyQuestion
        {
            Code = "X",
            Text = "x",
            LeafCode = "2.4.1",
            Scale = new OptionScale([new AnswerOption("K", "k", 0.12345m)]),
        };
        var scorer = new SurveyScorer(framework);
        scorer.Add("U1", question, question.Scale.Options[0]);
        // 1 × 0,12345 = 0,12345 → 0,1235 (banker's rounding would give 0,1234).
        Assert.Equal(0.1235m, Assert.Single(scorer.Result().Leaves).Points);
    }

    [Fact]
    public void Units_are_scored_apart_and_sorted()
    {
        var result = Score(A("U2", "r1", "Q1", "D"), A("U1", "r2", "Q1", "A"));
        Assert.Equal(["U1", "U2"], result.Leaves.Select(l => l.UnitCode));
        Assert.Equal([1m, 0m], result.Leaves.Select(l => l.Points));
    }

    [Fact]
    public void A_question_group_forms_one_sipas_component()
    {
        var likert = SurveyTestData.Likert;
        var q2 = new SurveyQuestion { Code = "Q2", Text = "a", LeafCode = "8.1.1", Component = "TTHC", Scale = likert };
        var q3 = new SurveyQuestion { Code = "Q3", Text = "b", LeafCode = "8.1.2", Component = "TTHC", Scale = likert };
        var scorer = new SurveyScorer(SurveyTestData.Framework);
        scorer.Add("U1", q2, likert.Find("5")!);
        scorer.Add("U1", q3, likert.Find("2")!);
        scorer.Add("U1", q3, likert.Find("4")!);
        var component = Assert.Single(scorer.Result().Sipas);
        Assert.Equal("TTHC", component.Component);
        Assert.Equal(3, component.ValidAnswers);
        Assert.Equal(2, component.SatisfiedAnswers);
    }

    [Fact]
    public void Options_without_satisfied_flags_do_not_feed_the_sipas()
    {
        var result = Score(A("U1", "r1", "Q1", "A"));
        Assert.Empty(result.Sipas);
    }

    [Fact]
    public void Unknown_question_or_key_and_bad_weight_are_refused()
    {
        var scorer = new SurveyScorer(SurveyTestData.Framework);
        Assert.Throws<ArgumentException>(() => scorer.Add(SurveyTestData.Questionnaire, A("U1", "r1", "Q9", "A")));
        Assert.Throws<ArgumentException>(() => scorer.Add(SurveyTestData.Questionnaire, A("U1", "r1", "Q1", "F")));
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.Add(SurveyTestData.Questionnaire, A("U1", "r1", "Q1", "A", 0m)));
    }
}
