using System.Globalization;
using System.Text;
using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;

namespace ParIndex.Application.Surveys;

/// <summary>
/// The one-line form of an answer scale used by the questionnaire editor, so that a coordinator
/// types a scale instead of editing JSON: entries separated by <c>;</c>, each
/// <c>KEY=VALUE[*] [(label)]</c> where VALUE is a percent of the leaf's points (<c>100</c>, <c>60</c>,
/// <c>12,5</c>, <c>60%</c>) or <c>không biết</c> for an answer that is not valid, and <c>*</c> marks an
/// answer counted as satisfied for the SIPAS.
/// <para>Options: <c>A=100; B=60; C=20; D=0; E=không biết</c>. Likert 1–5: empty for the default
/// shares (0, 25, 50, 75, 100; 4–5 satisfied), or all five levels <c>1=0; 2=25; 3=50; 4=75*; 5=100*</c>,
/// plus any "không biết" keys (<c>0=không biết</c>).</para>
/// Formatting and parsing round-trip every scale the questionnaire file can hold.
/// </summary>
public static class ScaleText
{
    public const string Options = "options";
    public const string Likert = "likert";

    /// <summary>What a person writes for an answer that does not count (không biết).</summary>
    public const string InvalidWord = "không biết";

    private static readonly string[] InvalidWords = [InvalidWord, "khong biet", "invalid", "kb", "không hợp lệ"];

    public static string Format(AnswerScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var entries = new List<string>();
        if (scale is LikertScale likert)
        {
            var isDefault = likert.Shares.SequenceEqual(LikertScale.LinearShares)
                && likert.SatisfiedLevels.Order().SequenceEqual(LikertScale.DefaultSatisfiedLevels)
                && likert.Labels.SequenceEqual(LikertScale.DefaultLabels);
            if (!isDefault)
            {
                entries.AddRange(likert.Options.Where(o => o.IsValid).Select(o => FormatEntry(o, o.Label)));
            }

            entries.AddRange(likert.InvalidAnswers.Select(o => FormatEntry(o with { Share = null }, o.Label)));
        }
        else
        {
            entries.AddRange(scale.Options.Select(o => FormatEntry(o, o.Label)));
        }

        return string.Join("; ", entries);
    }

    private static string FormatEntry(AnswerOption option, string label)
    {
        var text = new StringBuilder(option.Key).Append('=');
        text.Append(option.Share is { } share ? VietnameseNumbers.FormatPoints(share * 100m) : InvalidWord);
        if (option.Satisfied)
        {
            text.Append('*');
        }

        // A label equal to what the parser would make anyway is left out to keep the line short.
        if (!string.IsNullOrWhiteSpace(label) && label != DefaultLabel(option.Key, option.Share is null))
        {
            text.Append(" (").Append(label).Append(')');
        }

        return text.ToString();
    }

    private static string DefaultLabel(string key, bool invalid) => invalid ? "Không biết" : key;

    /// <summary>Parses the one-line form; the errors are Vietnamese sentences naming the entry.</summary>
    public static AnswerScale? TryParse(string kind, string? text, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var entries = ParseEntries(text, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        if (kind == Likert)
        {
            return ToLikert(entries, problems);
        }

        if (kind != Options)
        {
            problems.Add($"Thang đo \"{kind}\" không hợp lệ; chọn Likert 1–5 hoặc danh sách phương án.");
            return null;
        }

        if (entries.Count == 0)
        {
            problems.Add("Chưa nhập phương án trả lời (ví dụ: A=100; B=60; C=20; D=0; E=không biết).");
            return null;
        }

        return new OptionScale(entries.Select(e => new AnswerOption(e.Key, e.Label ?? DefaultLabel(e.Key, e.Share is null), e.Share, e.Satisfied)).ToList());
    }

    private static LikertScale? ToLikert(List<Entry> entries, List<string> problems)
    {
        var levels = entries.Where(e => IsLevel(e.Key)).ToList();
        var invalid = entries.Where(e => !IsLevel(e.Key)).ToList();
        foreach (var e in invalid.Where(e => e.Share is not null))
        {
            problems.Add($"Phương án \"{e.Key}\": thang Likert chỉ có các mức 1 đến 5; phương án khác phải là \"{InvalidWord}\".");
        }

        foreach (var e in levels.Where(e => e.Share is null))
        {
            problems.Add($"Mức {e.Key} của thang Likert phải có tỷ lệ điểm, không thể là \"{InvalidWord}\".");
        }

        if (levels.Count > 0 && levels.Count != LikertScale.Levels)
        {
            problems.Add($"Thang Likert: hoặc để trống để dùng tỷ lệ mặc định, hoặc nhập đủ cả 5 mức (đang có {levels.Count}).");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var invalidAnswers = invalid.Select(e => new AnswerOption(e.Key, e.Label ?? DefaultLabel(e.Key, true), null)).ToList();
        if (levels.Count == 0)
        {
            return new LikertScale(invalidAnswers: invalidAnswers);
        }

        var ordered = levels.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        return new LikertScale(
            ordered.Select(e => e.Share!.Value).ToList(),
            ordered.Where(e => e.Satisfied).Select(e => int.Parse(e.Key, CultureInfo.InvariantCulture)).ToList(),
            invalidAnswers,
            ordered.Select((e, i) => e.Label ?? LikertScale.DefaultLabels[i]).ToList());
    }

    private static bool IsLevel(string key) => key.Length == 1 && key[0] is >= '1' and <= '5';

    private static List<Entry> ParseEntries(string? text, List<string> problems)
    {
        var entries = new List<Entry>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parts = (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"\"{part}\": cần dạng MÃ=TỶ LỆ, ví dụ A=100 hoặc E=không biết.");
                continue;
            }

            var key = part[..equals].Trim();
            var rest = part[(equals + 1)..].Trim();
            string? label = null;
            var open = rest.IndexOf('(', StringComparison.Ordinal);
            if (open >= 0)
            {
                if (!rest.EndsWith(')'))
                {
                    problems.Add($"\"{part}\": nhãn phải đặt trong ngoặc đơn, ví dụ A=100 (Rất tốt).");
                    continue;
                }

                label = rest[(open + 1)..^1].Trim();
                rest = rest[..open].Trim();
            }

            var satisfied = rest.EndsWith('*');
            if (satisfied)
            {
                rest = rest[..^1].Trim();
            }

            if (!keys.Add(key))
            {
                problems.Add($"Mã phương án {key} bị trùng.");
                continue;
            }

            if (InvalidWords.Any(w => string.Equals(w, rest, StringComparison.OrdinalIgnoreCase)))
            {
                entries.Add(new Entry(key, null, false, label));
                continue;
            }

            var percent = rest.EndsWith('%') ? rest[..^1].Trim() : rest;
            if (!VietnameseNumbers.TryParse(percent, out var value))
            {
                problems.Add($"Phương án {key}: \"{rest}\" không phải tỷ lệ phần trăm (ví dụ 60 hoặc 12,5) hay \"{InvalidWord}\".");
                continue;
            }

            if (value is < 0 or > 100)
            {
                problems.Add($"Phương án {key}: tỷ lệ {VietnameseNumbers.FormatPoints(value)}% phải từ 0 đến 100.");
                continue;
            }

            entries.Add(new Entry(key, value / 100m, satisfied, label));
        }

        return entries;
    }

    private sealed record Entry(string Key, decimal? Share, bool Satisfied, string? Label);
}
