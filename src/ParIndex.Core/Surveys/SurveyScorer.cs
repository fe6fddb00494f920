using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Surveys;

/// <summary>
/// Scores survey answers per unit and survey leaf (SPEC 2.7) and computes the SIPAS per unit and
/// component. Streaming: answers are added one by one into running sums (count, Σ weight,
/// Σ weight × share), so memory depends on units × leaves, never on the number of answers.
/// <para>Leaf points = max × (Σ wᵢ·shareᵢ / Σ wᵢ) over valid answers, rounded to 4 decimals half
/// away from zero (<see cref="LeafScorer.RoundScore"/>). Answers whose option has no share
/// ("không biết") are counted apart and left out of n and the mean.</para>
/// <para>SIPAS of a component = Σ w over satisfied answers / Σ w over valid answers, counting only
/// questions whose scale marks satisfied answers. The component is the question's
/// <see cref="SurveyQuestion.Component"/>, or its leaf code when none is given.</para>
/// Not thread-safe: one scorer per import.
/// </summary>
public sealed class SurveyScorer
{
    private readonly Framework framework;
    private readonly Dictionary<string, FrameworkNode> surveyLeaves;
    private readonly Dictionary<string, UnitSums> units = new(StringComparer.Ordinal);
    private UnitSums? lastUnit;

    public SurveyScorer(Framework framework)
    {
        this.framework = framework ?? throw new ArgumentNullException(nameof(framework));
        surveyLeaves = framework.Leaves().Where(l => l.IsSurvey).ToDictionary(l => l.Code, StringComparer.Ordinal);
    }

    /// <summary>Adds an answer by codes; throws <see cref="ArgumentException"/> when the question or key is not in the questionnaire.</summary>
    public void Add(Questionnaire questionnaire, SurveyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var question = questionnaire.Find(answer.QuestionCode)
            ?? throw new ArgumentException($"Câu hỏi {answer.QuestionCode} không có trong phiếu {questionnaire.Id}.", nameof(answer));
        var option = question.Scale.Find(answer.AnswerKey)
            ?? throw new ArgumentException($"Phương án \"{answer.AnswerKey}\" không có trong câu {question.Code}.", nameof(answer));
        Add(answer.UnitCode, question, option, answer.Weight ?? 1m);
    }

    /// <summary>The hot path for readers that have already resolved the question and the option.</summary>
    /// <param name="count">How many identical answers this is.</param>
    public void Add(string unitCode, SurveyQuestion question, AnswerOption option, decimal weight = 1m, long count = 1)
    {
        if (weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Trọng số phải lớn hơn 0.");
        }

        AddCounted(unitCode, question, option, count, count == 1 ? weight : weight * count);
    }

    /// <summary>
    /// Adds <paramref name="count"/> answers with the same option whose weights sum to
    /// <paramref name="weightSum"/>: stored counts score exactly as the answers one by one, since
    /// Σ wᵢ·share = share · Σ wᵢ.
    /// </summary>
    public void AddCounted(string unitCode, SurveyQuestion question, AnswerOption option, long count, decimal weightSum)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (weightSum <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightSum), weightSum, "Tổng trọng số phải lớn hơn 0.");
        }

        var unit = lastUnit is { } last && (ReferenceEquals(last.Code, unitCode) || last.Code == unitCode) ? last : GetUnit(unitCode);
        var (leaf, component) = unit.For(question, this);
        if (option.Share is not { } share)
        {
            leaf.Invalid += count;
            return;
        }

        leaf.Valid += count;
        leaf.WeightSum += weightSum;
        leaf.WeightedShareSum += weightSum == 1m ? share : weightSum * share;
        if (component is not null)
        {
            component.Valid += count;
            component.WeightSum += weightSum;
            if (option.Satisfied)
            {
                component.Satisfied += count;
                component.SatisfiedWeightSum += weightSum;
            }
        }
    }

    private UnitSums GetUnit(string unitCode)
    {
        if (!units.TryGetValue(unitCode, out var unit))
        {
            unit = new UnitSums(unitCode);
            units.Add(unitCode, unit);
        }

        lastUnit = unit;
        return unit;
    }

    /// <summary>The scores so far: every unit × survey leaf that received an answer, and every unit × component.</summary>
    public SurveyScoreResult Result()
    {
        var leafOrder = framework.Leaves().Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var leaves = new List<SurveyLeafScore>();
        var sipas = new List<SipasScore>();
        foreach (var unit in units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            foreach (var (code, sums) in unit.Leaves.OrderBy(l => leafOrder[l.Key]))
            {
                leaves.Add(ScoreLeaf(unit.Code, surveyLeaves[code], sums));
            }

            foreach (var (component, sums) in unit.Components.OrderBy(c => leafOrder.GetValueOrDefault(c.Key, int.MaxValue)).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                var share = sums.WeightSum > 0 ? sums.SatisfiedWeightSum / sums.WeightSum : (decimal?)null;
                sipas.Add(new SipasScore(unit.Code, component, sums.Valid, sums.Satisfied, share));
            }
        }

        return new SurveyScoreResult(leaves, sipas);
    }

    private static SurveyLeafScore ScoreLeaf(string unitCode, FrameworkNode leaf, LeafSums sums)
    {
        var max = VietnameseNumbers.FormatPoints(leaf.Max);
        var notes = new List<string>();
        if (sums.Invalid > 0)
        {
            notes.Add($"Không tính {sums.Invalid} câu trả lời không hợp lệ (không biết/không trả lời)");
        }

        if (sums.WeightSum != sums.Valid)
        {
            notes.Add($"Bình quân có trọng số (tổng trọng số {VietnameseNumbers.FormatPoints(sums.WeightSum)})");
        }

        if (sums.Valid == 0)
        {
            notes.Add("Không có câu trả lời hợp lệ: chưa có điểm điều tra");
            var empty = new CalculationMemo("survey", [new MemoFigure("n", "Số câu trả lời hợp lệ", 0)], $"{max} × tỷ lệ điểm bình quân", null, 0m, notes);
            return new SurveyLeafScore(unitCode, leaf.Code, leaf.Max, 0, sums.Invalid, null, 0m, empty);
        }

        var mean = sums.WeightedShareSum / sums.WeightSum;
        var points = LeafScorer.RoundScore(leaf.Max * mean);
        var inputs = new[]
        {
            new MemoFigure("n", "Số câu trả lời hợp lệ", sums.Valid),
            new MemoFigure("share", "Tỷ lệ điểm bình quân", mean),
        };
        // The rule shows max × Σ share / n (Σ w·share / Σ w when weighted) so the memo can be checked by
        // hand; a rounded mean share would not multiply back to the points. The exact value stays
        // recoverable from MeanShare.
        var memo = new CalculationMemo("survey", inputs, $"{max} × {VietnameseNumbers.FormatPoints(sums.WeightedShareSum)} / {VietnameseNumbers.FormatPoints(sums.WeightSum)}", null, points, notes);
        return new SurveyLeafScore(unitCode, leaf.Code, leaf.Max, sums.Valid, sums.Invalid, mean, points, memo);
    }

    private sealed class UnitSums(string code)
    {
        // Per question object: one reference-hash lookup per answer instead of two string-keyed ones.
        private readonly Dictionary<SurveyQuestion, (LeafSums Leaf, ComponentSums? Component)> byQuestion = new(ReferenceEqualityComparer.Instance);

        public string Code { get; } = code;

        public (LeafSums Leaf, ComponentSums? Component) For(SurveyQuestion question, SurveyScorer scorer)
        {
            if (!byQuestion.TryGetValue(question, out var sums))
            {
                if (!scorer.surveyLeaves.ContainsKey(question.LeafCode))
                {
                    throw new ArgumentException($"Tiêu chí {question.LeafCode} không phải tiêu chí điều tra xã hội học của {scorer.framework.Id}.", nameof(question));
                }

                sums = (Leaf(question.LeafCode), question.Scale.MeasuresSatisfaction ? Component(question.EffectiveComponent) : null);
                byQuestion.Add(question, sums);
            }

            return sums;
        }

        public Dictionary<string, LeafSums> Leaves { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ComponentSums> Components { get; } = new(StringComparer.Ordinal);

        public LeafSums Leaf(string code)
        {
            if (!Leaves.TryGetValue(code, out var sums))
            {
                sums = new LeafSums();
                Leaves.Add(code, sums);
            }

            return sums;
        }

        public ComponentSums Component(string code)
        {
            if (!Components.TryGetValue(code, out var sums))
            {
                sums = new ComponentSums();
                Components.Add(code, sums);
            }

            return sums;
        }
    }

    private sealed class LeafSums
    {
        public long Valid;
        public long Invalid;
        public decimal WeightSum;
        public decimal WeightedShareSum;
    }

    private sealed class ComponentSums
    {
        public long Valid;
        public long Satisfied;
        public decimal WeightSum;
        public decimal SatisfiedWeightSum;
    }
}
