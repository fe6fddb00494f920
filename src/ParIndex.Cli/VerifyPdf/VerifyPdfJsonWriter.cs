using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Documents.Signing;

namespace ParIndex.Cli.VerifyPdf;

/// <summary>
/// The <c>--json</c> output: <c>{"valid", "documentUnchanged", "signatures": [{"field", "status"
/// (valid|untrustedRoot|invalid), "problem", "signer", "organisation", "signingTime", "issuer",
/// "serialNumber", "unchangedSinceSigning", "message", "messageEn"}]}</c>.
/// </summary>
public static class VerifyPdfJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable Vietnamese; the output goes to a terminal or a file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(PdfVerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", report.AllValid);
            json.WriteBoolean("documentUnchanged", report.DocumentUnchanged);
            json.WriteStartArray("signatures");
            foreach (var s in report.Signatures)
            {
                json.WriteStartObject();
                json.WriteString("field", s.FieldName);
                json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(s.Status.ToString()));
                json.WriteString("problem", s.Problem == PdfSignatureProblem.None ? null : JsonNamingPolicy.CamelCase.ConvertName(s.Problem.ToString()));
                json.WriteString("signer", s.SignerName);
                json.WriteString("organisation", s.Organisation);
                if (s.SigningTime is { } time)
                {
                    json.WriteString("signingTime", time);
                }
                else
                {
                    json.WriteNull("signingTime");
                }

                json.WriteString("issuer", s.Issuer);
                json.WriteString("serialNumber", s.SerialNumber);
                json.WriteBoolean("unchangedSinceSigning", s.UnchangedSinceSigning);
                json.WriteString("message", s.Message);
                json.WriteString("messageEn", s.EnglishMessage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
