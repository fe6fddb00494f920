namespace ParIndex.Core.Surveys;

/// <summary>
/// How a question is answered. Every scale resolves to a list of <see cref="AnswerOption"/>s so
/// that scoring treats options and Likert levels alike.
/// </summary>
public abstract class AnswerScale
{
    /// <summary>The kind name used in files: <c>options</c> or <c>likert</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Every accepted answer key with its share and satisfaction flag.</summary>
    public abstract IReadOnlyList<AnswerOption> Options { get; }

    private AnswerOption[]? lookup;
    private bool? measuresSatisfaction;

    /// <summary>True when at least one answer counts as satisfied, i.e. the question feeds the SIPAS.</summary>
    public bool MeasuresSatisfaction => measuresSatisfaction ??= Options.Any(o => o.Satisfied);

    /// <summary>Finds the option for an answer key, trimmed and case-insensitive; null when the key is not on the scale.</summary>
    public AnswerOption? Find(string key) => Find(key.AsSpan());

    /// <summary>Span overload for readers: no string is made for the cell.</summary>
    public AnswerOption? Find(ReadOnlySpan<char> key)
    {
        var trimmed = key.Trim();

        // Called once per answer cell: an array avoids the interface enumerator of the list, and
        // the exact spelling (the usual case) is tried before the case-insensitive comparison.
        var options = lookup ??= [.. Options];
        foreach (var option in options)
        {
            if (trimmed.SequenceEqual(option.Key))
            {
                return option;
            }
        }

        foreach (var option in options)
        {
            if (trimmed.Equals(option.Key, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        return null;
    }
}

/// <summary>
/// An answer option. <see cref="Share"/> is the share of the leaf's points (0..1); null marks an
/// answer that is not valid for scoring ("không biết", "không trả lời"): it is accepted in the
/// file but left out of n and of the mean. <see cref="Satisfied"/> counts the answer as satisfied
/// for the SIPAS.
/// </summary>
public sealed record AnswerOption(string Key, string Label, decimal? Share, bool Satisfied = false)
{
    public bool IsValid => Share is not null;
}

/// <summary>Named options, e.g. A = 100%, B = 60%, C = 20%, D = 0%, E = không biết.</summary>
public sealed class OptionScale(IReadOnlyList<AnswerOption> choices) : AnswerScale
{
    public override string Kind => "options";

    public override IReadOnlyList<AnswerOption> Options { get; } = choices;
}

/// <summary>
/// A Likert scale 1–5. <see cref="Shares"/> gives the share of each level (index 0 = level 1);
/// <see cref="SatisfiedLevels"/> the levels counted as satisfied (4 and 5 by the SIPAS
/// methodology); <see cref="InvalidAnswers"/> extra keys accepted but not valid ("0" = không biết).
/// </summary>
public sealed class LikertScale : AnswerScale
{
    /// <summary>The usual mapping: level 1 → 0, 2 → 0,25, 3 → 0,5, 4 → 0,75, 5 → 1.</summary>
    public static readonly IReadOnlyList<decimal> LinearShares = [0m, 0.25m, 0.5m, 0.75m, 1m];

    public static readonly IReadOnlyList<int> DefaultSatisfiedLevels = [4, 5];

    /// <summary>Level labels from "Rất không hài lòng" to "Rất hài lòng".</summary>
    public static readonly IReadOnlyList<string> DefaultLabels =
        ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

    public LikertScale(IReadOnlyList<decimal>? shares = null, IReadOnlyList<int>? satisfiedLevels = null,
        IReadOnlyList<AnswerOption>? invalidAnswers = null, IReadOnlyList<string>? labels = null)
    {
        Shares = shares ?? LinearShares;
        SatisfiedLevels = satisfiedLevels ?? DefaultSatisfiedLevels;
        InvalidAnswers = invalidAnswers ?? [];
        Labels = labels ?? DefaultLabels;
        Options = Build();
    }

    public const int Levels = 5;

    public IReadOnlyList<decimal> Shares { get; }

    public IReadOnlyList<int> SatisfiedLevels { get; }

    public IReadOnlyList<AnswerOption> InvalidAnswers { get; }

    public IReadOnlyList<string> Labels { get; }

    public override string Kind => "likert";

    public override IReadOnlyList<AnswerOption> Options { get; }

    private List<AnswerOption> Build()
    {
        var list = new List<AnswerOption>(Levels + InvalidAnswers.Count);
        for (var level = 1; level <= Math.Min(Levels, Shares.Count); level++)
        {
            var label = level <= Labels.Count ? Labels[level - 1] : level.ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new AnswerOption(level.ToString(System.Globalization.CultureInfo.InvariantCulture), label, Shares[level - 1], SatisfiedLevels.Contains(level)));
        }

        list.AddRange(InvalidAnswers.Select(a => a with { Share = null, Satisfied = false }));
        return list;
    }
}
