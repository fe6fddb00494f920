using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Data;
using ParIndex.Data.History;
using ParIndex.Data.Signing;
using ParIndex.Documents.Signing;

namespace ParIndex.Application.Signing;

/// <summary>
/// The units' PKCS#12 certificates: the administrator uploads (checked: opens with the password,
/// holds an RSA private key that matches the certificate, valid now, allowed to sign), sees and
/// removes them; the lead's signature loads the key from here. The file and its password are stored
/// only through ASP.NET Data Protection (the installation's key ring), never in clear (ADR 0130).
/// </summary>
public sealed class Pkcs12CertificateStore(ParIndexDbContext db, IDataProtectionProvider protection, TimeProvider clock) : ISigningCertificateSource
{
    /// <summary>The data-protection purpose: a new version of the payload layout gets a new purpose.</summary>
    internal const string Purpose = "ParIndex.Signing.Pkcs12.v1";

    /// <summary>A password longer than this is refused unread.</summary>
    public const int MaxPasswordLength = 256;

    public const int MaxFileBytes = Pkcs12PdfSigner.MaxFileBytes;

    private const string AdminOnly = "Chỉ quản trị viên được quản lý chứng thư số của đơn vị.";
    private const string AdminOnlyEnglish = "Only an administrator may manage the units' signing certificates.";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    public async Task<IReadOnlyList<SigningCertificateView>> ListAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        RequireAdministrator(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SigningCertificates.AsNoTracking()
            .Select(c => new { c.UnitId, UnitName = c.Unit!.Name, c.Subject, c.Issuer, c.SerialNumber, c.Thumbprint, c.NotBefore, c.NotAfter, c.UploadedAt, c.UploadedBy })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .Select(r => new SigningCertificateView(r.UnitId, r.UnitName, r.Subject, r.Issuer, r.SerialNumber, r.Thumbprint, r.NotBefore, r.NotAfter, now > r.NotAfter, r.UploadedAt, r.UploadedBy))];
    }

    /// <summary>Checks and stores (or replaces) the unit's certificate; nothing is stored when any check fails.</summary>
    public async Task<SigningCertificateView> UploadAsync(int unitId, byte[] pkcs12, string? password, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pkcs12);
        RequireAdministrator(user);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có đơn vị số {unitId}.", $"There is no unit {unitId}.");
        if (pkcs12.Length == 0)
        {
            throw Field("file", "Chưa chọn tệp chứng thư số (.p12 hoặc .pfx).", "No PKCS#12 file (.p12 or .pfx) was chosen.");
        }

        if (pkcs12.Length > MaxFileBytes)
        {
            throw DomainException.TooLarge($"Tệp chứng thư số quá lớn (giới hạn {MaxFileBytes / 1024} KiB).", $"The PKCS#12 file is too large (limit {MaxFileBytes / 1024} KiB).");
        }

        if (password is { Length: > MaxPasswordLength })
        {
            throw Field("password", $"Mật khẩu dài quá {MaxPasswordLength} ký tự.", $"The password is longer than {MaxPasswordLength} characters.");
        }

        var now = clock.GetUtcNow();
        CertificateFacts facts;
        try
        {
            using var signer = Pkcs12PdfSigner.Load(pkcs12, password ?? "", now);
            facts = Check(signer);
        }
        catch (PdfSignatureException e)
        {
            throw Field("file", e.Message, e.EnglishMessage);
        }

        var row = await db.SigningCertificates.SingleOrDefaultAsync(c => c.UnitId == unitId, cancellationToken);
        var replaced = row?.Thumbprint;
        row ??= db.SigningCertificates.Add(new UnitSigningCertificate { UnitId = unitId }).Entity;
        row.ProtectedPkcs12 = Protector.Protect(Pack(password ?? "", pkcs12));
        row.Subject = Cut(facts.Subject);
        row.Issuer = Cut(facts.Issuer);
        row.SerialNumber = facts.Serial.Length > TextLimits.CertificateSerial ? facts.Serial[..TextLimits.CertificateSerial] : facts.Serial;
        row.Thumbprint = facts.Thumbprint;
        row.NotBefore = facts.NotBefore;
        row.NotAfter = facts.NotAfter;
        row.UploadedAt = now.UtcDateTime;
        row.UploadedBy = user.UserName;
        db.History.Add(new HistoryEntry
        {
            At = now.UtcDateTime, UserName = user.UserName, Entity = nameof(UnitSigningCertificate),
            Field = "Certificate", OldValue = replaced, NewValue = facts.Thumbprint,
            Reason = $"Tải lên chứng thư số của đơn vị {unit.Code}: {row.Subject}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return new SigningCertificateView(unitId, unit.Name, row.Subject, row.Issuer, row.SerialNumber, row.Thumbprint, row.NotBefore, row.NotAfter, false, row.UploadedAt, row.UploadedBy);
    }

    public async Task RemoveAsync(int unitId, CurrentUser user, CancellationToken cancellationToken)
    {
        RequireAdministrator(user);
        var row = await db.SigningCertificates.Include(c => c.Unit).SingleOrDefaultAsync(c => c.UnitId == unitId, cancellationToken)
            ?? throw DomainException.NotFound("Đơn vị này không có chứng thư số.", "This unit has no signing certificate.");
        db.SigningCertificates.Remove(row);
        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserName = user.UserName, Entity = nameof(UnitSigningCertificate),
            Field = "Certificate", OldValue = row.Thumbprint, NewValue = null,
            Reason = $"Gỡ chứng thư số của đơn vị {row.Unit!.Code}",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IPdfSigner?> SignerForUnitAsync(int unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.SigningCertificates.AsNoTracking().SingleOrDefaultAsync(c => c.UnitId == unitId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = Protector.Unprotect(row.ProtectedPkcs12);
        }
        catch (CryptographicException e)
        {
            // The key ring that protected it is gone (another installation, a lost key): upload again.
            throw new PdfSignatureException(
                "Không mở được chứng thư số đã lưu của đơn vị (khóa bảo vệ của hệ thống đã thay đổi): đề nghị quản trị viên tải lên lại.",
                "The stored certificate cannot be unprotected (the installation's key ring changed): upload it again.", e);
        }

        var (password, pkcs12) = Unpack(payload);
        return Pkcs12PdfSigner.Load(pkcs12, password, now);
    }

    private static void RequireAdministrator(CurrentUser user)
    {
        if (!user.IsAdministrator)
        {
            throw DomainException.Forbidden(AdminOnly, AdminOnlyEnglish);
        }
    }

    private sealed record CertificateFacts(string Subject, string Issuer, string Serial, string Thumbprint, DateTime NotBefore, DateTime NotAfter);

    /// <summary>What <see cref="Pkcs12PdfSigner.Load"/> does not check: key usage, and that the key signs for this certificate.</summary>
    private static CertificateFacts Check(Pkcs12PdfSigner signer)
    {
        var certificate = signer.Certificate;
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw new PdfSignatureException(
                "Chứng thư số không được phép dùng để ký số (thuộc tính Key Usage không có Digital Signature hoặc Non-Repudiation).",
                "The certificate's key usage does not allow signing (neither digital signature nor non-repudiation).");
        }

        var hash = SHA256.HashData("ParIndex signing check"u8);
        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null || !publicKey.VerifyHash(hash, signer.SignHash(hash, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw new PdfSignatureException(
                "Khóa bí mật trong tệp không khớp với chứng thư số.",
                "The private key in the file does not match the certificate.");
        }

        return new CertificateFacts(certificate.Subject, certificate.Issuer, certificate.SerialNumber,
            Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256)),
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
    }

    private static DomainException Field(string field, string message, string english) =>
        DomainException.InvalidFields([new FieldError(field, message, english)]);

    private static string Cut(string text) => text.Length > TextLimits.CertificateName ? text[..TextLimits.CertificateName] : text;

    // Payload: 4-byte big-endian length of the UTF-8 password, the password, the PKCS#12 bytes.
    private static byte[] Pack(string password, byte[] pkcs12)
    {
        var secret = Encoding.UTF8.GetBytes(password);
        var payload = new byte[4 + secret.Length + pkcs12.Length];
        BinaryPrimitives.WriteInt32BigEndian(payload, secret.Length);
        secret.CopyTo(payload, 4);
        pkcs12.CopyTo(payload, 4 + secret.Length);
        CryptographicOperations.ZeroMemory(secret);
        return payload;
    }

    private static (string Password, byte[] Pkcs12) Unpack(byte[] payload)
    {
        var length = payload.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(payload) : -1;
        if (length < 0 || length > payload.Length - 4)
        {
            throw new PdfSignatureException("Chứng thư số đã lưu bị hỏng: đề nghị quản trị viên tải lên lại.", "The stored certificate is damaged: upload it again.");
        }

        return (Encoding.UTF8.GetString(payload, 4, length), payload[(4 + length)..]);
    }
}
