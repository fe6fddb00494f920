using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Application.Accounts;
using ParIndex.Application.Assessments;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Numbers;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;

namespace ParIndex.Application.Evidence;

/// <summary>Upload, download and deletion of evidence files, with the same scope rules as the leaves they back.</summary>
public sealed class EvidenceService(
    ParIndexDbContext db,
    AssessmentService assessments,
    FrameworkCache frameworks,
    IEvidenceStore store,
    IOptions<EvidenceOptions> options,
    TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<EvidenceView> UploadAsync(
        int assessmentId,
        IReadOnlyList<string> leafCodes,
        string fileName,
        long declaredLength,
        Stream content,
        string? documentNumber,
        DateOnly? documentDate,
        CurrentUser user,
        CancellationToken cancellationToken)
    {
        var codes = ChosenCodes(leafCodes);
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);

        EnsureMayAttach(assessment, framework, codes, user);

        var number = TextInput.Line(documentNumber, "documentNumber", "Số, ký hiệu văn bản", TextLimits.DocumentNumber);
        if (declaredLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var staged = await store.StageAsync(content, cancellationToken);
        if (staged.Size > MaxBytes)
        {
            throw TooLarge();
        }

        if (staged.Size == 0)
        {
            throw DomainException.Invalid("Tệp rỗng.", "The file is empty.");
        }

        string? detected;
        await using (var check = staged.OpenRead())
        {
            detected = EvidenceContentType.Detect(check);
        }

        if (detected is not { } contentType)
        {
            throw DomainException.UnsupportedType("Chỉ nhận tệp PDF, PNG, JPEG, DOCX hoặc XLSX (loại tệp được kiểm tra theo nội dung).", "Only PDF, PNG, JPEG, DOCX or XLSX files are accepted (the type is checked from the content).");
        }

        // The bytes and the rows in one transaction: a store in the database commits or rolls back
        // with them; a store outside it is undone before the rollback (IEvidenceStore).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        StoredEvidence? stored = null;
        try
        {
            var entries = await db.LeafEntries.Where(e => e.AssessmentId == assessmentId && codes.Contains(e.LeafCode)).ToListAsync(cancellationToken);
            foreach (var code in codes.Where(c => entries.All(e => e.LeafCode != c)))
            {
                var created = new LeafEntry { AssessmentId = assessmentId, LeafCode = code, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = user.UserName };
                db.LeafEntries.Add(created);
                entries.Add(created);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            stored = await store.PutAsync(staged, cancellationToken);
            var file = new EvidenceFile
            {
                Id = Guid.NewGuid(),
                AssessmentId = assessmentId,
                FileName = EvidenceFileName.For(fileName, contentType),
                ContentType = contentType,
                Size = staged.Size,
                Sha256 = staged.Sha256,
                DocumentNumber = string.IsNullOrEmpty(number) ? null : number,
                DocumentDate = documentDate,
                UploadedBy = user.UserName,
                UploadedAt = now,
                StorageName = stored.StorageName,
                Leaves = entries,
            };
            db.EvidenceFiles.Add(file);
            foreach (var code in codes)
            {
                db.History.Add(EvidenceHistory(now, user, assessmentId, code, $"{file.FileName} ({VietnameseNumbers.FormatPoints(file.Size)} byte, SHA-256 {file.Sha256})"));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AssessmentService.ToView(file);
        }
        catch
        {
            // Nothing of a failed upload stays: the store undoes what the rollback cannot.
            if (stored is not null)
            {
                await store.UndoPutAsync(stored, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>
    /// Each code is a leaf the user may score, and the assessment takes evidence now: a draft within
    /// its deadline, or a preliminary result the unit is responding to (it may back its response).
    /// </summary>
    private void EnsureMayAttach(Assessment assessment, Core.Frameworks.Framework framework, IReadOnlyList<string> codes, CurrentUser user)
    {
        foreach (var code in codes)
        {
            var node = framework.Find(code);
            if (node is null || !node.IsLeaf)
            {
                throw DomainException.Invalid($"{code} không phải là tiêu chí lá của bộ tiêu chí.", $"{code} is not a leaf criterion of the framework.");
            }

            if (!AssessmentAccess.CanEditLeaf(user, assessment, code))
            {
                throw DomainException.Forbidden($"Bạn không được giao chấm tiêu chí {code}.", $"You are not assigned to score criterion {code}.");
            }
        }

        // While the preliminary result is with the unit, it may add evidence to back its response.
        var checkedAt = clock.GetUtcNow().UtcDateTime;
        var responding = assessment.Status == Core.Workflow.AssessmentStatus.PreliminarySent;
        var lockReason = responding
            ? EditLocks.ResponseLockReason(assessment, checkedAt)
            : AssessmentAccess.LockReason(assessment, assessment.Campaign!, checkedAt);
        if (lockReason is { } reason)
        {
            throw DomainException.Locked(reason, responding
                ? EditLocks.ResponseLockReasonEnglish(assessment, checkedAt)
                : AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign!, checkedAt));
        }
    }

    /// <summary>
    /// Attaches an already uploaded document to more leaves of the same assessment ("dùng lại tài
    /// liệu đã tải lên"): no new bytes, one file behind several criteria. The document must belong to
    /// this assessment and be visible to the user; each new leaf follows the upload rules
    /// (<see cref="EnsureMayAttach"/>). Leaves it already backs are left as they are.
    /// </summary>
    public async Task<EvidenceView> AttachAsync(int assessmentId, Guid evidenceId, IReadOnlyList<string> leafCodes, CurrentUser user, CancellationToken cancellationToken)
    {
        var codes = ChosenCodes(leafCodes);
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);

        // Another assessment's document is "not found" here: its existence is not this unit's business.
        var file = await db.EvidenceFiles.Include(f => f.Leaves).SingleOrDefaultAsync(f => f.Id == evidenceId && f.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy tài liệu kiểm chứng.", "The evidence document was not found.");
        var rights = AssessmentAccess.Rights(user, assessment);
        if (rights.Leaves != LeafScope.All && !file.Leaves.Any(l => AssessmentAccess.SeesLeaf(user, assessment, rights, l.LeafCode)))
        {
            throw DomainException.Forbidden("Tài liệu kiểm chứng này thuộc tiêu chí không được giao cho đơn vị của bạn.", "This evidence belongs to a criterion not assigned to your unit.");
        }

        EnsureMayAttach(assessment, framework, codes, user);
        var added = codes.Where(c => file.Leaves.All(l => l.LeafCode != c)).ToList();
        if (added.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var entries = await db.LeafEntries.Where(e => e.AssessmentId == assessmentId && added.Contains(e.LeafCode)).ToListAsync(cancellationToken);
            foreach (var code in added)
            {
                var entry = entries.SingleOrDefault(e => e.LeafCode == code);
                if (entry is null)
                {
                    entry = new LeafEntry { AssessmentId = assessmentId, LeafCode = code, UpdatedAt = now, UpdatedBy = user.UserName };
                    db.LeafEntries.Add(entry);
                }

                file.Leaves.Add(entry);
                db.History.Add(EvidenceHistory(now, user, assessmentId, code, $"{file.FileName} (SHA-256 {file.Sha256})", "Dùng lại tài liệu đã tải lên"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return AssessmentService.ToView(file);
    }

    /// <summary>The leaf codes a document is for: trimmed, once each, at least one.</summary>
    private static List<string> ChosenCodes(IReadOnlyList<string> leafCodes)
    {
        ArgumentNullException.ThrowIfNull(leafCodes);
        var codes = leafCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count > 0
            ? codes
            : throw DomainException.Invalid("Hãy chọn tiêu chí mà tài liệu kiểm chứng chứng minh.", "Choose the criterion this evidence supports.");
    }

    /// <summary>The leaf's history line for a document linked to it (uploaded or used again).</summary>
    private static HistoryEntry EvidenceHistory(DateTime now, CurrentUser user, int assessmentId, string code, string newValue, string? reason = null) => new()
    {
        At = now,
        UserName = user.UserName,
        Entity = "Evidence",
        AssessmentId = assessmentId,
        LeafCode = code,
        Field = "Evidence",
        NewValue = newValue,
        Reason = reason,
    };

    private DomainException TooLarge() =>
        DomainException.TooLarge($"Tệp vượt quá dung lượng cho phép ({VietnameseNumbers.FormatPoints(MaxBytes / 1024m / 1024m)} MB).", $"The file is larger than allowed ({VietnameseNumbers.FormatPoints(MaxBytes / 1024m / 1024m)} MB).");

    public async Task<(EvidenceFile File, Stream Content)> OpenAsync(int assessmentId, Guid evidenceId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking().Include(f => f.Leaves).SingleOrDefaultAsync(f => f.Id == evidenceId && f.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy tài liệu kiểm chứng.", "The evidence document was not found.");
        // A contributing agency opens the evidence of its own criteria only (ADR 0107).
        var rights = AssessmentAccess.Rights(user, assessment);
        if (rights.Leaves != LeafScope.All && !file.Leaves.Any(l => AssessmentAccess.SeesLeaf(user, assessment, rights, l.LeafCode)))
        {
            throw DomainException.Forbidden("Tài liệu kiểm chứng này thuộc tiêu chí không được giao cho đơn vị của bạn.", "This evidence belongs to a criterion not assigned to your unit.");
        }

        return (file, await store.OpenAsync(file.StorageName, cancellationToken));
    }

    public async Task DeleteAsync(int assessmentId, Guid evidenceId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var file = await db.EvidenceFiles.Include(f => f.Leaves).SingleOrDefaultAsync(f => f.Id == evidenceId && f.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy tài liệu kiểm chứng.", "The evidence document was not found.");
        if (file.Leaves.Any(l => !AssessmentAccess.CanEditLeaf(user, assessment, l.LeafCode)) || !AssessmentAccess.CanEditSomething(user, assessment))
        {
            throw DomainException.Forbidden("Bạn không có quyền xoá tài liệu kiểm chứng này.", "You may not delete this evidence.");
        }

        var deletedAt = clock.GetUtcNow().UtcDateTime;
        if (AssessmentAccess.LockReason(assessment, assessment.Campaign!, deletedAt) is { } reason)
        {
            throw DomainException.Locked(reason, AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign!, deletedAt));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var leaf in file.Leaves)
        {
            db.History.Add(new HistoryEntry
            {
                At = now,
                UserName = user.UserName,
                Entity = "Evidence",
                AssessmentId = assessmentId,
                LeafCode = leaf.LeafCode,
                Field = "Evidence",
                OldValue = $"{file.FileName} (SHA-256 {file.Sha256})",
                NewValue = null,
                Reason = "Xoá tài liệu kiểm chứng",
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await store.ReleaseAsync(file.StorageName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await store.ReleasedAsync(file.StorageName, CancellationToken.None);
    }
}
