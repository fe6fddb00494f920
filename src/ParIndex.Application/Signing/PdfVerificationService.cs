using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using ParIndex.Application.Problems;
using ParIndex.Documents.Signing;

namespace ParIndex.Application.Signing;

/// <summary>
/// Checks an uploaded signed PDF as <c>parindex verify-pdf</c> does: each signature valid, the
/// document unchanged since the last one, the signer's certificate and whether its chain ends at a
/// configured trust anchor (<see cref="SigningOptions.TrustAnchors"/>). A file that cannot be checked
/// is a 400 with a reason, never an exception text (ADR 0131).
/// </summary>
public sealed class PdfVerificationService(IOptions<SigningOptions> options, TimeProvider clock)
{
    private readonly Lazy<X509Certificate2Collection?> anchors = new(() => LoadAnchors(options.Value.TrustAnchors));

    public int MaxBytes => options.Value.MaxVerifyBytes;

    public PdfVerificationReport Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length == 0)
        {
            throw DomainException.Invalid("Chưa chọn tệp PDF cần kiểm tra.", "No PDF file was chosen.");
        }

        if (pdf.Length > MaxBytes)
        {
            throw DomainException.TooLarge($"Tệp PDF quá lớn để kiểm tra (giới hạn {MaxBytes / (1024 * 1024)} MiB).", $"The PDF is too large to check (limit {MaxBytes / (1024 * 1024)} MiB).");
        }

        try
        {
            return new PdfSignatureVerifier(anchors.Value, clock).Verify(pdf);
        }
        catch (PdfSignatureException e)
        {
            throw DomainException.Invalid($"Không kiểm tra được tệp này. {e.Message}", $"This file cannot be checked. {e.EnglishMessage}");
        }
    }

    /// <summary>The configured roots; a missing or unreadable file stops with its name (a setup mistake, not a user's).</summary>
    private static X509Certificate2Collection? LoadAnchors(IList<string> files)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var collection = new X509Certificate2Collection();
        foreach (var file in files)
        {
            try
            {
                if (TrustAnchorFile.AddTo(collection, File.ReadAllBytes(file)) == 0)
                {
                    throw new InvalidOperationException($"Signing:TrustAnchors: '{file}' holds no certificate.");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new InvalidOperationException($"Signing:TrustAnchors: cannot read the certificate file '{file}'.", e);
            }
        }

        return collection;
    }
}
