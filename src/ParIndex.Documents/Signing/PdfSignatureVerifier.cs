using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ParIndex.Documents.Signing;

/// <summary>
/// Verifies every signature of a PDF: the byte range covers the whole file but the signature (else
/// "changed after signing"), the digest over it, the CMS signature, the signing-certificate-v2
/// binding and the certificate chain against the trust anchors. Without anchors the machine's
/// trust store is used. Revocation (CRL/OCSP) is not checked; see ADR 0118.
/// </summary>
public sealed class PdfSignatureVerifier
{
    public const int MaxPdfBytes = 50 * 1024 * 1024;
    private const int MaxSignatureHexLength = 2 * 1024 * 1024;
    private const int MaxFields = 2000;
    private const int MaxSignatures = 100;

    private readonly X509Certificate2Collection? _trustAnchors;
    private readonly TimeProvider _clock;

    /// <param name="trustAnchors">Root certificates to trust; null for the machine's trust store.</param>
    /// <param name="clock">Certificates are checked at this clock's time (a B-B signature has no trusted time of its own).</param>
    public PdfSignatureVerifier(X509Certificate2Collection? trustAnchors, TimeProvider clock)
    {
        _trustAnchors = trustAnchors;
        _clock = clock;
    }

    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    public PdfVerificationReport Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length > MaxPdfBytes)
        {
            throw new PdfSignatureException(
                $"Tệp lớn hơn giới hạn {MaxPdfBytes / (1024 * 1024)} MiB.",
                $"The file is larger than the {MaxPdfBytes / (1024 * 1024)} MiB limit.");
        }

        if (!LooksLikePdf(pdf))
        {
            throw new PdfSignatureException("Tệp không phải là PDF (không có đầu tệp %PDF-).", "The file is not a PDF (no %PDF- header).");
        }

        List<(string Name, DictionaryToken Signature)> signatures;
        try
        {
            using var document = PdfDocument.Open(pdf);
            if (document.IsEncrypted)
            {
                throw new PdfSignatureException("Tệp PDF được mã hóa; không kiểm tra được chữ ký.", "The PDF is encrypted.");
            }

            signatures = SignatureDictionaries(document);
        }
        catch (PdfSignatureException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PdfSignatureException("Tệp PDF bị hỏng, không đọc được cấu trúc của tệp.", "The PDF is damaged: its structure cannot be read.", ex);
        }

        var checks = signatures.Select(s => CheckGuarded(pdf, s.Name, s.Signature)).ToList();
        return new PdfVerificationReport(pdf.Length, checks);
    }

    // Signature fields with a value, found by walking the form's field tree (bounded in depth and size).
    private static List<(string Name, DictionaryToken Signature)> SignatureDictionaries(PdfDocument document)
    {
        var found = new List<(string, DictionaryToken)>();
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var form = PdfTokens.Get<DictionaryToken>(document, catalog, "AcroForm");
        if (form is null)
        {
            return found;
        }

        var visited = 0;
        var pending = new Stack<(IToken Node, string Prefix, int Depth)>();
        foreach (var field in (PdfTokens.Get<ArrayToken>(document, form, "Fields")?.Data ?? []).Reverse())
        {
            pending.Push((field, string.Empty, 0));
        }

        while (pending.TryPop(out var item))
        {
            if (++visited > MaxFields || item.Depth > 16)
            {
                throw new PdfSignatureException("Biểu mẫu trong tệp PDF quá lớn hoặc lồng nhau quá sâu.", "The PDF form is too large or too deeply nested.");
            }

            if (PdfTokens.Resolve(document, item.Node) is not DictionaryToken field)
            {
                continue;
            }

            var partial = PdfTokens.Text(document, field, "T");
            var name = partial is null ? item.Prefix : item.Prefix.Length == 0 ? partial : item.Prefix + "." + partial;
            if (PdfTokens.Text(document, field, "FT") == "Sig" && PdfTokens.Get<DictionaryToken>(document, field, "V") is { } value)
            {
                if (found.Count >= MaxSignatures)
                {
                    throw new PdfSignatureException("Tệp PDF có quá nhiều chữ ký.", "The PDF has too many signatures.");
                }

                found.Add((name.Length == 0 ? "Signature" : name, value));
            }

            foreach (var kid in (PdfTokens.Get<ArrayToken>(document, field, "Kids")?.Data ?? []).Reverse())
            {
                pending.Push((kid, name, item.Depth + 1));
            }
        }

        return found;
    }

    // A hostile signature must give a verdict, never an exception text: whatever the parsers throw
    // on it makes that one signature malformed.
    private PdfSignatureCheck CheckGuarded(byte[] pdf, string fieldName, DictionaryToken signature)
    {
        try
        {
            return Check(pdf, fieldName, signature);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail(
                new PdfSignatureCheck
                {
                    FieldName = fieldName,
                    Status = PdfSignatureStatus.Invalid,
                    Problem = PdfSignatureProblem.MalformedSignature,
                    Message = string.Empty,
                    EnglishMessage = string.Empty,
                    UnchangedSinceSigning = false,
                },
                PdfSignatureProblem.MalformedSignature);
        }
    }

    private PdfSignatureCheck Check(byte[] pdf, string fieldName, DictionaryToken signature)
    {
        var subFilter = signature.Data.GetValueOrDefault("SubFilter") is NameToken n ? n.Data : null;
        var signingTime = PdfTokens.ParseDate(signature.Data.GetValueOrDefault("M") is StringToken m ? m.Data : null);
        var check = new PdfSignatureCheck
        {
            FieldName = fieldName,
            SubFilter = subFilter,
            SigningTime = signingTime,
            Status = PdfSignatureStatus.Invalid,
            Problem = PdfSignatureProblem.None,
            Message = string.Empty,
            EnglishMessage = string.Empty,
            UnchangedSinceSigning = false,
        };
        if (subFilter is not ("ETSI.CAdES.detached" or "adbe.pkcs7.detached"))
        {
            return Fail(check, PdfSignatureProblem.UnsupportedFormat);
        }

        if (!TryByteRange(pdf, signature, out var range))
        {
            return Fail(check, PdfSignatureProblem.BadByteRange);
        }

        check = check with { UnchangedSinceSigning = range.End == pdf.Length, SignedLength = range.GapStart + (range.End - range.GapEnd) };
        var covered = new byte[check.SignedLength];
        pdf.AsSpan(0, range.GapStart).CopyTo(covered);
        pdf.AsSpan(range.GapEnd, range.End - range.GapEnd).CopyTo(covered.AsSpan(range.GapStart));

        SignedCms cms;
        SignerInfo signer;
        try
        {
            var hex = pdf.AsSpan(range.GapStart + 1, range.GapEnd - range.GapStart - 2);
            var der = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(hex));
            // The reserved space is padded with zeros after the DER value.
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var used);
            cms = new SignedCms(new ContentInfo(covered), detached: true);
            cms.Decode(der.AsSpan(0, used));
            if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is null)
            {
                return Fail(check, PdfSignatureProblem.MalformedSignature);
            }

            signer = cms.SignerInfos[0];
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or AsnContentException)
        {
            return Fail(check, PdfSignatureProblem.MalformedSignature);
        }

        var certificate = signer.Certificate!;
        signingTime ??= signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime.ToUniversalTime())).FirstOrDefault();
        check = check with
        {
            SigningTime = signingTime,
            SignerName = SignatureAppearance.CommonNameOf(certificate),
            Organisation = SignatureAppearance.OrganisationOf(certificate),
            Issuer = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: true),
            SerialNumber = certificate.SerialNumber,
            CertificateNotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
        };

        var problem = CheckSignature(covered, signer, certificate, subFilter) ?? CheckCertificate(certificate, cms.Certificates);
        if (problem is PdfSignatureProblem.UntrustedRoot)
        {
            var (vi, en) = Describe(problem.Value);
            return check with { Status = PdfSignatureStatus.UntrustedRoot, Problem = problem.Value, Message = vi, EnglishMessage = en };
        }

        if (problem is { } p)
        {
            return Fail(check, p);
        }

        var (message, english) = check.UnchangedSinceSigning
            ? ("Chữ ký hợp lệ; tài liệu không thay đổi từ khi ký.", "The signature is valid; the document is unchanged since signing.")
            : ("Chữ ký hợp lệ cho phần đã ký, nhưng tài liệu đã bị thay đổi sau khi ký (có nội dung thêm vào sau chữ ký).",
               "The signature is valid for the signed part, but the document was changed after signing (bytes added after the signature).");
        return check with { Status = PdfSignatureStatus.Valid, Problem = PdfSignatureProblem.None, Message = message, EnglishMessage = english };
    }

    private static PdfSignatureProblem? CheckSignature(byte[] covered, SignerInfo signer, X509Certificate2 certificate, string subFilter)
    {
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        var digest = attributes.SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9MessageDigest>().FirstOrDefault();
        using var hash = signer.DigestAlgorithm.Value switch
        {
            "2.16.840.1.101.3.4.2.1" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            "2.16.840.1.101.3.4.2.2" => IncrementalHash.CreateHash(HashAlgorithmName.SHA384),
            "2.16.840.1.101.3.4.2.3" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
            _ => null,
        };
        if (digest is null || hash is null)
        {
            return PdfSignatureProblem.MalformedSignature;
        }

        hash.AppendData(covered);
        if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), digest.MessageDigest))
        {
            return PdfSignatureProblem.DigestMismatch;
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return PdfSignatureProblem.BadSignatureValue;
        }

        var binding = attributes.FirstOrDefault(a => a.Oid.Value == SigningCertificateV2.Oid);
        if (binding is null)
        {
            // PAdES requires the binding; a plain adbe.pkcs7.detached signature need not carry it.
            return subFilter == "ETSI.CAdES.detached" ? PdfSignatureProblem.MissingSigningCertificate : null;
        }

        return binding.Values.Count == 1 && SigningCertificateV2.Matches(binding.Values[0].RawData, certificate)
            ? null
            : PdfSignatureProblem.SigningCertificateMismatch;
    }

    private PdfSignatureProblem? CheckCertificate(X509Certificate2 certificate, X509Certificate2Collection supplied)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            return PdfSignatureProblem.CertificateNotForSigning;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ExtraStore.AddRange(supplied);
        if (_trustAnchors is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_trustAnchors);
        }

        if (chain.Build(certificate))
        {
            return null;
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var now = _clock.GetUtcNow().UtcDateTime;
        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return chain.ChainElements.Any(e => now < e.Certificate.NotBefore.ToUniversalTime())
                ? PdfSignatureProblem.CertificateNotYetValid
                : PdfSignatureProblem.CertificateExpired;
        }

        const X509ChainStatusFlags untrusted = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain;
        return (flags & ~untrusted) == 0 ? PdfSignatureProblem.UntrustedRoot : PdfSignatureProblem.InvalidChain;
    }

    private static bool TryByteRange(byte[] pdf, DictionaryToken signature, out (int GapStart, int GapEnd, int End) range)
    {
        range = default;
        if (signature.Data.GetValueOrDefault("ByteRange") is not ArrayToken { Length: 4 } array
            || array.Data.Any(t => t is not NumericToken { HasDecimalPlaces: false } number || number.Long < 0 || number.Long > pdf.Length))
        {
            return false;
        }

        var n = array.Data.Cast<NumericToken>().Select(t => (int)t.Long).ToArray();
        var (start, gapStart, gapEnd, end) = (n[0], n[1], n[2], (long)n[2] + n[3]);
        // One gap, starting after byte 0, holding only the <hex> string of the signature.
        if (start != 0 || gapStart < 1 || gapEnd <= gapStart + 1 || end > pdf.Length || gapEnd - gapStart - 2 > MaxSignatureHexLength
            || pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>' || (gapEnd - gapStart) % 2 != 0
            || !pdf.AsSpan(gapStart + 1, gapEnd - gapStart - 2).ToArray().All(b => char.IsAsciiHexDigit((char)b)))
        {
            return false;
        }

        range = (gapStart, gapEnd, (int)end);
        return true;
    }

    private static PdfSignatureCheck Fail(PdfSignatureCheck check, PdfSignatureProblem problem)
    {
        var (vi, en) = Describe(problem);
        return check with { Status = PdfSignatureStatus.Invalid, Problem = problem, Message = vi, EnglishMessage = en };
    }

    private static (string Vietnamese, string English) Describe(PdfSignatureProblem problem) => problem switch
    {
        PdfSignatureProblem.UnsupportedFormat => ("Chữ ký không hợp lệ: định dạng chữ ký không được hỗ trợ (chỉ ETSI.CAdES.detached và adbe.pkcs7.detached).", "Invalid: unsupported signature format (only ETSI.CAdES.detached and adbe.pkcs7.detached)."),
        PdfSignatureProblem.BadByteRange => ("Chữ ký không hợp lệ: vùng dữ liệu được ký (ByteRange) sai, không bao trọn tài liệu.", "Invalid: the signed byte range is malformed or does not cover the document."),
        PdfSignatureProblem.MalformedSignature => ("Chữ ký không hợp lệ: dữ liệu chữ ký bị hỏng hoặc không đúng định dạng CMS.", "Invalid: the signature data is damaged or not a CMS signature."),
        PdfSignatureProblem.DigestMismatch => ("Chữ ký không hợp lệ: nội dung tài liệu đã bị sửa sau khi ký (mã băm không khớp).", "Invalid: the document content was modified after signing (digest mismatch)."),
        PdfSignatureProblem.BadSignatureValue => ("Chữ ký không hợp lệ: giá trị chữ ký không khớp với khóa công khai của chứng thư số.", "Invalid: the signature value does not verify with the certificate's public key."),
        PdfSignatureProblem.MissingSigningCertificate => ("Chữ ký không hợp lệ: thiếu thuộc tính signing-certificate-v2 mà chuẩn PAdES yêu cầu.", "Invalid: the signing-certificate-v2 attribute required by PAdES is missing."),
        PdfSignatureProblem.SigningCertificateMismatch => ("Chữ ký không hợp lệ: chứng thư số kèm theo không phải chứng thư đã dùng để ký (signing-certificate-v2 không khớp).", "Invalid: the attached certificate is not the one bound by signing-certificate-v2."),
        PdfSignatureProblem.CertificateExpired => ("Chữ ký không hợp lệ: chứng thư số của người ký (hoặc của CA cấp) đã hết hạn.", "Invalid: the signer's certificate (or an issuing CA's) has expired."),
        PdfSignatureProblem.CertificateNotYetValid => ("Chữ ký không hợp lệ: chứng thư số chưa đến ngày có hiệu lực.", "Invalid: the certificate is not yet valid."),
        PdfSignatureProblem.CertificateNotForSigning => ("Chữ ký không hợp lệ: chứng thư số không được phép dùng để ký số.", "Invalid: the certificate's key usage does not allow signing."),
        PdfSignatureProblem.InvalidChain => ("Chữ ký không hợp lệ: chuỗi chứng thư số không hợp lệ.", "Invalid: the certificate chain is invalid."),
        PdfSignatureProblem.UntrustedRoot => ("Chữ ký đúng nhưng chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy (CA gốc không tin cậy).", "The signature is intact but the certificate does not chain to a trusted root (untrusted root)."),
        _ => ("Chữ ký hợp lệ.", "The signature is valid."),
    };
}
