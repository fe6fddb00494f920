using System.Globalization;
using System.Text.Json;
using ParIndex.Core.Files;

namespace ParIndex.Core.Surveys;

/// <summary>
/// The questionnaire file format <c>parindex-questionnaire/1</c>: JSON meant to be written and
/// reviewed by people, in the same style as the framework file (canonical writer: fixed property
/// order, 2-space indent, LF, Vietnamese unescaped, decimals without trailing zeros). The reader is
/// strict: an unknown property is an error, since a typo ("shares" for "share") must not silently
/// change scores.
/// <code>
/// {"format": "parindex-questionnaire/1", "id", "title", "frameworkId", "campaign"?, "respondentGroup",
///  "respondentGroupLabel"?, "questions": [{"code", "text", "leaf", "component"?, "scale":
///    {"type": "options", "options": [{"key", "label", "share": 0.6 | "invalid", "satisfied"?}]}
///  | {"type": "likert", "shares"?: [5 numbers], "satisfied"?: [4, 5], "labels"?: [5 strings],
///     "invalid"?: [{"key", "label"}]}}]}
/// </code>
/// </summary>
public static class QuestionnaireFile
{
    public const string FormatName = "parindex-questionnaire/1";

    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The value of <c>share</c> that marks an option as not valid ("không biết").</summary>
    public const string InvalidShare = "invalid";

    public static Questionnaire Read(Stream stream) =>
        Read(CanonicalJsonFile.ReadBounded(stream, MaxBytes, () => new QuestionnaireFormatException($"Tệp phiếu khảo sát quá lớn (giới hạn {MaxBytes / (1024 * 1024)} MB).")));

    public static Questionnaire Read(string json) => Read(CanonicalJsonFile.FromText(json));

    private static Questionnaire Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? -1) + 1;
            throw new QuestionnaireFormatException("", "JSON không hợp lệ (lỗi cú pháp).", line, ex);
        }

        using (document)
        {
            return QuestionnaireFileReader.Read(document.RootElement);
        }
    }

    public static void Write(Questionnaire questionnaire, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        CanonicalJsonFile.Write(stream, w =>
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteString("id", questionnaire.Id);
            w.WriteString("title", questionnaire.Title);
            w.WriteString("frameworkId", questionnaire.FrameworkId);
            WriteOptional(w, "campaign", questionnaire.Campaign);
            w.WriteString("respondentGroup", questionnaire.RespondentGroup);
            WriteOptional(w, "respondentGroupLabel", questionnaire.RespondentGroupLabel);
            w.WriteStartArray("questions");
            foreach (var question in questionnaire.Questions)
            {
                WriteQuestion(w, question);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string ToJson(Questionnaire questionnaire) => CanonicalJsonFile.ToText(stream => Write(questionnaire, stream));

    private static void WriteQuestion(Utf8JsonWriter w, SurveyQuestion question)
    {
        w.WriteStartObject();
        w.WriteString("code", question.Code);
        w.WriteString("text", question.Text);
        w.WriteString("leaf", question.LeafCode);
        if (!string.IsNullOrWhiteSpace(question.Component))
        {
            w.WriteString("component", question.Component);
        }

        w.WritePropertyName("scale");
        w.WriteStartObject();
        w.WriteString("type", question.Scale.Kind);
        switch (question.Scale)
        {
            case OptionScale options:
                w.WriteStartArray("options");
                foreach (var option in options.Options)
                {
                    w.WriteStartObject();
                    w.WriteString("key", option.Key);
                    w.WriteString("label", option.Label);
                    if (option.Share is { } share)
                    {
                        WriteDecimal(w, "share", share);
                    }
                    else
                    {
                        w.WriteString("share", InvalidShare);
                    }

                    if (option.Satisfied)
                    {
                        w.WriteBoolean("satisfied", true);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case LikertScale likert:
                w.WriteStartArray("shares");
                foreach (var share in likert.Shares)
                {
                    WriteDecimal(w, null, share);
                }

                w.WriteEndArray();
                w.WriteStartArray("satisfied");
                foreach (var level in likert.SatisfiedLevels)
                {
                    w.WriteNumberValue(level);
                }

                w.WriteEndArray();
                w.WriteStartArray("labels");
                foreach (var label in likert.Labels)
                {
                    w.WriteStringValue(label);
                }

                w.WriteEndArray();
                if (likert.InvalidAnswers.Count > 0)
                {
                    w.WriteStartArray("invalid");
                    foreach (var invalid in likert.InvalidAnswers)
                    {
                        w.WriteStartObject();
                        w.WriteString("key", invalid.Key);
                        w.WriteString("label", invalid.Label);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                break;
            default:
                throw new NotSupportedException($"Thang đo \"{question.Scale.Kind}\" chưa được hỗ trợ khi ghi tệp.");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>0.60m is written <c>0.6</c>: the scale of a decimal is noise in a file.</summary>
    private static void WriteDecimal(Utf8JsonWriter w, string? name, decimal value)
    {
        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        w.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
