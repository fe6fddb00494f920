using System.Globalization;
using System.Text.Json;

namespace ParIndex.Core.Surveys;

/// <summary>
/// Maps a parsed questionnaire file onto the model. Every error names its JSON path
/// (<c>questions[1].scale.options[2].share</c>) so a person can find it in the file.
/// </summary>
internal static class QuestionnaireFileReader
{
    private static readonly string[] RootProperties = ["format", "id", "title", "frameworkId", "campaign", "respondentGroup", "respondentGroupLabel", "questions"];
    private static readonly string[] QuestionProperties = ["code", "text", "leaf", "component", "scale"];
    private static readonly string[] OptionProperties = ["key", "label", "share", "satisfied"];

    public static Questionnaire Read(JsonElement root)
    {
        Object(root, "");
        Known(root, "", RootProperties);
        var format = RequiredString(root, "format", "");
        if (format != QuestionnaireFile.FormatName)
        {
            throw new QuestionnaireFormatException("format", $"định dạng \"{format}\" không được hỗ trợ; cần \"{QuestionnaireFile.FormatName}\".");
        }

        var questions = Array(Required(root, "questions", ""), "questions");
        return new Questionnaire
        {
            Id = RequiredString(root, "id", ""),
            Title = RequiredString(root, "title", ""),
            FrameworkId = RequiredString(root, "frameworkId", ""),
            Campaign = OptionalString(root, "campaign", ""),
            RespondentGroup = RequiredString(root, "respondentGroup", ""),
            RespondentGroupLabel = OptionalString(root, "respondentGroupLabel", ""),
            Questions = questions.EnumerateArray().Select((q, i) => ReadQuestion(q, $"questions[{i}]")).ToList(),
        };
    }

    private static SurveyQuestion ReadQuestion(JsonElement q, string path)
    {
        Object(q, path);
        Known(q, path, QuestionProperties);
        var scalePath = $"{path}.scale";
        return new SurveyQuestion
        {
            Code = RequiredString(q, "code", path),
            Text = RequiredString(q, "text", path),
            LeafCode = RequiredString(q, "leaf", path),
            Component = OptionalString(q, "component", path),
            Scale = ReadScale(Required(q, "scale", path), scalePath),
        };
    }

    private static AnswerScale ReadScale(JsonElement s, string path)
    {
        Object(s, path);
        var type = RequiredString(s, "type", path);
        switch (type)
        {
            case "options":
                Known(s, path, "type", "options");
                var options = Array(Required(s, "options", path), $"{path}.options");
                return new OptionScale(options.EnumerateArray().Select((o, i) => ReadOption(o, $"{path}.options[{i}]")).ToList());
            case "likert":
                Known(s, path, "type", "shares", "satisfied", "labels", "invalid");
                var shares = Optional(s, "shares") is { } sh
                    ? Array(sh, $"{path}.shares").EnumerateArray().Select((v, i) => Decimal(v, $"{path}.shares[{i}]")).ToList()
                    : null;
                var satisfied = Optional(s, "satisfied") is { } sa
                    ? Array(sa, $"{path}.satisfied").EnumerateArray().Select((v, i) => Int(v, $"{path}.satisfied[{i}]")).ToList()
                    : null;
                var labels = Optional(s, "labels") is { } la
                    ? Array(la, $"{path}.labels").EnumerateArray().Select((v, i) => String(v, $"{path}.labels[{i}]")).ToList()
                    : null;
                var invalid = Optional(s, "invalid") is { } inv
                    ? Array(inv, $"{path}.invalid").EnumerateArray().Select((v, i) =>
                    {
                        var where = $"{path}.invalid[{i}]";
                        Object(v, where);
                        Known(v, where, "key", "label");
                        return new AnswerOption(RequiredString(v, "key", where), RequiredString(v, "label", where), null);
                    }).ToList()
                    : null;
                return new LikertScale(shares, satisfied, invalid, labels);
            default:
                throw new QuestionnaireFormatException($"{path}.type", $"thang đo \"{type}\" không được hỗ trợ; dùng \"options\" hoặc \"likert\".");
        }
    }

    private static AnswerOption ReadOption(JsonElement o, string path)
    {
        Object(o, path);
        Known(o, path, OptionProperties);
        var shareElement = Required(o, "share", path);
        decimal? share = shareElement.ValueKind == JsonValueKind.String && shareElement.GetString() == QuestionnaireFile.InvalidShare
            ? null
            : shareElement.ValueKind == JsonValueKind.Number
                ? Decimal(shareElement, $"{path}.share")
                : throw new QuestionnaireFormatException($"{path}.share",
                    $"tỷ lệ điểm phải là một số từ 0 đến 1 (ví dụ 0.6) hoặc \"{QuestionnaireFile.InvalidShare}\" cho phương án không hợp lệ (không biết).");
        var satisfied = Optional(o, "satisfied") is { } s
            ? s.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new QuestionnaireFormatException($"{path}.satisfied", "phải là true hoặc false."),
            }
            : false;
        return new AnswerOption(RequiredString(o, "key", path), RequiredString(o, "label", path), share, satisfied);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Object(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new QuestionnaireFormatException(path.Length == 0 ? "(gốc)" : path, $"phải là một đối tượng JSON {{…}}, không phải {Kind(e)}.");
        }
    }

    private static JsonElement Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e : throw new QuestionnaireFormatException(path, $"phải là một mảng [...], không phải {Kind(e)}.");

    private static void Known(JsonElement o, string path, params string[] allowed)
    {
        foreach (var property in o.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new QuestionnaireFormatException(Join(path, property.Name),
                    $"thuộc tính \"{property.Name}\" không được hỗ trợ (các thuộc tính hợp lệ: {string.Join(", ", allowed)}).");
            }
        }
    }

    private static JsonElement? Optional(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement o, string name, string path) =>
        Optional(o, name) ?? throw new QuestionnaireFormatException(Join(path, name), $"thiếu thuộc tính \"{name}\".");

    private static string RequiredString(JsonElement o, string name, string path) => String(Required(o, name, path), Join(path, name));

    private static string? OptionalString(JsonElement o, string name, string path) =>
        Optional(o, name) is { } value ? String(value, Join(path, name)) : null;

    private static string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new QuestionnaireFormatException(path, $"phải là chuỗi, không phải {Kind(e)}.");

    private static decimal Decimal(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw new QuestionnaireFormatException(path, $"phải là số (dấu chấm thập phân, ví dụ 0.75), không phải {Kind(e)}.");
        }

        return decimal.TryParse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new QuestionnaireFormatException(path, $"số {e.GetRawText()} nằm ngoài phạm vi cho phép.");
    }

    private static int Int(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var value)
            ? value
            : throw new QuestionnaireFormatException(path, $"phải là số nguyên, không phải {e.GetRawText()}.");

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "đối tượng",
        JsonValueKind.Array => "mảng",
        JsonValueKind.String => "chuỗi",
        JsonValueKind.Number => "số",
        JsonValueKind.True or JsonValueKind.False => "giá trị true/false",
        _ => "null",
    };
}
