using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Surveys;

/// <summary>The <c>--json</c> output: one object with the report and, for <c>score</c>, the scores. Numbers are JSON numbers with a decimal point.</summary>
internal static class SurveyJsonWriter
{
    public static void Write(SurveyInput input, SurveyValidationReport report, SurveyScoreResult? scores, TextWriter output)
    {
        // Passed on to the output in chunks: a national campaign's scores are hundreds of megabytes of JSON.
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            void Drain(bool always = false)
            {
                if (always || w.BytesPending + buffer.WrittenCount >= ChunkBytes)
                {
                    w.Flush();
                    output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                    buffer.ResetWrittenCount();
                }
            }

            w.WriteStartObject();
            w.WriteString("file", input.Path);
            w.WriteString("questionnaire", input.Questionnaire.Id);
            w.WriteString("respondentGroup", input.Questionnaire.RespondentGroup);
            w.WriteBoolean("valid", report.IsValid);
            w.WriteNumber("dataRows", report.DataRows);
            w.WriteNumber("respondents", report.Respondents);
            w.WriteNumber("answers", report.Answers);
            w.WriteStartObject("respondentsPerUnit");
            foreach (var (unit, count) in report.RespondentsPerUnit.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(unit, count);
            }

            w.WriteEndObject();
            w.WriteStartArray("unmatchedQuestions");
            foreach (var code in report.UnmatchedQuestions)
            {
                w.WriteStringValue(code);
            }

            w.WriteEndArray();
            w.WriteStartArray("quotas");
            foreach (var quota in input.Progress(report))
            {
                w.WriteStartObject();
                w.WriteString("unit", quota.UnitCode);
                w.WriteString("respondentGroup", quota.RespondentGroup);
                w.WriteNumber("required", quota.Required);
                w.WriteNumber("collected", quota.Collected);
                w.WriteNumber("remaining", quota.Remaining);
                Decimal(w, "percent", quota.Percent);
                w.WriteBoolean("met", quota.Met);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("totalProblems", report.TotalProblems);
            w.WriteStartArray("problems");
            foreach (var p in report.Problems)
            {
                w.WriteStartObject();
                w.WriteNumber("row", p.Row);
                w.WriteNumber("column", p.Column);
                w.WriteString("columnLetter", p.ColumnLetter);
                w.WriteString("columnName", p.ColumnName);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (scores is not null)
            {
                WriteScores(w, scores, report, () => Drain());
            }

            w.WriteEndObject();
            Drain(always: true);
        }

        output.WriteLine();
    }

    private const int ChunkBytes = 1 << 16;

    private static void WriteScores(Utf8JsonWriter w, SurveyScoreResult scores, SurveyValidationReport report, Action drain)
    {
        w.WriteStartArray("leaves");
        foreach (var leaf in scores.Leaves)
        {
            w.WriteStartObject();
            w.WriteString("unit", leaf.UnitCode);
            w.WriteString("leaf", leaf.LeafCode);
            Decimal(w, "max", leaf.Max);
            w.WriteNumber("validAnswers", leaf.ValidAnswers);
            w.WriteNumber("invalidAnswers", leaf.InvalidAnswers);
            Decimal(w, "meanShare", leaf.MeanShare is { } m ? Math.Round(m, 6, MidpointRounding.AwayFromZero) : null);
            Decimal(w, "points", leaf.Points);
            w.WriteString("memo", leaf.Memo.Text);
            w.WriteEndObject();
            drain();
        }

        w.WriteEndArray();
        w.WriteStartArray("sipas");
        foreach (var s in scores.Sipas)
        {
            w.WriteStartObject();
            w.WriteString("unit", s.UnitCode);
            w.WriteString("component", s.Component);
            w.WriteNumber("validAnswers", s.ValidAnswers);
            w.WriteNumber("satisfiedAnswers", s.SatisfiedAnswers);
            Decimal(w, "percent", s.Percent);
            w.WriteEndObject();
            drain();
        }

        w.WriteEndArray();
        w.WriteStartArray("units");
        var byUnit = new SurveyScoresByUnit(scores);
        foreach (var unit in report.RespondentsPerUnit.Keys.Order(StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("unit", unit);
            Decimal(w, "surveyPoints", byUnit.TotalPoints(unit));
            Decimal(w, "sipasPercent", byUnit.OverallSipas(unit) is { } o ? Math.Round(o * 100m, 2, MidpointRounding.AwayFromZero) : null);
            w.WriteEndObject();
            drain();
        }

        w.WriteEndArray();
    }

    private static void Decimal(Utf8JsonWriter w, string name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is { } v)
        {
            w.WriteRawValue(v.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
