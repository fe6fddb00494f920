using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Core.Numbers;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Web.Accounts;
using ParIndex.Web.Assessments;
using ParIndex.Web.Campaigns;
using ParIndex.Web.Problems;

namespace ParIndex.Web.Evidence;

/// <summary>Upload, download and deletion of evidence files, with the same scope rules as the leaves they back.</summary>
public sealed class EvidenceService(
    ParIndexDbContext db,
    AssessmentService assessments,
    FrameworkCache frameworks,
    EvidenceStore store,
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
        ArgumentNullException.ThrowIfNull(leafCodes);
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var codes = leafCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            throw DomainException.Invalid("Hãy chọn tiêu chí mà tài liệu kiểm chứng chứng minh.", "Choose the criterion this evidence supports.");
        }

        foreach (var code in codes)
        {
            var node = framework.Find(code);
            if (node is null || !node.IsLeaf)
            {
                throw DomainException.Invalid($"{code} không phải là tiêu chí lá của bộ tiêu chí.", $"{code} is not a leaf criterion of the framework.");
            }

            if (!AssessmentAccess.CanEditLeaf(user, assessment, code))
            {
                throw DomainException.Forbidden($"Bạn không được giao chấm tiêu chí {code}.");
            }
        }

        // While the preliminary result is with the unit, it may add evidence to back its response.
        var lockReason = assessment.Status == Core.Workflow.AssessmentStatus.PreliminarySent
            ? Appraisal.AppraisalService.ResponseLockReason(assessment, clock.GetUtcNow().UtcDateTime)
            : AssessmentAccess.LockReason(assessment, assessment.Campaign, clock.GetUtcNow().UtcDateTime);
        if (lockReason is { } reason)
        {
            throw DomainException.Locked(reason);
        }

        if (declaredLength > MaxBytes)
        {
            throw TooLarge();
        }

        var staged = await store.StageAsync(content, cancellationToken);
        string? storageName = null;
        try
        {
            if (staged.Size > MaxBytes)
            {
                throw TooLarge();
            }

            if (staged.Size == 0)
            {
                throw DomainException.Invalid("Tệp rỗng.", "The file is empty.");
            }

            if (staged.ContentType is not { } contentType)
            {
                throw DomainException.UnsupportedType("Chỉ nhận tệp PDF, PNG, JPEG, DOCX hoặc XLSX (loại tệp được kiểm tra theo nội dung).", "Only PDF, PNG, JPEG, DOCX or XLSX files are accepted (the type is checked from the content).");
            }

            var entries = await db.LeafEntries.Where(e => e.AssessmentId == assessmentId && codes.Contains(e.LeafCode)).ToListAsync(cancellationToken);
            foreach (var code in codes.Where(c => entries.All(e => e.LeafCode != c)))
            {
                var created = new LeafEntry { AssessmentId = assessmentId, LeafCode = code, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = user.UserName };
                db.LeafEntries.Add(created);
                entries.Add(created);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            storageName = store.Commit(staged);
            var file = new EvidenceFile
            {
                Id = Guid.NewGuid(),
                AssessmentId = assessmentId,
                FileName = SafeDisplayName(fileName),
                ContentType = contentType,
                Size = staged.Size,
                Sha256 = staged.Sha256,
                DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim(),
                DocumentDate = documentDate,
                UploadedBy = user.UserName,
                UploadedAt = now,
                StorageName = storageName,
                Leaves = entries,
            };
            db.EvidenceFiles.Add(file);
            foreach (var code in codes)
            {
                db.History.Add(new HistoryEntry
                {
                    At = now,
                    UserName = user.UserName,
                    Entity = "Evidence",
                    AssessmentId = assessmentId,
                    LeafCode = code,
                    Field = "Evidence",
                    NewValue = $"{file.FileName} ({VietnameseNumbers.FormatPoints(file.Size)} byte, SHA-256 {file.Sha256})",
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            return AssessmentService.ToView(file);
        }
        catch
        {
            // Nothing of a failed upload stays: neither the temporary nor the committed file.
            if (storageName is null)
            {
                store.Discard(staged);
            }
            else
            {
                store.Delete(storageName);
            }

            throw;
        }
    }

    private DomainException TooLarge() =>
        DomainException.TooLarge($"Tệp vượt quá dung lượng cho phép ({VietnameseNumbers.FormatPoints(MaxBytes / 1024m / 1024m)} MB).", $"The file is larger than allowed ({VietnameseNumbers.FormatPoints(MaxBytes / 1024m / 1024m)} MB).");

    public async Task<(EvidenceFile File, Stream Content)> OpenAsync(int assessmentId, Guid evidenceId, CurrentUser user, CancellationToken cancellationToken)
    {
        await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == evidenceId && f.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy tài liệu kiểm chứng.");
        return (file, store.Open(file.StorageName));
    }

    public async Task DeleteAsync(int assessmentId, Guid evidenceId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var file = await db.EvidenceFiles.Include(f => f.Leaves).SingleOrDefaultAsync(f => f.Id == evidenceId && f.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy tài liệu kiểm chứng.");
        if (file.Leaves.Any(l => !AssessmentAccess.CanEditLeaf(user, assessment, l.LeafCode)) || !AssessmentAccess.CanEditSomething(user, assessment))
        {
            throw DomainException.Forbidden("Bạn không có quyền xoá tài liệu kiểm chứng này.");
        }

        if (AssessmentAccess.LockReason(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime) is { } reason)
        {
            throw DomainException.Locked(reason);
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

        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(file.StorageName);
    }

    /// <summary>The uploaded name without any folder part, trimmed to the column's length.</summary>
    private static string SafeDisplayName(string name)
    {
        var justName = Path.GetFileName((name ?? "").Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(justName))
        {
            justName = "tai-lieu";
        }

        return justName.Length <= 200 ? justName : justName[^200..];
    }
}
