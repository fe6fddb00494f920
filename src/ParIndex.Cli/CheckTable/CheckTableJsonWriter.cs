using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Cli.CheckTable;

/// <summary>
/// The <c>--json</c> output: one object
/// <c>{"title", "nodes": [{"code","title","level","max","stated","computed","survey","explanation"}],
/// "total": {"max","stated","computed"}, "mismatches": [{"code","what","stated","computed","line"}]}</c>
/// (<c>what</c>: max, score, above-max, negative); for a file that cannot be read
/// <c>{"error": {"line","column","cell","message","problems": [{"line","column","cell","message"}]}}</c>.
/// Numbers are JSON numbers; Vietnamese text is written as readable UTF-8, not \u escapes.
/// </summary>
public static class CheckTableJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable Vietnamese; the output goes to a terminal or a file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(OfficialTable table, IReadOnlyList<TableMismatch> mismatches, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mismatches);
        ArgumentNullException.ThrowIfNull(output);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("title", table.Title);
            json.WriteStartArray("nodes");
            foreach (var row in table.AllRows())
            {
                json.WriteStartObject();
                json.WriteString("code", row.Code);
                json.WriteString("title", row.Title);
                json.WriteNumber("level", row.Level);
                json.WriteNumber("max", Normalize(row.Max));
                WriteNumberOrNull(json, "stated", row.Score);
                json.WriteNumber("computed", Normalize(row.ComputedScore));
                json.WriteBoolean("survey", row.IsSurvey);
                json.WriteString("explanation", row.Explanation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("total");
            WriteNumberOrNull(json, "max", table.StatedTotalMax);
            WriteNumberOrNull(json, "stated", table.StatedTotalScore);
            json.WriteNumber("computed", Normalize(table.ComputedTotalScore));
            json.WriteEndObject();
            json.WriteStartArray("mismatches");
            foreach (var m in mismatches)
            {
                json.WriteStartObject();
                json.WriteString("code", m.Code);
                json.WriteString("what", m.What);
                json.WriteNumber("stated", Normalize(m.Stated));
                json.WriteNumber("computed", Normalize(m.Computed));
                WriteNumberOrNull(json, "line", m.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// The error object of an unreadable file: the first problem's place and message, and every
    /// problem found. <c>line</c> is the line of the text, the row of the sheet or the line of the
    /// PDF (0 when the file could not be opened); <c>cell</c> is <c>D12</c> in a sheet or
    /// <c>trang 2</c> in a PDF, else null; <c>column</c> is the column's header name or null.
    /// </summary>
    public static void WriteError(IReadOnlyList<OfficialTableProblem> problems, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            WriteProblem(json, problems[0]);
            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                WriteProblem(json, problem);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteProblem(Utf8JsonWriter json, OfficialTableProblem problem)
    {
        json.WriteNumber("line", problem.Line);
        json.WriteString("column", problem.Column);
        json.WriteString("cell", problem.Cell);
        json.WriteString("message", problem.Line > 0 ? problem.Message : problem.Problem);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Normalize(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // Sums keep the scale of their terms (9,5000); drop trailing zeros so the JSON reads 9.5.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
