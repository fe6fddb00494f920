using System.Globalization;
using System.Text;

namespace ParIndex.Documents.Results;

/// <summary>
/// The results table as CSV for machines (ADR 0117): UTF-8 with a byte order mark (so Excel reads the
/// Vietnamese), RFC 4180 (comma, CRLF, quotes doubled), one header row and no title so any CSV
/// reader takes it as is, numbers invariant with a decimal point and unrounded. People open the xlsx.
/// </summary>
public static class ResultsCsvWriter
{
    public static void Write(ResultsTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(",", table.Columns.Select(c => Quote(c.Header))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(",", row.Select(v => v.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Quote(v.Text ?? ""))));
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
