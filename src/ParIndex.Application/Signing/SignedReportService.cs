using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Documents;
using ParIndex.Application.Problems;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.History;
using ParIndex.Data.Signing;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Reports;
using ParIndex.Documents.Signing;

namespace ParIndex.Application.Signing;

/// <summary>
/// The unit lead signs the self-assessment report (PAdES, the unit's certificate) once the
/// self-assessment is submitted; the signed PDF is kept as the submission's record with its SHA-256.
/// A later change of what the report says marks the record superseded; the record stays
/// downloadable, with the mark (ADR 0130). Reading follows the report's rule (ADR 0120).
/// </summary>
public sealed class SignedReportService(
    ParIndexDbContext db,
    SelfAssessmentReportService reports,
    ISigningCertificateSource certificates,
    TimeProvider clock)
{
    public const string Reason = "Ký số báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính";

    public async Task<SignedReportsView> ListAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await reports.LoadAsync(id, user, cancellationToken);
        var records = await RecordsAsync(id, cancellationToken);
        var blocked = SignRefusal(assessment, user, records);
        return new SignedReportsView(id, records, blocked is null, blocked?.Vietnamese, blocked?.English, IsLead(user, assessment));
    }

    public async Task<SignedReportView> SignAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await reports.LoadAsync(id, user, cancellationToken);
        var records = await RecordsAsync(id, cancellationToken);
        if (SignRefusal(assessment, user, records) is { } refusal)
        {
            throw refusal.Forbidden
                ? DomainException.Forbidden(refusal.Vietnamese, refusal.English)
                : DomainException.Conflict(refusal.Vietnamese, refusal.English);
        }

        var now = clock.GetUtcNow();
        var document = await reports.DocumentAsync(id, user, cancellationToken);
        byte[] signed;
        string signerName, organisation, issuer, serial;
        try
        {
            var signer = await certificates.SignerForUnitAsync(assessment.UnitId, now, cancellationToken)
                ?? throw DomainException.Conflict(
                    "Đơn vị chưa có chứng thư số: đề nghị quản trị viên tải lên tệp chứng thư số (.p12) của đơn vị.",
                    "The unit has no signing certificate: ask an administrator to upload the unit's PKCS#12 file.");
            try
            {
                using var pdf = new MemoryStream();
                var block = SelfAssessmentReportPdfWriter.Write(document, pdf);
                signed = new PadesPdfSigner(clock).Sign(pdf.ToArray(), signer, new PdfSignatureOptions
                {
                    Reason = Reason,
                    Location = document.Place.Length > 0 ? document.Place : document.UnitName,
                    PageIndex = block.PageIndex,
                    Rectangle = block.Rectangle,
                });
                var certificate = signer.CertificateChain[0];
                signerName = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);
                organisation = OrganisationOf(certificate);
                issuer = certificate.Issuer;
                serial = certificate.SerialNumber;
            }
            finally
            {
                (signer as IDisposable)?.Dispose();
            }
        }
        catch (PdfSignatureException e)
        {
            throw DomainException.Conflict(e.Message, e.EnglishMessage);
        }

        var record = new SignedReport
        {
            AssessmentId = id,
            Pdf = signed,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(signed)),
            Length = signed.LongLength,
            FileName = TableDownloads.FileName(TableDownloads.ReportPrefix + "-da-ky", document.UnitName, document.Year, TableFileFormat.Pdf),
            SignedAt = now.UtcDateTime,
            SignedBy = user.UserName,
            SignerName = Cut(signerName),
            Organisation = Cut(organisation),
            CertificateIssuer = Cut(issuer),
            CertificateSerial = serial.Length > TextLimits.CertificateSerial ? serial[..TextLimits.CertificateSerial] : serial,
            AssessmentStatus = assessment.Status.ToString(),
        };
        db.SignedReports.Add(record);
        db.History.Add(new HistoryEntry
        {
            At = now.UtcDateTime, UserName = user.UserName, Entity = nameof(SignedReport), AssessmentId = id,
            Field = "Signed", NewValue = record.Sha256, Reason = $"Ký số báo cáo tự đánh giá ({signerName})",
        });
        await db.SaveChangesAsync(cancellationToken);
        return (await RecordsAsync(id, cancellationToken)).First(r => r.Id == record.Id);
    }

    public async Task<SignedReportFile> FileAsync(int id, int recordId, CurrentUser user, CancellationToken cancellationToken)
    {
        await reports.LoadAsync(id, user, cancellationToken);
        var view = (await RecordsAsync(id, cancellationToken)).FirstOrDefault(r => r.Id == recordId)
            ?? throw DomainException.NotFound("Không có bản đã ký này của báo cáo.", "There is no such signed record of the report.");
        var pdf = await db.SignedReports.AsNoTracking().Where(r => r.Id == recordId).Select(r => r.Pdf).SingleAsync(cancellationToken);
        var name = view.Superseded ? view.FileName.Replace(".pdf", "-da-bi-thay-the.pdf", StringComparison.Ordinal) : view.FileName;
        return new SignedReportFile(pdf, name, view.Superseded);
    }

    /// <summary>The records, newest first, each with whether (and since when, why) it is superseded.</summary>
    private async Task<List<SignedReportView>> RecordsAsync(int id, CancellationToken cancellationToken)
    {
        var rows = await db.SignedReports.AsNoTracking().Where(r => r.AssessmentId == id)
            .Select(r => new { r.Id, r.FileName, r.Length, r.Sha256, r.SignedAt, r.SignedBy, r.SignerName, r.Organisation, r.CertificateIssuer, r.CertificateSerial, r.AssessmentStatus })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        rows = [.. rows.OrderByDescending(r => r.SignedAt).ThenByDescending(r => r.Id)];
        var earliest = rows[^1].SignedAt;
        var changes = await db.History.AsNoTracking()
            .Where(h => h.AssessmentId == id && h.At > earliest)
            .Where(ReportChanges.ChangesReport)
            .Select(h => new { h.At, h.Entity, h.UserName })
            .ToListAsync(cancellationToken);
        var views = new List<SignedReportView>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var change = changes.Where(c => c.At > r.SignedAt).OrderBy(c => c.At).FirstOrDefault();
            var newer = i > 0 ? rows[i - 1] : null;
            (DateTime? At, string? Vietnamese, string? English) mark = change is not null && (newer is null || change.At <= newer.SignedAt)
                ? (change.At, $"Đã bị thay thế: {ChangeText(change.Entity)} do {change.UserName} thực hiện sau khi ký.", $"Superseded: {ChangeEnglish(change.Entity)} by {change.UserName} after signing.")
                : newer is not null
                    ? (newer.SignedAt, "Đã bị thay thế bởi bản ký sau.", "Superseded by a later signed record.")
                    : (null, null, null);
            views.Add(new SignedReportView(r.Id, id, r.FileName, r.Length, r.Sha256, r.SignedAt, r.SignedBy, r.SignerName, r.Organisation,
                r.CertificateIssuer, r.CertificateSerial, r.AssessmentStatus, mark.At is not null, mark.At, mark.Vietnamese, mark.English));
        }

        return views;
    }

    private static string ChangeText(string entity) => entity switch
    {
        "Evidence" => "tài liệu kiểm chứng đã thay đổi",
        "AssessmentReport" => "các mục của báo cáo đã được sửa",
        "Assessment" => "bản tự đánh giá đã trở lại trạng thái nháp",
        _ => "điểm tự đánh giá đã được sửa",
    };

    private static string ChangeEnglish(string entity) => entity switch
    {
        "Evidence" => "the evidence changed",
        "AssessmentReport" => "the report fields were edited",
        "Assessment" => "the self-assessment went back to draft",
        _ => "the self-assessment was edited",
    };

    private static bool IsLead(CurrentUser user, Assessment assessment) =>
        user.UnitId == assessment.UnitId && user.IsIn(Roles.UnitLead);

    private sealed record Refusal(bool Forbidden, string Vietnamese, string English);

    /// <summary>Why <paramref name="user"/> may not sign now, or null (ADR 0130: the lead of the unit, once submitted, no current record).</summary>
    private static Refusal? SignRefusal(Assessment assessment, CurrentUser user, List<SignedReportView> records)
    {
        if (!IsLead(user, assessment))
        {
            return new(true, "Chỉ lãnh đạo của đơn vị được đánh giá được ký số báo cáo tự đánh giá.",
                "Only the assessed unit's lead may sign the self-assessment report.");
        }

        if (assessment.Status == AssessmentStatus.Draft)
        {
            return new(false, "Báo cáo chỉ được ký số sau khi đã gửi bản tự đánh giá: khi còn là bản nháp, nội dung báo cáo còn thay đổi.",
                "The report can be signed only after the self-assessment is submitted: a draft still changes.");
        }

        if (records.Count > 0 && !records[0].Superseded)
        {
            return new(false, "Báo cáo đã được ký số và chưa thay đổi từ khi ký: không cần ký lại.",
                "The report is already signed and has not changed since: there is nothing to sign again.");
        }

        return null;
    }

    private static string OrganisationOf(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.10")?.GetSingleElementValue() ?? "";

    private static string Cut(string text) => text.Length > TextLimits.CertificateName ? text[..TextLimits.CertificateName] : text;
}
