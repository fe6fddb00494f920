using System.Text.Json.Serialization;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// How a leaf's points are obtained (SPEC 2.2). Serialized with a <c>method</c> discriminator so
/// that framework files stay readable: <c>{"method": "ratio", "target": 1}</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(ManualRule), "manual")]
[JsonDerivedType(typeof(LevelsRule), "levels")]
[JsonDerivedType(typeof(BandsRule), "bands")]
[JsonDerivedType(typeof(RatioRule), "ratio")]
[JsonDerivedType(typeof(ExpressionRule), "expression")]
[JsonDerivedType(typeof(SurveyRule), "survey")]
[JsonDerivedType(typeof(BonusPenaltyRule), "bonus-penalty")]
public abstract record ScoringRule
{
    /// <summary>The method name used in files and the API.</summary>
    [JsonIgnore]
    public abstract string Method { get; }

    /// <summary>
    /// The figures this rule reads, by the key used in <c>figures</c>, in the order the page shows
    /// them, with their kinds. Empty for rules that take a score or a level.
    /// </summary>
    [JsonIgnore]
    public virtual IReadOnlyList<RuleFigure> Figures => [];
}

/// <summary>A figure a rule reads: its key in <c>figures</c>, the label shown to the unit and its kind.</summary>
public sealed record RuleFigure(string Name, string Label, FigureKind Kind);

/// <summary>The score is entered: 0 ≤ score ≤ max.</summary>
public sealed record ManualRule : ScoringRule
{
    public static readonly ManualRule Instance = new();
    public override string Method => "manual";
}

/// <summary>Pick one named level; each level has points (≤ max).</summary>
public sealed record LevelsRule(IReadOnlyList<ScoreLevel> Levels) : ScoringRule
{
    public override string Method => "levels";
}

/// <summary>A named level, e.g. <c>kịp thời</c> → 1 point.</summary>
public sealed record ScoreLevel(string Key, string Label, decimal Points);

/// <summary>A percentage input falls into a band; each band has points. The input is a percent unless the file says otherwise.</summary>
public sealed record BandsRule(IReadOnlyList<ScoreBand> Bands, string InputLabel = "Tỷ lệ (%)", FigureKind InputKind = FigureKind.Percent) : ScoringRule
{
    public override string Method => "bands";

    public override IReadOnlyList<RuleFigure> Figures => [new(LeafEntryInput.BandValue, InputLabel, InputKind)];
}

/// <summary>
/// A band of percentages. <c>From</c> is inclusive unless <c>FromExclusive</c> ("trên 90%"),
/// <c>To</c> exclusive unless <c>ToInclusive</c> ("đến 90%"); a missing bound is open.
/// </summary>
public sealed record ScoreBand(decimal? From, decimal? To, decimal Points, bool ToInclusive = false, string? Label = null, bool FromExclusive = false);

/// <summary>
/// Inputs numerator and denominator; score = max × min(1, (numerator / denominator) / target).
/// Both are counts unless the file says otherwise (amounts for money in đồng).
/// </summary>
public sealed record RatioRule(
    decimal Target = 1m,
    string NumeratorLabel = "Tử số",
    string DenominatorLabel = "Mẫu số",
    FigureKind NumeratorKind = FigureKind.Count,
    FigureKind DenominatorKind = FigureKind.Count) : ScoringRule
{
    public override string Method => "ratio";

    public override IReadOnlyList<RuleFigure> Figures =>
        [new(LeafEntryInput.Numerator, NumeratorLabel, NumeratorKind), new(LeafEntryInput.Denominator, DenominatorLabel, DenominatorKind)];
}

/// <summary>
/// A bounded formula over named inputs (and <c>max</c>) whose value is the score, clamped to
/// [0, max]. Example 4.1.3: <c>max * min(1, ((base - now) / base * 100) / 20)</c>.
/// </summary>
public sealed record ExpressionRule(IReadOnlyList<FormulaInput> Inputs, string Formula) : ScoringRule
{
    public override string Method => "expression";

    public override IReadOnlyList<RuleFigure> Figures => Inputs.Select(i => new RuleFigure(i.Name, i.Label, i.Kind)).ToList();
}

/// <summary>A named figure a formula reads, with the label shown to the unit; a decimal unless the file says otherwise.</summary>
public sealed record FormulaInput(string Name, string Label, FigureKind Kind = FigureKind.Decimal);

/// <summary>Not self-assessed (0 at self-assessment); points come from the survey.</summary>
public sealed record SurveyRule : ScoringRule
{
    public static readonly SurveyRule Instance = new();
    public override string Method => "survey";
}

/// <summary>
/// Bonus (điểm thưởng) or penalty (điểm trừ): an entered amount within [Min, Max]. A penalty has a
/// negative minimum and a maximum of 0; the node's own <c>Max</c> is the bonus ceiling (0 for a pure penalty).
/// </summary>
public sealed record BonusPenaltyRule(decimal Min, decimal Max) : ScoringRule
{
    public override string Method => "bonus-penalty";
}
