using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ParIndex.Documents.Signing;

namespace ParIndex.Cli.VerifyPdf;

/// <summary>
/// <c>parindex verify-pdf FILE [--trust CERT.pem ...] [--json]</c>: checks every signature of a PDF.
/// Exit codes: 0 every signature valid and the document unchanged since the last one; 1 a signature
/// is invalid or untrusted, the document was changed after signing, or there is no signature;
/// 2 the file (or a --trust file) cannot be read.
/// </summary>
public static class VerifyPdfCommand
{
    public const int AllValid = 0;
    public const int NotValid = 1;
    public const int Unreadable = 2;

    /// <summary>A trust-anchor file larger than this is refused (a bundle of CA certificates is a few hundred KiB).</summary>
    private const long MaxTrustFileBytes = 4 * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Tệp PDF đã ký số cần kiểm tra (bắt buộc)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var trust = new Option<string[]>("--trust")
        {
            Description = "Chứng thư số CA gốc được tin cậy (PEM hoặc DER), có thể nhắc lại; không có thì dùng kho tin cậy của máy",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng một đối tượng JSON" };
        var command = new Command("verify-pdf", "Kiểm tra chữ ký số trong tệp PDF: chữ ký đúng, tài liệu không bị sửa sau khi ký, chứng thư số tin cậy. "
            + "Mã thoát: 0 mọi chữ ký hợp lệ, 1 có chữ ký không hợp lệ/không tin cậy, tài liệu bị sửa hoặc không có chữ ký, 2 không đọc được tệp.");
        command.Add(file);
        command.Add(trust);
        command.Add(json);
        command.SetAction(parseResult =>
        {
            var stderr = parseResult.InvocationConfiguration.Error;
            if (string.IsNullOrWhiteSpace(parseResult.GetValue(file)))
            {
                stderr.WriteLine("Lỗi: thiếu tên tệp. Cách dùng: parindex verify-pdf FILE [--trust CERT.pem ...] [--json]");
                return Unreadable;
            }

            return Run(parseResult.GetValue(file)!, parseResult.GetValue(trust) ?? [], parseResult.GetValue(json),
                TimeProvider.System, parseResult.InvocationConfiguration.Output, stderr);
        });
        return command;
    }

    public static int Run(string path, IReadOnlyList<string> trustFiles, bool json, TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(trustFiles);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        X509Certificate2Collection? anchors = null;
        if (trustFiles.Count > 0)
        {
            anchors = [];
            foreach (var trustFile in trustFiles)
            {
                var error = LoadAnchors(trustFile, anchors);
                if (error is not null)
                {
                    stderr.WriteLine(error);
                    return Unreadable;
                }
            }
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > PdfSignatureVerifier.MaxPdfBytes)
            {
                stderr.WriteLine($"Lỗi: tệp '{path}' lớn hơn giới hạn {PdfSignatureVerifier.MaxPdfBytes / (1024 * 1024)} MiB.");
                return Unreadable;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"Lỗi: không tìm thấy tệp '{path}' (file not found).");
            return Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"Lỗi: không mở được tệp '{path}' (cannot open the file).");
            return Unreadable;
        }

        PdfVerificationReport report;
        try
        {
            report = new PdfSignatureVerifier(anchors, clock).Verify(bytes);
        }
        catch (PdfSignatureException ex)
        {
            stderr.WriteLine($"Lỗi: không kiểm tra được '{path}'. {ex.Message}");
            return Unreadable;
        }

        if (json)
        {
            VerifyPdfJsonWriter.Write(report, stdout);
        }
        else
        {
            VerifyPdfTextWriter.Write(report, path, stdout);
        }

        return report.AllValid ? AllValid : NotValid;
    }

    private static string? LoadAnchors(string trustFile, X509Certificate2Collection anchors)
    {
        try
        {
            var info = new FileInfo(trustFile);
            if (!info.Exists)
            {
                return $"Lỗi: không tìm thấy tệp chứng thư tin cậy '{trustFile}' (file not found).";
            }

            if (info.Length > MaxTrustFileBytes)
            {
                return $"Lỗi: tệp chứng thư tin cậy '{trustFile}' lớn hơn {MaxTrustFileBytes / (1024 * 1024)} MiB.";
            }

            return TrustAnchorFile.AddTo(anchors, File.ReadAllBytes(trustFile)) > 0 ? null : $"Lỗi: tệp '{trustFile}' không chứa chứng thư số nào.";
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"Lỗi: không đọc được chứng thư tin cậy '{trustFile}' (không phải chứng thư X.509 dạng PEM hoặc DER).";
        }
    }
}
