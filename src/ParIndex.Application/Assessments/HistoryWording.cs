using System.Globalization;
using System.Text.Json;
using ParIndex.Application.Workflow;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;

namespace ParIndex.Application.Assessments;

/// <summary>One change as a person reads it: who, when, which criterion, what changed in words, and why.</summary>
public sealed record HistoryLine(DateTime At, string UserName, string? LeafCode, string Change, string? Reason);

/// <summary>
/// The history in words (issue 13): field names as users know them ("Điểm tự đánh giá", not
/// <c>Points</c>), Vietnamese numbers (1,25), and one line per change — the rows one save writes
/// (typed score and resulting points, figures, explanation) become one line.
/// </summary>
public static class HistoryWording
{
    /// <summary>The longest piece of a text (explanation, answer) quoted in a line.</summary>
    public const int QuoteLength = 160;

    /// <param name="rows">Newest first, as <see cref="AssessmentService.HistoryAsync"/> returns them.</param>
    public static IReadOnlyList<HistoryLine> Lines(IReadOnlyList<HistoryView> rows, bool english)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<HistoryLine>();
        var i = 0;
        while (i < rows.Count)
        {
            var first = rows[i];
            var group = new List<HistoryView> { first };
            // Rows written by one save share the instant, the user, the entity, the criterion and the reason.
            while (i + group.Count < rows.Count && SameChange(first, rows[i + group.Count]))
            {
                group.Add(rows[i + group.Count]);
            }

            i += group.Count;
            var parts = Describe(group, english);
            if (parts.Count > 0)
            {
                lines.Add(new HistoryLine(first.At, first.UserName, first.LeafCode, string.Join("; ", parts), first.Reason));
            }
        }

        return lines;
    }

    private static bool SameChange(HistoryView a, HistoryView b) =>
        a.At == b.At && a.UserName == b.UserName && a.Entity == b.Entity && a.LeafCode == b.LeafCode && a.Reason == b.Reason
        && a.Field != "Status" && b.Field != "Status";

    private static List<string> Describe(IReadOnlyList<HistoryView> group, bool english)
    {
        // Saves write them in this order: score typed, level, figures, not applicable, explanation, points.
        var ordered = group.OrderBy(h => Order(h.Field)).ToList();
        var points = ordered.FirstOrDefault(h => h.Field == "Points");
        var parts = new List<string>();
        foreach (var h in ordered)
        {
            // The typed score of a manual leaf is its points: one figure, said once.
            if (h.Field == "Score" && points is not null && points.NewValue == h.NewValue && points.OldValue == h.OldValue)
            {
                continue;
            }

            if (Describe(h, english) is { Length: > 0 } text)
            {
                parts.Add(text);
            }
        }

        return parts;
    }

    private static int Order(string field) => field switch
    {
        "Status" => 0,
        "Points" => 1,
        "Score" => 2,
        "Level" => 3,
        "Figures" => 4,
        "NotApplicable" => 5,
        "Explanation" => 6,
        _ => 10,
    };

    /// <summary>One field's change in words, or empty when it says nothing (a new leaf's "applicable").</summary>
    public static string Describe(HistoryView h, bool english)
    {
        ArgumentNullException.ThrowIfNull(h);
        string L(string vi, string en) => english ? en : vi;
        switch (h.Field)
        {
            case "Points": return Change(L("Điểm tự đánh giá", "Self-assessed score"), Number(h.OldValue), Number(h.NewValue), english);
            case "Score": return Change(L("Điểm đã nhập", "Score entered"), Number(h.OldValue), Number(h.NewValue), english);
            case "Level": return Change(L("Mức đánh giá", "Level"), h.OldValue, h.NewValue, english);
            case "Figures": return Change(L("Số liệu", "Figures"), Figures(h.OldValue, english), Figures(h.NewValue, english), english);
            case "AppraisedScore": return Change(L("Điểm thẩm định", "Appraised score"), Number(h.OldValue), Number(h.NewValue), english);
            case "AppraisedFigures": return Change(L("Số liệu thẩm định", "Appraised figures"), Figures(h.OldValue, english), Figures(h.NewValue, english), english);
            case "FinalScore": return Change(L("Điểm thẩm định cuối cùng", "Final score"), Number(h.OldValue), Number(h.NewValue), english);
            case "SurveyScore": return Change(L("Điểm điều tra xã hội học", "Survey score"), Number(h.OldValue), Number(h.NewValue), english);
            case "NotApplicable":
                if (h.NewValue == "true")
                {
                    return L("Đánh dấu không áp dụng", "Marked not applicable");
                }

                return h.OldValue == "true" ? L("Bỏ đánh dấu không áp dụng", "No longer marked not applicable") : "";
            case "Explanation": return Text(L("Giải trình", "Explanation"), h.OldValue, h.NewValue, english);
            case "ResponseText": return Text(L("Giải trình bổ sung", "Response to the appraisal"), h.OldValue, h.NewValue, english);
            case "Status": return Change(L("Trạng thái", "Status"), Status(h.OldValue, english), Status(h.NewValue, english), english);
            case "Evidence":
                return h.NewValue is not null
                    ? L("Thêm tài liệu kiểm chứng: ", "Evidence added: ") + h.NewValue
                    : L("Xoá tài liệu kiểm chứng: ", "Evidence deleted: ") + h.OldValue;
            case "DeadlineException": return Change(L("Hạn tự đánh giá riêng", "Own self-assessment deadline"), Instant(h.OldValue), Instant(h.NewValue), english);
            case "Import": return L("Nhập kết quả điều tra: ", "Survey answers imported: ") + h.NewValue;
            case "Delete": return L("Xoá lô kết quả điều tra: ", "Survey batch deleted: ") + (h.OldValue ?? h.NewValue);
            default:
                var label = h.Entity == "AssessmentReport" ? L("Báo cáo tự đánh giá – ", "Self-assessment report – ") + h.Field : h.Field;
                return Change(label, h.OldValue, h.NewValue, english);
        }
    }

    private static string Change(string label, string? oldValue, string? newValue, bool english) =>
        (oldValue, newValue) switch
        {
            (null or "", null or "") => label + (english ? ": cleared" : ": đã xoá"),
            (null or "", _) => $"{label}: {newValue}",
            (_, null or "") => $"{label}: {oldValue} → " + (english ? "(empty)" : "(trống)"),
            _ => $"{label}: {oldValue} → {newValue}",
        };

    private static string Text(string label, string? oldValue, string? newValue, bool english)
    {
        if (string.IsNullOrEmpty(newValue))
        {
            return string.IsNullOrEmpty(oldValue) ? "" : label + (english ? ": deleted" : ": đã xoá");
        }

        var verb = string.IsNullOrEmpty(oldValue) ? (english ? "written" : "đã viết") : (english ? "changed to" : "đã sửa thành");
        var quote = newValue.Length > QuoteLength ? newValue[..QuoteLength] + "…" : newValue;
        return $"{label} {verb} “{quote}”";
    }

    private static string? Number(string? invariant) =>
        decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? VietnameseNumbers.FormatPoints(value) : invariant;

    private static string? Status(string? name, bool english) =>
        Enum.TryParse<AssessmentStatus>(name, out var status) ? (english ? StatusLabels.English(status) : StatusLabels.Vietnamese(status)) : name;

    private static string? Instant(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : value;

    private static string? Figures(string? json, bool english)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var figures = JsonSerializer.Deserialize<Dictionary<string, decimal>>(json);
            if (figures is null)
            {
                return json;
            }

            return string.Join(", ", figures.Select(f => $"{FigureName(f.Key, english)} {VietnameseNumbers.FormatPoints(f.Value)}"));
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string FigureName(string name, bool english) => name switch
    {
        LeafEntryInput.Numerator => english ? "numerator" : "tử số",
        LeafEntryInput.Denominator => english ? "denominator" : "mẫu số",
        LeafEntryInput.BandValue => english ? "value" : "giá trị",
        _ => name,
    };
}
