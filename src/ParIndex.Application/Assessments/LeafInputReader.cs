using System.Text.Json;
using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Application.Assessments;

/// <summary>
/// Reads a leaf save where the leaf's rule is known (ADR 0007): each figure by its kind, the score
/// the lenient way (<c>1,5</c> or <c>1.5</c>). Unknown figure keys and a level on a leaf that is not
/// scored by levels are refused. All problems come back at once as field errors.
/// </summary>
internal static class LeafInputReader
{
    public sealed record Values(decimal? Score, string? Level, IReadOnlyDictionary<string, decimal>? Figures);

    public static Values Read(FrameworkNode leaf, LeafSaveRequest request)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var rule = leaf.EffectiveRule;
        var score = ReadScore(request.Score, errors);

        var level = string.IsNullOrWhiteSpace(request.Level) ? null : request.Level.Trim();
        if (level is not null && rule is not LevelsRule)
        {
            errors.Add(new("level",
                $"Tiêu chí {leaf.Code} không chấm theo mức nên không nhận \"level\".",
                $"Criterion {leaf.Code} is not scored by levels, so it takes no \"level\"."));
        }

        var figures = ReadFigures(leaf, request.Figures, errors);
        if (errors.Count > 0)
        {
            throw DomainException.InvalidFields(errors);
        }

        return new Values(score, level, figures);
    }

    /// <summary>Only the figures (the appraiser's corrected figures); throws a 400 with field errors.</summary>
    public static IReadOnlyDictionary<string, decimal>? ReadFigures(FrameworkNode leaf, IReadOnlyDictionary<string, JsonElement>? sent)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var errors = new List<FieldError>();
        var figures = ReadFigures(leaf, sent, errors);
        return errors.Count > 0 ? throw DomainException.InvalidFields(errors) : figures;
    }

    private static Dictionary<string, decimal>? ReadFigures(FrameworkNode leaf, IReadOnlyDictionary<string, JsonElement>? sent, List<FieldError> errors)
    {
        if (sent is null)
        {
            return null;
        }

        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var declared = leaf.EffectiveRule.Figures.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, element) in sent)
        {
            var field = "figures." + name;
            if (!declared.TryGetValue(name, out var figure))
            {
                var known = declared.Count == 0 ? "không có số liệu nào" : "chỉ có " + string.Join(", ", declared.Keys);
                var knownEn = declared.Count == 0 ? "has no figures" : "only has " + string.Join(", ", declared.Keys);
                errors.Add(new(field,
                    $"Tiêu chí {leaf.Code} không có số liệu \"{Cut(name)}\" ({known}).",
                    $"Criterion {leaf.Code} has no figure \"{Cut(name)}\" (it {knownEn})."));
                continue;
            }

            if (ReadFigure(element, figure, field, errors) is { } value)
            {
                figures[name] = value;
            }
        }

        return figures;
    }

    private static decimal? ReadScore(JsonElement? element, List<FieldError> errors)
    {
        switch (element)
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Number } number:
                if (number.TryGetDecimal(out var value))
                {
                    return value;
                }

                break;
            case { ValueKind: JsonValueKind.String } text:
                var reading = FigureNumbers.ReadScore(TextOf(text));
                if (reading.Error == FigureError.Empty)
                {
                    return null;
                }

                if (reading.Value is { } parsed)
                {
                    return parsed;
                }

                errors.Add(new("score", reading.Message!, reading.MessageEnglish!));
                return null;
        }

        errors.Add(new("score", "Điểm phải là một số (ví dụ 1,5).", "The score must be a number (e.g. 1,5)."));
        return null;
    }

    private static decimal? ReadFigure(JsonElement element, RuleFigure figure, string field, List<FieldError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var reading = FigureNumbers.Read(TextOf(element), figure.Kind);
                if (reading.Error == FigureError.Empty)
                {
                    return null; // an empty field is a figure not entered yet
                }

                if (reading.Value is { } value)
                {
                    return value;
                }

                errors.Add(new(field, $"{figure.Label}: {reading.Message}", $"{figure.Label}: {reading.MessageEnglish}"));
                return null;
            case JsonValueKind.Number:
                // A JSON number is unambiguous; a whole kind still refuses a fraction and a count a sign.
                if (element.TryGetDecimal(out var number) &&
                    (!FigureKinds.IsWhole(figure.Kind) || number == decimal.Truncate(number)) &&
                    (figure.Kind != FigureKind.Count || number >= 0))
                {
                    return number;
                }

                errors.Add(new(field,
                    $"{figure.Label}: {element.GetRawText()} không hợp lệ cho loại số liệu {FigureKinds.Name(figure.Kind)}.",
                    $"{figure.Label}: {element.GetRawText()} is not valid for a figure of kind {FigureKinds.Name(figure.Kind)}."));
                return null;
            default:
                errors.Add(new(field, $"{figure.Label}: cần một số.", $"{figure.Label}: a number is required."));
                return null;
        }
    }

    // Keys and texts are echoed, but never at length.
    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>
    /// The string of a JSON value; an escaped lone surrogate (<c>"\udd84"</c>) makes
    /// <see cref="JsonElement.GetString"/> throw, so it reads as text no number matches (found by the fuzz test).
    /// </summary>
    private static string TextOf(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }
}
