using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Assessments;

/// <summary>
/// The suggestions a rollover left on a new assessment (ADR 0125): the unit sees last year's
/// explanation and evidence of each mapped leaf and accepts (the explanation is added to this
/// year's, the evidence files are copied into this assessment) or ignores them. No score moves.
/// </summary>
public sealed class CarriedSuggestionService(ParIndexDbContext db, AssessmentService assessments, FrameworkCache frameworks, IEvidenceStore store, TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Ignored = "ignored";

    /// <summary>The suggestions of the leaves this user sees, in framework order.</summary>
    public async Task<IReadOnlyList<CarriedSuggestionView>> ListAsync(int assessmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var rights = AssessmentAccess.Rights(user, assessment);
        var rows = (await db.CarriedSuggestions.AsNoTracking().Where(s => s.AssessmentId == assessmentId).ToListAsync(cancellationToken))
            .Where(s => AssessmentAccess.SeesLeaf(user, assessment, rights, s.LeafCode))
            .ToList();
        var ids = rows.SelectMany(EvidenceIds).Distinct().ToList();
        var files = (await db.EvidenceFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken)).ToDictionary(f => f.Id);
        var order = framework.Leaves().Select((l, i) => (l.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        var open = AssessmentAccess.LockReason(assessment, assessment.Campaign!, clock.GetUtcNow().UtcDateTime) is null;
        return rows.OrderBy(s => order.GetValueOrDefault(s.LeafCode, int.MaxValue))
            .Select(s => new CarriedSuggestionView(
                s.Id, s.LeafCode, framework.Find(s.LeafCode)?.Title ?? s.LeafCode, s.SourceLeafCodes, s.Explanation,
                EvidenceIds(s).Select(id => files.TryGetValue(id, out var f) ? new SuggestedEvidenceView(id, f.FileName, f.DocumentNumber) : new SuggestedEvidenceView(id, null, null)).ToList(),
                Name(s.State), open && s.State == SuggestionState.Pending && AssessmentAccess.CanEditLeaf(user, assessment, s.LeafCode), s.DecidedBy, s.DecidedAt))
            .ToList();
    }

    /// <summary>Ignores a suggestion: nothing of last year's is used.</summary>
    public async Task<CarriedSuggestionView> IgnoreAsync(int assessmentId, int suggestionId, CurrentUser user, CancellationToken cancellationToken)
    {
        var (_, suggestion) = await LoadDecidableAsync(assessmentId, suggestionId, user, cancellationToken);
        Decide(suggestion, SuggestionState.Ignored, user);
        db.History.Add(HistoryEntry.ForLeaf(assessmentId, suggestion.LeafCode, user.UserName, suggestion.DecidedAt!.Value, "CarriedSuggestion", Pending, Ignored, $"Không dùng giải trình và tài liệu năm trước ({suggestion.SourceLeafCodes})"));
        await SaveAsync(cancellationToken);
        return (await ListAsync(assessmentId, user, cancellationToken)).Single(s => s.Id == suggestionId);
    }

    /// <summary>
    /// Accepts a suggestion: last year's explanation is added after this year's (or becomes it when
    /// empty) and each evidence file still stored is copied into this assessment for the leaf.
    /// </summary>
    public async Task<CarriedSuggestionView> AcceptAsync(int assessmentId, int suggestionId, CurrentUser user, CancellationToken cancellationToken)
    {
        var (_, suggestion) = await LoadDecidableAsync(assessmentId, suggestionId, user, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == assessmentId && e.LeafCode == suggestion.LeafCode, cancellationToken);
        var isNew = entry is null;
        entry ??= db.LeafEntries.Add(new LeafEntry { AssessmentId = assessmentId, LeafCode = suggestion.LeafCode, UpdatedAt = now, UpdatedBy = user.UserName }).Entity;
        var explanation = suggestion.Explanation.Length == 0 ? entry.Explanation
            : entry.Explanation.Trim().Length == 0 ? suggestion.Explanation
            : entry.Explanation.TrimEnd() + "\n\n" + suggestion.Explanation;
        if (explanation.Length > TextLimits.Explanation)
        {
            throw DomainException.Invalid(
                $"Giải trình của tiêu chí {suggestion.LeafCode} cộng với giải trình năm trước dài quá {TextLimits.Explanation} ký tự; hãy rút gọn giải trình hiện tại trước.",
                $"The explanation of {suggestion.LeafCode} with last year's would pass {TextLimits.Explanation} characters; shorten the present one first.");
        }

        var ids = EvidenceIds(suggestion).ToList();
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        var history = new List<HistoryEntry>();
        if (explanation != entry.Explanation)
        {
            history.Add(HistoryEntry.ForLeaf(assessmentId, entry.LeafCode, user.UserName, now, "Explanation", isNew ? null : entry.Explanation, explanation, $"Dùng giải trình năm trước ({suggestion.SourceLeafCodes})"));
            entry.Explanation = explanation;
            entry.UpdatedAt = now;
            entry.UpdatedBy = user.UserName;
            entry.Version++;
        }

        // Copies, not links: this year's assessment owns its evidence, so deleting one year's file never touches the other's.
        var staged = new List<(EvidenceFile Old, StagedEvidence Staged)>();
        try
        {
            foreach (var file in files)
            {
                await using var content = await store.OpenAsync(file.StorageName, cancellationToken);
                staged.Add((file, await store.StageAsync(content, cancellationToken)));
            }

            await CommitAsync(suggestion, entry, staged, history, user, now, cancellationToken);
        }
        finally
        {
            foreach (var (_, s) in staged)
            {
                s.Dispose();
            }
        }

        return (await ListAsync(assessmentId, user, cancellationToken)).Single(s => s.Id == suggestionId);
    }

    private async Task CommitAsync(CarriedSuggestion suggestion, LeafEntry entry, List<(EvidenceFile Old, StagedEvidence Staged)> staged, List<HistoryEntry> history, CurrentUser user, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = new List<StoredEvidence>();
        try
        {
            foreach (var (old, s) in staged)
            {
                var put = await store.PutAsync(s, cancellationToken);
                stored.Add(put);
                db.EvidenceFiles.Add(new EvidenceFile
                {
                    Id = Guid.NewGuid(),
                    AssessmentId = entry.AssessmentId,
                    FileName = old.FileName,
                    ContentType = old.ContentType,
                    Size = s.Size,
                    Sha256 = s.Sha256,
                    DocumentNumber = old.DocumentNumber,
                    DocumentDate = old.DocumentDate,
                    UploadedBy = user.UserName,
                    UploadedAt = now,
                    StorageName = put.StorageName,
                    Leaves = [entry],
                });
                history.Add(HistoryEntry.ForLeaf(entry.AssessmentId, entry.LeafCode, user.UserName, now, "Evidence", null,
                    $"{old.FileName} (SHA-256 {s.Sha256})", $"Dùng tài liệu kiểm chứng năm trước ({suggestion.SourceLeafCodes})"));
            }

            Decide(suggestion, SuggestionState.Accepted, user);
            history.Add(HistoryEntry.ForLeaf(entry.AssessmentId, entry.LeafCode, user.UserName, now, "CarriedSuggestion", Pending, Accepted, null));
            db.History.AddRange(history);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            foreach (var put in stored)
            {
                await store.UndoPutAsync(put, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<(Assessment Assessment, CarriedSuggestion Suggestion)> LoadDecidableAsync(int assessmentId, int suggestionId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(assessmentId, user, cancellationToken);
        var suggestion = await db.CarriedSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId && s.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có gợi ý số {suggestionId} cho bản tự đánh giá này.", $"There is no suggestion {suggestionId} for this self-assessment.");
        if (!AssessmentAccess.CanEditLeaf(user, assessment, suggestion.LeafCode))
        {
            throw DomainException.Forbidden($"Bạn không được giao chấm tiêu chí {suggestion.LeafCode}.", $"You are not assigned to score criterion {suggestion.LeafCode}.");
        }

        var at = clock.GetUtcNow().UtcDateTime;
        if (AssessmentAccess.LockReason(assessment, assessment.Campaign!, at) is { } reason)
        {
            throw DomainException.Locked(reason, AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign!, at));
        }

        if (suggestion.State != SuggestionState.Pending)
        {
            throw DomainException.Conflict($"Gợi ý cho tiêu chí {suggestion.LeafCode} đã được {(suggestion.State == SuggestionState.Accepted ? "dùng" : "bỏ qua")} ({suggestion.DecidedBy}).",
                $"The suggestion for {suggestion.LeafCode} was already {Name(suggestion.State)} ({suggestion.DecidedBy}).");
        }

        return (assessment, suggestion);
    }

    private void Decide(CarriedSuggestion suggestion, SuggestionState state, CurrentUser user)
    {
        suggestion.State = state;
        suggestion.DecidedBy = user.UserName;
        suggestion.DecidedAt = clock.GetUtcNow().UtcDateTime;
        suggestion.Version++;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw DomainException.Conflict("Gợi ý hoặc tiêu chí vừa được người khác thay đổi; hãy tải lại trang.", "The suggestion or the criterion was just changed by someone else; reload the page.");
        }
    }

    private static IEnumerable<Guid> EvidenceIds(CarriedSuggestion suggestion) =>
        suggestion.EvidenceIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    private static string Name(SuggestionState state) => state switch
    {
        SuggestionState.Accepted => Accepted,
        SuggestionState.Ignored => Ignored,
        _ => Pending,
    };
}
