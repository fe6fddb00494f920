namespace ParIndex.Core.Scoring;

/// <summary>
/// What a unit entered for one leaf. Which part is read depends on the leaf's method: manual and
/// bonus-penalty read <see cref="Score"/>, levels read <see cref="Level"/>, ratio reads the figures
/// <c>numerator</c> and <c>denominator</c>, bands read <c>value</c> (a percentage), expression reads
/// its declared inputs. Survey leaves read nothing.
/// </summary>
public sealed record LeafEntryInput(
    decimal? Score = null,
    string? Level = null,
    IReadOnlyDictionary<string, decimal>? Figures = null,
    bool NotApplicable = false)
{
    public static readonly LeafEntryInput Empty = new();

    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string BandValue = "value";

    public bool TryGetFigure(string name, out decimal value)
    {
        value = 0;
        if (Figures is null)
        {
            return false;
        }

        if (Figures.TryGetValue(name, out value))
        {
            return true;
        }

        foreach (var pair in Figures)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }

        return false;
    }
}
