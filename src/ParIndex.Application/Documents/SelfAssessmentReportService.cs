using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Assessments;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.History;
using ParIndex.Documents.Reports;

namespace ParIndex.Application.Documents;

/// <summary>The fields of the self-assessment report as the form shows them, with the version to send back.</summary>
public sealed record ReportFieldsView(
    int Version,
    bool CanEdit,
    string? LockReason,
    string SuperiorBody,
    string DocumentNumber,
    string Place,
    DateOnly? Date,
    string Difficulties,
    string Recommendations,
    string Recipients,
    string SignerAuthority,
    string SignerTitle,
    string SignerName,
    DateTime? UpdatedAt,
    string? UpdatedBy,
    string? LockReasonEnglish = null);

/// <summary>A save of the report's fields; <see cref="Version"/> is the one the user edited (0 before the first save).</summary>
public sealed record ReportFieldsRequest
{
    public int Version { get; init; }

    public string? SuperiorBody { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Place { get; init; }

    public DateOnly? Date { get; init; }

    public string? Difficulties { get; init; }

    public string? Recommendations { get; init; }

    public string? Recipients { get; init; }

    public string? SignerAuthority { get; init; }

    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}

/// <summary>
/// The self-assessment report (Báo cáo tự đánh giá, Decree 30 layout): the fields the unit fills
/// in, kept with the assessment (version-checked, every change in the history), and the document
/// built from them and the assessment. Whoever may download the whole self-assessment table may
/// read the report; only the assessed unit's editor or lead may change it, while the
/// self-assessment is editable (ADR 0120).
/// </summary>
public sealed class SelfAssessmentReportService(ParIndexDbContext db, AssessmentService assessments, TimeProvider clock)
{
    private const string Refused =
        "Chỉ đơn vị được đánh giá, cơ quan thường trực và Hội đồng thẩm định được xem báo cáo tự đánh giá.";

    private const string RefusedEnglish =
        "Only the assessed unit, the PAR standing agency and the appraisal council may see the self-assessment report.";

    public async Task<ReportFieldsView> GetAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, user, cancellationToken);
        var report = await db.AssessmentReports.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == id, cancellationToken);
        return View(report, assessment, user);
    }

    public async Task<ReportFieldsView> SaveAsync(int id, ReportFieldsRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessment = await LoadAsync(id, user, cancellationToken);
        if (!CanEdit(user, assessment))
        {
            throw DomainException.Forbidden("Chỉ người nhập liệu hoặc lãnh đạo của đơn vị được đánh giá được sửa báo cáo tự đánh giá.",
                "Only the assessed unit's editor or lead may change the self-assessment report.");
        }

        if (AssessmentAccess.LockReason(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime) is { } reason)
        {
            throw DomainException.Locked(reason, AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime));
        }

        // Every text is checked first, so that one bad field saves nothing.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(AssessmentReport.SuperiorBody)] = TextInput.Line(request.SuperiorBody, "superiorBody", "Cơ quan chủ quản", TextLimits.Name) ?? "",
            [nameof(AssessmentReport.DocumentNumber)] = TextInput.Line(request.DocumentNumber, "documentNumber", "Số, ký hiệu", TextLimits.DocumentNumber) ?? "",
            [nameof(AssessmentReport.Place)] = TextInput.Line(request.Place, "place", "Địa danh", TextLimits.ReportLine) ?? "",
            [nameof(AssessmentReport.Difficulties)] = TextInput.Text(request.Difficulties, "difficulties", "Khó khăn, vướng mắc", TextLimits.ReportText) ?? "",
            [nameof(AssessmentReport.Recommendations)] = TextInput.Text(request.Recommendations, "recommendations", "Kiến nghị, đề xuất", TextLimits.ReportText) ?? "",
            [nameof(AssessmentReport.Recipients)] = TextInput.Text(request.Recipients, "recipients", "Nơi nhận", TextLimits.Recipients) ?? "",
            [nameof(AssessmentReport.SignerAuthority)] = TextInput.Line(request.SignerAuthority, "signerAuthority", "Quyền hạn người ký", TextLimits.ReportLine) ?? "",
            [nameof(AssessmentReport.SignerTitle)] = TextInput.Line(request.SignerTitle, "signerTitle", "Chức vụ người ký", TextLimits.ReportLine) ?? "",
            [nameof(AssessmentReport.SignerName)] = TextInput.Line(request.SignerName, "signerName", "Họ tên người ký", TextLimits.FullName) ?? "",
        };
        if (request.Date is { Year: < 2000 or > 2100 })
        {
            throw DomainException.InvalidFields([new FieldError("date", "Ngày báo cáo phải trong khoảng năm 2000–2100.", "The report date must be between the years 2000 and 2100.")]);
        }

        var report = await db.AssessmentReports.SingleOrDefaultAsync(r => r.AssessmentId == id, cancellationToken);
        if ((report?.Version ?? 0) != request.Version)
        {
            throw DomainException.Conflict("Báo cáo đã được người khác sửa sau khi bạn mở: tải lại trang để xem bản mới rồi sửa lại.",
                "Someone else changed the report after you opened it: reload the page to see the new version and edit again.");
        }

        var isNew = report is null;
        report ??= db.AssessmentReports.Add(new AssessmentReport { AssessmentId = id }).Entity;
        var now = clock.GetUtcNow().UtcDateTime;
        void Track(string field, string? oldValue, string? newValue)
        {
            if (oldValue != newValue)
            {
                db.History.Add(new HistoryEntry
                {
                    At = now, UserName = user.UserName, Entity = nameof(AssessmentReport), AssessmentId = id,
                    Field = field, OldValue = oldValue, NewValue = newValue,
                });
            }
        }

        foreach (var (field, value) in values)
        {
            var property = db.Entry(report).Property<string>(field);
            Track(field, isNew ? null : property.CurrentValue, value);
            property.CurrentValue = value;
        }

        Track(nameof(AssessmentReport.Date), report.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        report.Date = request.Date;
        report.UpdatedAt = now;
        report.UpdatedBy = user.UserName;
        report.Version = request.Version + 1;
        if (!isNew)
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = request.Version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ParIndex.Data.Providers.DbConflicts.IsConflict(e))
        {
            throw DomainException.Conflict("Báo cáo đã được người khác sửa cùng lúc: tải lại trang rồi sửa lại.",
                "Someone else changed the report at the same time: reload the page and edit again.");
        }

        return View(report, assessment, user);
    }

    /// <summary>The report document: the unit's fields, the points per field, the evidence gaps, the table as annex.</summary>
    public async Task<SelfAssessmentReportDocument> DocumentAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, user, cancellationToken);
        var fields = await db.AssessmentReports.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == id, cancellationToken) ?? new AssessmentReport();
        var view = await assessments.GetAsync(id, user, cancellationToken);
        var year = assessment.Campaign!.Year;
        return new SelfAssessmentReportDocument
        {
            SuperiorBody = fields.SuperiorBody,
            UnitName = view.UnitName,
            DocumentNumber = fields.DocumentNumber,
            Place = fields.Place,
            Date = fields.Date,
            Year = year,
            Fields = view.Totals.Fields.Select(f => new ReportField(f.Code, f.Title, f.Max, f.Points)).ToList(),
            TotalMax = view.Totals.Max,
            TotalPoints = view.Totals.Points,
            EvidenceGaps = EvidenceGaps(view),
            Difficulties = fields.Difficulties,
            Recommendations = fields.Recommendations,
            Recipients = fields.Recipients,
            SignerAuthority = fields.SignerAuthority,
            SignerTitle = fields.SignerTitle,
            SignerName = fields.SignerName,
            Annex = AssessmentTableDocumentBuilder.SelfAssessment(view, year),
        };
    }

    /// <summary>
    /// Leaves that claim points with no evidence, or whose evidence is all without a document
    /// number and date (a proof that cannot be looked up), in framework order.
    /// </summary>
    internal static List<ReportEvidenceGap> EvidenceGaps(AssessmentView view) =>
        view.Nodes
            .Where(n => n is { IsLeaf: true, IsSurvey: false, Leaf: { Points: > 0 } })
            .Where(n => n.Leaf!.Evidence.Count == 0 || n.Leaf.Evidence.All(e => e.DocumentNumber is null && e.DocumentDate is null))
            .Select(n => new ReportEvidenceGap(n.Code, n.Title, n.Leaf!.Evidence.Count == 0, n.Leaf.Explanation))
            .ToList();

    private static bool CanEdit(CurrentUser user, Assessment assessment) =>
        user.UnitId == assessment.UnitId && (user.IsIn(Roles.UnitEditor) || user.IsIn(Roles.UnitLead));

    private ReportFieldsView View(AssessmentReport? report, Assessment assessment, CurrentUser user)
    {
        var lockReason = AssessmentAccess.LockReason(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime);
        report ??= new AssessmentReport();
        return new ReportFieldsView(report.Version, CanEdit(user, assessment) && lockReason is null, lockReason,
            report.SuperiorBody, report.DocumentNumber, report.Place, report.Date, report.Difficulties, report.Recommendations,
            report.Recipients, report.SignerAuthority, report.SignerTitle, report.SignerName,
            report.Version == 0 ? null : report.UpdatedAt, report.Version == 0 ? null : report.UpdatedBy,
            lockReason is null ? null : AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The assessment when <paramref name="user"/> may read its report (404 unknown, 403 not allowed).</summary>
    internal async Task<Assessment> LoadAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        // 404 for an unknown id, 403 for an assessment the user may not open (ADR 0107).
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        if (!AssessmentAccess.Rights(user, assessment).SelfAssessmentTable)
        {
            throw DomainException.Forbidden(Refused, RefusedEnglish);
        }

        return assessment;
    }
}
