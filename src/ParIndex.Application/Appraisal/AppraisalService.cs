using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Assessments;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Appraisal;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.History;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Appraisal;

/// <summary>
/// Appraisal (thẩm định) and the response round (giải trình) of one assessment: the appraiser
/// accepts or adjusts each leaf with a reason, the unit answers adjusted leaves, the appraiser sets
/// the final score. Every change is checked against the state machine and recorded in the history.
/// </summary>
public sealed class AppraisalService(
    ParIndexDbContext db,
    FrameworkCache frameworks,
    AssessmentService assessments,
    AssessmentWorkflow workflow)
{
    public const string StaleLeafMessage =
        "Tiêu chí này vừa được người khác cập nhật. Thay đổi của bạn chưa được lưu; hãy tải lại trang rồi làm lại.";

    public const string StaleLeafMessageEnglish =
        "Someone else has just updated this criterion. Your change was not saved; reload the page and do it again.";

    public async Task<AppraisalView> GetAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        return await BuildViewAsync(assessment, user, cancellationToken);
    }

    /// <summary>Accept or adjust one leaf (appraised score during appraisal, final score after the preliminary result).</summary>
    public async Task<AppraisalView> AppraiseLeafAsync(int id, string code, AppraisalRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var leaf = LeafOf(framework, code);
        EditLocks.EnsureNotFrozen(assessment);
        if (!await workflow.AppraisesLeafAsync(user, assessment, code, cancellationToken))
        {
            throw DomainException.Forbidden($"Bạn không được phân công thẩm định tiêu chí {code} của đơn vị này.", $"You are not assigned to appraise criterion {code} of this unit.");
        }

        if (!WorkflowRules.AppraisalEditable(assessment.Status))
        {
            throw DomainException.Conflict($"Bản đánh giá đang ở trạng thái \"{StatusNames.Vietnamese(assessment.Status)}\": không thể thẩm định.", $"The assessment is \"{StatusNames.English(assessment.Status)}\": it cannot be appraised.");
        }

        if (!AppraisalRules.Appraisable(leaf))
        {
            throw DomainException.Invalid($"{code} được chấm qua điều tra xã hội học, không thẩm định.", $"{code} is scored by the sociological survey and is not appraised.");
        }

        var entry = await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == id && e.LeafCode == code, cancellationToken);
        if ((entry?.Version ?? 0) != request.Version)
        {
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }

        var isNew = entry is null;
        entry ??= db.LeafEntries.Add(new LeafEntry { AssessmentId = id, LeafCode = code }).Entity;
        var finalPhase = AppraisalRules.SetsFinalScore(assessment.Status);
        var baseline = AppraisalRules.Baseline(finalPhase, entry.Points, entry.AppraisedScore);
        var reasonText = TextInput.Text(request.Reason, "reason", "Lý do điều chỉnh", TextLimits.Reason);
        var reason = string.IsNullOrEmpty(reasonText) ? null : reasonText;
        var level = TextInput.Line(request.Level, "level", "Mức đánh giá", TextLimits.Level);

        decimal score;
        string? memo = null;
        string? figuresJson = null;
        var corrected = request.Accept ? null : LeafInputReader.ReadFigures(leaf, request.Figures);
        var mode = AppraisalRules.ModeOf(request.Accept, corrected is { Count: > 0 }, !string.IsNullOrEmpty(level));
        if (mode == AppraisalMode.Accept)
        {
            score = baseline;
        }
        else if (mode == AppraisalMode.Recompute)
        {
            // A computed leaf is re-computed from corrected figures by the same scoring core.
            var outcome = LeafScorer.Score(leaf, new LeafEntryInput(null, string.IsNullOrEmpty(level) ? null : level, corrected, false));
            if (outcome.Error is { } error)
            {
                throw outcome.ErrorField is { } field
                    ? DomainException.InvalidFields([new FieldError(field, error, outcome.ErrorEnglish ?? error)])
                    : DomainException.Invalid(error, outcome.ErrorEnglish);
            }

            score = outcome.Points ?? throw DomainException.Invalid($"Chưa đủ số liệu để tính lại điểm tiêu chí {code}.", $"Not enough figures to recompute the points of criterion {code}.");
            memo = outcome.Memo?.Text;
            figuresJson = corrected is { Count: > 0 } f ? JsonSerializer.Serialize(f) : null;
        }
        else
        {
            score = request.Score ?? throw DomainException.Invalid($"Nhập điểm thẩm định của tiêu chí {code}, hoặc chọn \"Chấp nhận\".", $"Enter the appraised score of criterion {code}, or choose \"Accept\".");
            if (!AppraisalRules.InRange(leaf, score))
            {
                var (min, max) = AppraisalRules.ScoreRange(leaf);
                throw DomainException.Invalid(
                    $"Điểm thẩm định của tiêu chí {code} phải từ {VietnameseNumbers.FormatPoints(min)} đến {VietnameseNumbers.FormatPoints(max)}; đã nhập {VietnameseNumbers.FormatPoints(score)}.",
                    $"The appraised score of criterion {code} must be between {VietnameseNumbers.FormatPoints(min)} and {VietnameseNumbers.FormatPoints(max)}; {VietnameseNumbers.FormatPoints(score)} was entered.");
            }
        }

        if (AppraisalRules.NeedsReason(baseline, score, reason))
        {
            throw DomainException.Invalid(
                $"Tiêu chí {code}: điều chỉnh điểm từ {VietnameseNumbers.FormatPoints(baseline)} thành {VietnameseNumbers.FormatPoints(score)} phải ghi rõ lý do.",
                $"Criterion {code}: changing the points from {VietnameseNumbers.FormatPoints(baseline)} to {VietnameseNumbers.FormatPoints(score)} needs a reason.");
        }

        var now = workflow.UtcNow;
        if (finalPhase)
        {
            Track(id, code, user, now, HistoryFields.FinalScore, Format(entry.FinalScore), Format(score), reason ?? "Giữ điểm thẩm định");
            entry.FinalScore = score;
            entry.FinalReason = reason;
        }
        else
        {
            Track(id, code, user, now, HistoryFields.AppraisedScore, Format(entry.AppraisedScore), Format(score), reason ?? "Chấp nhận điểm tự đánh giá");
            if (figuresJson != entry.AppraisedFiguresJson)
            {
                Track(id, code, user, now, HistoryFields.AppraisedFigures, entry.AppraisedFiguresJson, figuresJson, reason);
            }

            entry.AppraisedScore = score;
            entry.AppraisedFiguresJson = figuresJson;
            entry.AppraisedMemo = memo;
            entry.AppraisalReason = reason;
        }

        entry.AppraisedBy = user.UserName;
        entry.AppraisedAt = now;
        await SaveLeafAsync(entry, isNew, request.Version, cancellationToken);
        return await BuildViewAsync(assessment, user, cancellationToken);
    }

    /// <summary>Accepts the self score of every leaf the appraiser has not decided yet (one history row each).</summary>
    public async Task<AppraisalView> AcceptRemainingAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        EditLocks.EnsureNotFrozen(assessment);
        if (assessment.Status != AssessmentStatus.UnderAppraisal)
        {
            throw DomainException.Conflict($"Bản đánh giá đang ở trạng thái \"{StatusNames.Vietnamese(assessment.Status)}\": chỉ chấp nhận hàng loạt khi đang thẩm định.", $"The assessment is \"{StatusNames.English(assessment.Status)}\": scores can be accepted in bulk only during appraisal.");
        }

        var entries = await db.LeafEntries.Where(e => e.AssessmentId == id).ToDictionaryAsync(e => e.LeafCode, StringComparer.Ordinal, cancellationToken);
        var now = workflow.UtcNow;
        var changed = 0;
        foreach (var leaf in framework.Leaves().Where(l => !l.IsSurvey))
        {
            if (!await workflow.AppraisesLeafAsync(user, assessment, leaf.Code, cancellationToken))
            {
                continue;
            }

            if (!entries.TryGetValue(leaf.Code, out var entry))
            {
                entry = db.LeafEntries.Add(new LeafEntry { AssessmentId = id, LeafCode = leaf.Code, UpdatedAt = now, UpdatedBy = user.UserName }).Entity;
            }
            else if (entry.AppraisedScore is not null || entry.NotApplicable)
            {
                continue;
            }

            Track(id, leaf.Code, user, now, HistoryFields.AppraisedScore, null, Format(entry.Points ?? 0m), "Chấp nhận điểm tự đánh giá");
            entry.AppraisedScore = entry.Points ?? 0m;
            entry.AppraisedBy = user.UserName;
            entry.AppraisedAt = now;
            entry.Version++;
            changed++;
        }

        if (changed == 0 && !user.IsIn(Roles.Appraiser))
        {
            throw DomainException.Forbidden("Chỉ thành viên Tổ thẩm định được chấp nhận điểm.", "Only members of the appraisal team may accept scores.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }

        return await BuildViewAsync(assessment, user, cancellationToken);
    }

    /// <summary>The unit answers one adjusted leaf while the preliminary result is with it.</summary>
    public async Task<AppraisalView> RespondLeafAsync(int id, string code, ResponseRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        LeafOf(framework, code);
        EditLocks.EnsureNotFrozen(assessment);
        if (user.UnitId != assessment.UnitId || !(user.IsIn(Roles.UnitLead) || user.IsIn(Roles.UnitEditor)))
        {
            throw DomainException.Forbidden("Chỉ đơn vị được đánh giá được giải trình kết quả thẩm định.", "Only the assessed unit may respond to the appraisal result.");
        }

        if (EditLocks.ResponseLockReason(assessment, workflow.UtcNow) is { } locked)
        {
            throw DomainException.Conflict(locked, EditLocks.ResponseLockReasonEnglish(assessment, workflow.UtcNow));
        }

        var entry = await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == id && e.LeafCode == code, cancellationToken);
        if (entry is null || !entry.IsAdjusted)
        {
            throw DomainException.Invalid($"Tiêu chí {code} không bị điều chỉnh điểm nên không cần giải trình.", $"The points of criterion {code} were not changed, so no response is needed.");
        }

        if (entry.Version != request.Version)
        {
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }

        var text = TextInput.Text(request.Text, "text", "Nội dung giải trình", TextLimits.ResponseText) ?? "";
        if (text.Length == 0)
        {
            throw DomainException.Invalid($"Nội dung giải trình của tiêu chí {code} đang trống.", $"The response for criterion {code} is empty.");
        }

        var now = workflow.UtcNow;
        Track(id, code, user, now, "ResponseText", entry.ResponseText, text, null);
        entry.ResponseText = text;
        entry.RespondedBy = user.UserName;
        entry.RespondedAt = now;
        await SaveLeafAsync(entry, false, request.Version, cancellationToken);
        return await BuildViewAsync(assessment, user, cancellationToken);
    }

    private static FrameworkNode LeafOf(Framework framework, string code)
    {
        var leaf = framework.Find(code) ?? throw DomainException.NotFound($"Bộ tiêu chí không có tiêu chí {code}.", $"The framework has no criterion {code}.");
        return leaf.IsLeaf ? leaf : throw DomainException.Invalid($"{code} là tiêu chí có tiêu chí con: điểm của nó là tổng điểm các tiêu chí con.", $"{code} has sub-criteria: its points are the sum of theirs.");
    }

    private async Task SaveLeafAsync(LeafEntry entry, bool isNew, int version, CancellationToken cancellationToken)
    {
        entry.Version = version + 1;
        if (!isNew)
        {
            db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }
    }

    private void Track(int id, string code, CurrentUser user, DateTime now, string field, string? oldValue, string? newValue, string? reason) =>
        db.History.Add(HistoryEntry.ForLeaf(id, code, user.UserName, now, field, oldValue, newValue, reason));

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal async Task<AppraisalView> BuildViewAsync(Assessment assessment, CurrentUser user, CancellationToken cancellationToken)
    {
        var campaign = assessment.Campaign!;
        var rights = AssessmentAccess.Rights(user, assessment);
        var framework = AssessmentAccess.Visible(await frameworks.GetAsync(db, campaign.FrameworkRecordId, cancellationToken), user, assessment, rights);
        var entries = await db.LeafEntries.AsNoTracking().Where(e => e.AssessmentId == assessment.Id)
            .ToDictionaryAsync(e => e.LeafCode, StringComparer.Ordinal, cancellationToken);
        var evidence = await db.EvidenceFiles.AsNoTracking().Include(f => f.Leaves).Where(f => f.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        var evidenceByLeaf = evidence.SelectMany(f => f.Leaves.Select(l => (l.LeafCode, File: f))).ToLookup(x => x.LeafCode, x => x.File, StringComparer.Ordinal);
        var roles = await workflow.RolesForAsync(user, assessment, cancellationToken);
        // The unit sees the appraisal once the preliminary result has been sent to it (ADR 0107).
        var showAppraisal = rights.Appraisal;
        var appraisalOpen = WorkflowRules.AppraisalEditable(assessment.Status) && campaign.PublishedAt is null;
        var responseOpen = EditLocks.ResponseLockReason(assessment, workflow.UtcNow) is null && user.UnitId == assessment.UnitId
            && (user.IsIn(Roles.UnitLead) || user.IsIn(Roles.UnitEditor));

        var leaves = new List<AppraisalLeafView>();
        foreach (var field in framework.Nodes)
        {
            foreach (var leaf in field.SelfAndDescendants().Where(n => n.IsLeaf))
            {
                entries.TryGetValue(leaf.Code, out var e);
                var adjusted = showAppraisal && e is { IsAdjusted: true };
                leaves.Add(new AppraisalLeafView(
                    leaf.Code, leaf.Title, field.Code, leaf.Max, leaf.IsSurvey, leaf.EffectiveRule.Method,
                    e?.Version ?? 0,
                    e?.NotApplicable ?? false,
                    AssessmentService.ReadFigures(e?.FiguresJson),
                    e?.Level,
                    e?.Points,
                    e?.Memo ?? "",
                    e?.Explanation ?? "",
                    evidenceByLeaf[leaf.Code].OrderBy(f => f.UploadedAt).Select(AssessmentService.ToView).ToList(),
                    showAppraisal ? e?.AppraisedScore : null,
                    showAppraisal ? AssessmentService.ReadFigures(e?.AppraisedFiguresJson) : new Dictionary<string, decimal>(),
                    showAppraisal ? e?.AppraisedMemo : null,
                    showAppraisal ? e?.AppraisalReason : null,
                    showAppraisal ? e?.AppraisedBy : null,
                    adjusted,
                    e?.ResponseText,
                    e?.RespondedBy,
                    showAppraisal ? e?.FinalScore : null,
                    showAppraisal ? e?.FinalReason : null,
                    e?.SurveyScore,
                    EffectiveScore(leaf, e, showAppraisal),
                    CanAppraise: appraisalOpen && !leaf.IsSurvey && await workflow.AppraisesLeafAsync(user, assessment, leaf.Code, cancellationToken),
                    CanRespond: responseOpen && adjusted));
            }
        }

        var self = Calculate(framework, entries, e => e.Points);
        var appraised = Calculate(framework, entries, e => e.AppraisedScore ?? e.Points);
        var final = ResultScores.Calculate(framework, entries.Values, campaign.SurveyNotRun ? IndexBase.SelfAssessedMaximum : IndexBase.FullMaximum);
        var toAppraise = leaves.Count(l => !l.IsSurvey && !l.NotApplicable);
        // Counted on leaves with an appraised score only: a leaf marked not applicable is not "appraised".
        var appraisedCount = showAppraisal ? leaves.Count(l => !l.IsSurvey && !l.NotApplicable && l.AppraisedScore is not null) : 0;
        // No appraised total, final points or index before any leaf is appraised: the self scores
        // standing in for the missing appraisal would read as a result nobody has given.
        var result = rights.Result && appraisedCount > 0;
        var totals = new AppraisalTotals(
            self.Total.Points,
            result ? appraised.Total.Points : null,
            result ? final.Total.Points : null,
            final.Total.Max,
            result ? final.Total.Index : null,
            appraisedCount,
            toAppraise,
            leaves.Count(l => l.Adjusted),
            AppraisalVisible: showAppraisal,
            ResultVisible: rights.Result,
            Partial: result && appraisedCount < toAppraise);
        var allowed = new List<string>();
        foreach (var action in Enum.GetValues<WorkflowAction>())
        {
            if (WorkflowRules.Decide(assessment.Status, action, roles, workflow.DeadlinePassed(assessment, campaign, action)).IsAllowed)
            {
                allowed.Add(WorkflowActionNames.Slug(action));
            }
        }

        return new AppraisalView(
            assessment.Id, campaign.Id, campaign.Name, campaign.IsSample, assessment.UnitId, assessment.Unit?.Name ?? "",
            assessment.Status.ToString(), StatusNames.Vietnamese(assessment.Status), assessment.Version, campaign.ResponseDeadline,
            assessment.Status switch
            {
                AssessmentStatus.UnderAppraisal => "appraisal",
                AssessmentStatus.PreliminarySent or AssessmentStatus.Responded => "final",
                _ => "closed",
            },
            allowed, totals, leaves, rights.AppraisalTable);
    }

    /// <summary>
    /// The leaf's result: the survey score, or the final else appraised score once there is one. A
    /// leaf not appraised yet has no result (its self score is not one), nor has any leaf for a
    /// reader who may not see the appraisal.
    /// </summary>
    private static decimal? EffectiveScore(FrameworkNode leaf, LeafEntry? entry, bool showAppraisal) =>
        ScorePrecedence.Shown(leaf.IsSurvey, showAppraisal, entry?.SurveyScore, entry?.FinalScore, entry?.AppraisedScore, entry?.Points);

    private static AssessmentResult Calculate(Framework framework, IReadOnlyDictionary<string, LeafEntry> entries, Func<LeafEntry, decimal?> points) =>
        AssessmentCalculator.Calculate(framework, entries.ToDictionary(
            kv => kv.Key,
            kv => new LeafScore(kv.Value.NotApplicable ? null : points(kv.Value), kv.Value.NotApplicable),
            StringComparer.Ordinal));
}
