using ParIndex.Core.Formulas;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Scores one leaf from what the unit entered, per its method (SPEC 2.2). Pure: no I/O.
/// Computed scores (ratio, expression) are rounded to 4 decimals, half away from zero, as the
/// official tables print them (3.4.1 → 1,4981; 4.1.3 → 0,9384); sums of rounded leaves are exact.
/// </summary>
public static class LeafScorer
{
    public const int ScoreDecimals = 4;

    public static decimal RoundScore(decimal value) => Math.Round(value, ScoreDecimals, MidpointRounding.AwayFromZero);

    public static LeafOutcome Score(FrameworkNode leaf, LeafEntryInput input)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(input);
        if (!leaf.IsLeaf)
        {
            throw new ArgumentException($"{leaf.Code} is not a leaf", nameof(leaf));
        }

        if (input.NotApplicable)
        {
            return LeafOutcome.Excluded;
        }

        return leaf.EffectiveRule switch
        {
            ManualRule => Manual(leaf, input),
            LevelsRule levels => Levels(leaf, levels, input),
            BandsRule bands => Bands(leaf, bands, input),
            RatioRule ratio => Ratio(leaf, ratio, input),
            ExpressionRule expression => Expression(leaf, expression, input),
            SurveyRule => Survey(),
            BonusPenaltyRule bonus => BonusPenalty(bonus, input),
            var rule => LeafOutcome.Invalid($"Phương pháp chấm '{rule.Method}' chưa được hỗ trợ", $"The scoring method '{rule.Method}' is not supported", null),
        };
    }

    private static LeafOutcome Manual(FrameworkNode leaf, LeafEntryInput input)
    {
        if (input.Score is not { } score)
        {
            return LeafOutcome.Pending;
        }

        if (score < 0 || score > leaf.Max)
        {
            return LeafOutcome.Invalid(
                $"Điểm của {leaf.Code} phải từ 0 đến {VietnameseNumbers.FormatPoints(leaf.Max)}, đã nhập {VietnameseNumbers.FormatPoints(score)}",
                $"The score of {leaf.Code} must be between 0 and {VietnameseNumbers.FormatPoints(leaf.Max)}; {VietnameseNumbers.FormatPoints(score)} was entered",
                "score");
        }

        return new LeafOutcome(score, new CalculationMemo("manual", [], "Điểm tự chấm", null, score, []), null);
    }

    private static LeafOutcome Levels(FrameworkNode leaf, LevelsRule rule, LeafEntryInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Level))
        {
            return LeafOutcome.Pending;
        }

        var level = rule.Levels.FirstOrDefault(l => string.Equals(l.Key, input.Level, StringComparison.OrdinalIgnoreCase));
        if (level is null)
        {
            return LeafOutcome.Invalid(
                $"Mức '{input.Level}' không có trong {leaf.Code}; các mức: {string.Join(", ", rule.Levels.Select(l => l.Key))}",
                $"{leaf.Code} has no level '{input.Level}'; its levels: {string.Join(", ", rule.Levels.Select(l => l.Key))}",
                "level");
        }

        var points = Math.Clamp(level.Points, 0, leaf.Max);
        return new LeafOutcome(points, new CalculationMemo("levels", [], $"Mức \"{level.Label}\"", null, points, []), null);
    }

    private static LeafOutcome Bands(FrameworkNode leaf, BandsRule rule, LeafEntryInput input)
    {
        if (!input.TryGetFigure(LeafEntryInput.BandValue, out var value))
        {
            return LeafOutcome.Pending;
        }

        var figure = new MemoFigure(LeafEntryInput.BandValue, rule.InputLabel, value);
        foreach (var band in rule.Bands)
        {
            var aboveFrom = band.From is not { } from || (band.FromExclusive ? value > from : value >= from);
            var belowTo = band.To is not { } to || (band.ToInclusive ? value <= to : value < to);
            if (aboveFrom && belowTo)
            {
                var points = Math.Clamp(band.Points, 0, leaf.Max);
                var label = band.Label ?? DescribeBand(band);
                return new LeafOutcome(points, new CalculationMemo("bands", [figure], $"Khoảng {label}", null, points, []), null);
            }
        }

        return LeafOutcome.Invalid(
            $"Giá trị {VietnameseNumbers.FormatPoints(value)}% của {leaf.Code} không thuộc khoảng nào",
            $"The value {VietnameseNumbers.FormatPoints(value)}% of {leaf.Code} falls in no band",
            "figures." + LeafEntryInput.BandValue);
    }

    private static string DescribeBand(ScoreBand band)
    {
        var from = band.From is { } f ? $"{(band.FromExclusive ? "trên" : "từ")} {VietnameseNumbers.FormatPoints(f)}%" : "";
        var to = band.To is { } t ? $"{(band.ToInclusive ? "đến" : "dưới")} {VietnameseNumbers.FormatPoints(t)}%" : "";
        return string.Join(" ", new[] { from, to }.Where(s => s.Length > 0));
    }

    private static LeafOutcome Ratio(FrameworkNode leaf, RatioRule rule, LeafEntryInput input)
    {
        if (!input.TryGetFigure(LeafEntryInput.Numerator, out var numerator) ||
            !input.TryGetFigure(LeafEntryInput.Denominator, out var denominator))
        {
            return LeafOutcome.Pending;
        }

        if (numerator < 0 || denominator < 0)
        {
            return LeafOutcome.Invalid($"Số liệu của {leaf.Code} không được âm", $"The figures of {leaf.Code} cannot be negative",
                "figures." + (numerator < 0 ? LeafEntryInput.Numerator : LeafEntryInput.Denominator));
        }

        if (numerator > denominator)
        {
            return LeafOutcome.Invalid(
                $"{rule.NumeratorLabel} không được lớn hơn {rule.DenominatorLabel.ToLowerInvariant()} ({leaf.Code})",
                $"The numerator ({rule.NumeratorLabel}) cannot be larger than the denominator ({rule.DenominatorLabel}) ({leaf.Code})",
                "figures." + LeafEntryInput.Numerator);
        }

        var inputs = new[]
        {
            new MemoFigure(LeafEntryInput.Numerator, rule.NumeratorLabel, numerator),
            new MemoFigure(LeafEntryInput.Denominator, rule.DenominatorLabel, denominator),
        };
        var max = VietnameseNumbers.FormatPoints(leaf.Max);
        var target = VietnameseNumbers.FormatPoints(rule.Target);
        if (denominator == 0)
        {
            // Nothing to measure: no points are earned; the appraiser may mark the leaf not applicable instead.
            return new LeafOutcome(0m, new CalculationMemo("ratio", inputs, $"{max} × min(1; 0 / {target})", 0m, 0m,
                ["Mẫu số bằng 0: không có điểm; nếu tiêu chí không áp dụng, hãy đánh dấu \"Không áp dụng\""]), null);
        }

        var ratio = numerator / denominator;
        var exact = leaf.Max * Math.Min(1m, ratio / rule.Target);
        var points = RoundScore(exact);
        var rounded = VietnameseNumbers.FormatPoints(ratio);
        return new LeafOutcome(points,
            new CalculationMemo("ratio", inputs, $"{max} × min(1; {rounded} / {target})", exact, points,
                [$"Tỷ lệ {VietnameseNumbers.FormatPercent(ratio * 100)}"]), null);
    }

    private static LeafOutcome Expression(FrameworkNode leaf, ExpressionRule rule, LeafEntryInput input)
    {
        var values = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["max"] = leaf.Max };
        var figures = new List<MemoFigure>();
        foreach (var declared in rule.Inputs)
        {
            if (!input.TryGetFigure(declared.Name, out var value))
            {
                return LeafOutcome.Pending;
            }

            values[declared.Name] = value;
            figures.Add(new MemoFigure(declared.Name, declared.Label, value));
        }

        try
        {
            var formula = FormulaParser.Parse(rule.Formula);
            var evaluation = formula.EvaluateDetailed(values);
            var exact = Math.Clamp(evaluation.Value, 0m, leaf.Max);
            var notes = new List<string>();
            if (evaluation.DividedByZero)
            {
                notes.Add("Có phép chia cho 0 (được tính bằng 0)");
            }

            if (exact != evaluation.Value)
            {
                notes.Add($"Kết quả {VietnameseNumbers.FormatPoints(evaluation.Value)} được giới hạn trong khoảng 0 – {VietnameseNumbers.FormatPoints(leaf.Max)}");
            }

            var points = RoundScore(exact);
            return new LeafOutcome(points, new CalculationMemo("expression", figures, InWords(formula, figures, leaf.Max), exact, points, notes), null);
        }
        catch (FormulaException ex)
        {
            return LeafOutcome.Invalid($"Công thức của {leaf.Code}: {ex.Message}", $"The formula of {leaf.Code} cannot be evaluated: {ex.Message}", null);
        }
    }

    /// <summary>The formula as a reader follows it: labels and values, not variable names (FormulaWords).</summary>
    private static string InWords(Formula formula, List<MemoFigure> figures, decimal max)
    {
        var inputs = new Dictionary<string, FormulaWordsInput>(StringComparer.OrdinalIgnoreCase) { ["max"] = new(FormulaWords.MaxLabel, max) };
        foreach (var figure in figures)
        {
            inputs[figure.Name] = new FormulaWordsInput(figure.Label, figure.Value);
        }

        return FormulaWords.Describe(formula, inputs);
    }

    private static LeafOutcome Survey() =>
        new(0m, new CalculationMemo("survey", [], "Đánh giá qua điều tra xã hội học", null, 0m,
            ["Không tự đánh giá; điểm lấy từ kết quả điều tra"]), null);

    private static LeafOutcome BonusPenalty(BonusPenaltyRule rule, LeafEntryInput input)
    {
        if (input.Score is not { } score)
        {
            return LeafOutcome.Pending;
        }

        if (score < rule.Min || score > rule.Max)
        {
            return LeafOutcome.Invalid(
                $"Điểm thưởng/trừ phải từ {VietnameseNumbers.FormatPoints(rule.Min)} đến {VietnameseNumbers.FormatPoints(rule.Max)}",
                $"The bonus/penalty must be between {VietnameseNumbers.FormatPoints(rule.Min)} and {VietnameseNumbers.FormatPoints(rule.Max)}",
                "score");
        }

        var label = score < 0 ? "Điểm trừ" : "Điểm thưởng";
        return new LeafOutcome(score, new CalculationMemo("bonus-penalty", [], label, null, score, []), null);
    }
}
