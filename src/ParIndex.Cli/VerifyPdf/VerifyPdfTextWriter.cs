using System.Globalization;
using ParIndex.Documents.Signing;

namespace ParIndex.Cli.VerifyPdf;

/// <summary>The Vietnamese text output of <c>verify-pdf</c>: one block per signature, then the verdict.</summary>
public static class VerifyPdfTextWriter
{
    public static void Write(PdfVerificationReport report, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Tệp: {path}");
        if (report.Signatures.Count == 0)
        {
            output.WriteLine("Kết quả: tệp không có chữ ký số nào.");
            return;
        }

        for (var i = 0; i < report.Signatures.Count; i++)
        {
            var s = report.Signatures[i];
            output.WriteLine();
            output.WriteLine($"Chữ ký {i + 1}/{report.Signatures.Count} ({s.FieldName}): {StatusText(s.Status)}");
            if (s.SignerName is not null)
            {
                output.WriteLine($"  Người ký: {s.SignerName}");
            }

            if (s.Organisation is not null)
            {
                output.WriteLine($"  Cơ quan, tổ chức: {s.Organisation}");
            }

            if (s.SigningTime is { } time)
            {
                output.WriteLine($"  Thời điểm ký: {time.ToOffset(PadesPdfSigner.VietnamOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)} (giờ Việt Nam)");
            }

            if (s.Issuer is not null)
            {
                output.WriteLine($"  Chứng thư số: số hiệu {s.SerialNumber}, do {s.Issuer} cấp, có hiệu lực đến {s.CertificateNotAfter?.ToOffset(PadesPdfSigner.VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            }

            output.WriteLine($"  Tài liệu từ khi ký: {(s.UnchangedSinceSigning ? "không thay đổi" : "đã bị thay đổi sau khi ký")}");
            output.WriteLine($"  {s.Message}");
        }

        output.WriteLine();
        output.WriteLine(report.AllValid
            ? "Kết quả: mọi chữ ký hợp lệ, tài liệu không thay đổi từ khi ký."
            : report.DocumentUnchanged
                ? "Kết quả: có chữ ký không hợp lệ hoặc không tin cậy."
                : "Kết quả: tài liệu đã bị thay đổi sau chữ ký cuối cùng hoặc chữ ký không hợp lệ.");
    }

    private static string StatusText(PdfSignatureStatus status) => status switch
    {
        PdfSignatureStatus.Valid => "HỢP LỆ",
        PdfSignatureStatus.UntrustedRoot => "KHÔNG TIN CẬY (CA gốc không được tin cậy)",
        _ => "KHÔNG HỢP LỆ",
    };
}
