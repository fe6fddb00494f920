using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ParIndex.Web.Tests.Bundles;

/// <summary>
/// What a user gets for a URL, with only per-request noise taken out (antiforgery tokens, CSP
/// nonces, trace ids): status, content type, redirect target and the body — HTML and JSON as text,
/// documents as their text or cell values (their files carry creation times), anything else as its SHA-256.
/// </summary>
public static partial class PageSnapshots
{
    public static async Task<string> TakeAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = type switch
        {
            "application/json" or "application/problem+json" => Normalize(JsonWithPlainNumbers(bytes)),
            "text/html" or "text/plain" or "text/csv" => Normalize(Encoding.UTF8.GetString(bytes)),
            _ when url.Contains("/evidence/", StringComparison.Ordinal) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
            "application/pdf" => PdfText(bytes),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => XlsxText(bytes),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => DocxText(bytes),
            _ => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        return $"{(int)response.StatusCode} {type} {response.Headers.Location}\n{body}";
    }

    private static string Normalize(string text)
    {
        text = AntiforgeryToken().Replace(text, "(token)");
        text = Nonce().Replace(text, "nonce=\"(nonce)\"");
        // When staff results were computed (ADR 0144): a restored site computes its own.
        text = DraftAsOf().Replace(text, "\"draft\":{\"asOf\":\"(time)\"");
        return TraceId().Replace(text, "\"traceId\":\"(trace)\"");
    }

    /// <summary>
    /// The JSON with every number written without trailing fractional zeros: a decimal's scale is the
    /// engine's (PostgreSQL numeric(28,10) returns 61.1213000000, SQLite the text it stored), its value is the figure.
    /// </summary>
    private static string JsonWithPlainNumbers(byte[] json)
    {
        if (json.Length == 0)
        {
            return "";
        }

        using var document = JsonDocument.Parse(json);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, document.RootElement);
        }

        return Encoding.UTF8.GetString(output.ToArray());

        static void Write(Utf8JsonWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.Number:
                    writer.WriteRawValue(PlainNumber(element.GetRawText()));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }

    private static string PlainNumber(string number) =>
        number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? number.TrimEnd('0').TrimEnd('.')
            : number;

    /// <summary>ISO instants cut to microseconds, written without trailing zeros (as PostgreSQL returns them).</summary>
    public static string ToMicroseconds(string text) =>
        IsoFraction().Replace(text, m =>
        {
            var digits = m.Groups[2].Value;
            var kept = (digits.Length > 6 ? digits[..6] : digits).TrimEnd('0');
            return m.Groups[1].Value + (kept.Length > 0 ? "." + kept : "") + m.Groups[3].Value;
        });

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p, false)));
    }

    private static string XlsxText(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var text = new StringBuilder();
        foreach (var sheet in part.WorksheetParts)
        {
            foreach (var cell in sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            {
                var value = cell.CellValue?.Text ?? cell.InnerText;
                if (cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString && int.TryParse(value, out var index))
                {
                    value = shared[index];
                }
                else if (cell.DataType is null || cell.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number)
                {
                    value = PlainNumber(value);
                }

                text.Append(cell.CellReference).Append('=').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    // Data-protection payloads (antiforgery tokens) start with the same magic header, base64url.
    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d+)(Z|[+-]\d\d:\d\d)")]
    private static partial Regex IsoFraction();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("\"draft\":\\{\"asOf\":\"[^\"]*\"")]
    private static partial Regex DraftAsOf();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
