using ParIndex.Core.Numbers;

namespace ParIndex.Core.Scoring;

/// <summary>
/// How a leaf's points were obtained: inputs → rule → points. Shown to the unit and the
/// appraiser, and exported with the tables.
/// </summary>
public sealed record CalculationMemo(
    string Method,
    IReadOnlyList<MemoFigure> Inputs,
    string Rule,
    decimal? ExactValue,
    decimal Points,
    IReadOnlyList<string> Notes)
{
    /// <summary>One line in Vietnamese, e.g. <c>Tử số = 857; Mẫu số = 1.055 → 1 × min(1; 0,8123 / 1) = 0,8123 điểm</c>.</summary>
    public string Text
    {
        get
        {
            var inputs = string.Join("; ", Inputs.Select(i => $"{i.Label} = {VietnameseNumbers.FormatPoints(i.Value)}"));
            // Show the unrounded value only where rounding changed what a reader sees.
            var exact = ExactValue is { } v && VietnameseNumbers.FormatPoints(v) != VietnameseNumbers.FormatPoints(Points)
                ? $" ({VietnameseNumbers.FormatPoints(v)} trước khi làm tròn)"
                : ExactValue is { } w && w != Points ? $" (làm tròn từ {w.ToString("0.########", VietnameseNumbers.Culture)})" : "";
            var text = $"{(inputs.Length > 0 ? inputs + " → " : "")}{Rule} = {VietnameseNumbers.FormatPoints(Points)} điểm{exact}";
            return Notes.Count == 0 ? text : text + ". " + string.Join(". ", Notes);
        }
    }

    public override string ToString() => Text;
}

/// <summary>A figure that went into a calculation.</summary>
public sealed record MemoFigure(string Name, string Label, decimal Value);
