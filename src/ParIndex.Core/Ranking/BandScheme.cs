namespace ParIndex.Core.Ranking;

/// <summary>A named group of results, from a lower bound (inclusive) of the index in percent.</summary>
public sealed record ResultBand(string Name, decimal MinIndex, string? Label = null);

/// <summary>
/// Configurable bands (SPEC 2.8), e.g. A ≥ 90%, B 80–&lt;90%, C 70–&lt;80%. A unit falls into the
/// band with the highest lower bound its published index reaches; below every bound, into
/// <see cref="Below"/> (null: no band).
/// </summary>
public sealed record BandScheme(IReadOnlyList<ResultBand> Bands, string? Below = null)
{
    public static BandScheme Default { get; } = new(
        [
            new ResultBand("A", 90m, "Xuất sắc"),
            new ResultBand("B", 80m, "Tốt"),
            new ResultBand("C", 70m, "Khá"),
        ],
        Below: "D");

    public string? Classify(decimal index) => Classifier()(index);

    /// <summary>
    /// <see cref="Classify"/> with the bands ordered once (highest bound first; among equal bounds the
    /// first listed, as a scan keeping the first maximum would pick): a ranking classifies every unit.
    /// </summary>
    public Func<decimal, string?> Classifier()
    {
        var ordered = Bands.OrderByDescending(b => b.MinIndex).ToArray();
        return index =>
        {
            foreach (var band in ordered)
            {
                if (index >= band.MinIndex)
                {
                    return band.Name;
                }
            }

            return Below;
        };
    }

    /// <summary>Problems in the scheme: duplicate names or bounds.</summary>
    public IReadOnlyList<string> Validate() => Problems(english: false);

    /// <summary>The problems of <see cref="Validate"/>, in English.</summary>
    public IReadOnlyList<string> ValidateEnglish() => Problems(english: true);

    private List<string> Problems(bool english)
    {
        var problems = new List<string>();
        foreach (var name in Bands.GroupBy(b => b.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(english ? $"The band name '{name.Key}' is used twice" : $"Tên nhóm '{name.Key}' bị trùng");
        }

        foreach (var bound in Bands.GroupBy(b => b.MinIndex).Where(g => g.Count() > 1))
        {
            problems.Add(english ? $"The threshold {bound.Key}% is used twice" : $"Ngưỡng {bound.Key}% bị trùng");
        }

        return problems;
    }
}
