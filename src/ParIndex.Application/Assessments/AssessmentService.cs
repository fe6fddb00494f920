using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Assessments;

/// <summary>
/// The self-assessment of one unit: reading the tree with totals, saving a leaf (optimistic
/// concurrency, history), submitting and withdrawing. Scores come from the scoring core only.
/// </summary>
public sealed class AssessmentService(ParIndexDbContext db, FrameworkCache frameworks, AssessmentWorkflow workflow, TimeProvider clock)
{
    public const string StaleLeafMessage =
        "Đã có người khác lưu tiêu chí này trong lúc bạn chỉnh sửa. Dữ liệu của bạn chưa được lưu; hãy tải lại trang để xem bản mới nhất rồi nhập lại.";

    public const string StaleLeafMessageEnglish =
        "Someone else saved this criterion while you were editing it. Your data was not saved; reload the page to see the latest version, then enter it again.";

    // Whole microseconds: PostgreSQL keeps no more, so the time a save answers with is the time a read shows.
    private DateTime UtcNow
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    /// <summary>The assessments this user may open, newest campaign first.</summary>
    public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var query = db.Assessments.AsNoTracking().Include(a => a.Campaign).Include(a => a.Unit).Include(a => a.Assignments).AsQueryable();
        if (!user.SeesAllUnits)
        {
            var unit = user.UnitId ?? -1;
            query = query.Where(a => a.UnitId == unit || a.Assignments.Any(x => x.ContributingUnitId == unit));
        }

        var list = await query.ToListAsync(cancellationToken);
        return list
            .OrderByDescending(a => a.Campaign!.Year).ThenBy(a => a.Unit!.Name, StringComparer.Ordinal)
            .Select(a => new AssessmentSummary(a.Id, a.CampaignId, a.Campaign!.Name, a.Campaign.Year, a.UnitId, a.Unit!.Name,
                a.Status.ToString(), StatusLabels.Vietnamese(a.Status)))
            .ToList();
    }

    /// <summary>Loads an assessment the user may read, or throws 404 / 403.</summary>
    internal async Task<Assessment> LoadReadableAsync(int id, CurrentUser user, CancellationToken cancellationToken, bool tracked = true)
    {
        var assessments = tracked ? db.Assessments : db.Assessments.AsNoTracking();
        var assessment = await assessments
            .Include(a => a.Campaign)
            .Include(a => a.Unit)
            .Include(a => a.Assignments).ThenInclude(x => x.ContributingUnit)
            // One round trip: the only collection is the few assignments (issue 15, every save reads this).
            .AsSingleQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw DomainException.NotFound($"Không có bản tự đánh giá số {id}.", $"There is no self-assessment number {id}.");
        if (!AssessmentAccess.CanRead(user, assessment))
        {
            throw DomainException.Forbidden("Bạn không có quyền xem bản tự đánh giá của đơn vị này.", "You may not see this unit's self-assessment.");
        }

        return assessment;
    }

    public async Task<AssessmentView> GetAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await LoadReadableAsync(id, user, cancellationToken);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var entries = await LoadEntriesAsync(id, cancellationToken);
        var evidence = await LoadEvidenceAsync(id, cancellationToken);
        return BuildView(assessment, framework, entries, evidence, user);
    }

    public async Task<LeafSaveResult> SaveLeafAsync(int id, string code, LeafSaveRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One connection for the whole save: each return to the pool costs a reset on the next use (ADR 0142).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SaveLeafOnOpenConnectionAsync(id, code, request, user, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<LeafSaveResult> SaveLeafOnOpenConnectionAsync(int id, string code, LeafSaveRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        // Read only: nothing of the assessment is written by a save, so nothing is tracked.
        var assessment = await LoadReadableAsync(id, user, cancellationToken, tracked: false);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var leaf = framework.Find(code) ?? throw DomainException.NotFound($"Bộ tiêu chí không có tiêu chí {code}.", $"The framework has no criterion {code}.");
        if (!leaf.IsLeaf)
        {
            throw DomainException.Invalid($"{code} là tiêu chí có tiêu chí con: điểm của nó là tổng điểm các tiêu chí con.",
                $"{code} has sub-criteria: its points are the sum of theirs.");
        }

        if (leaf.IsSurvey)
        {
            // Survey points come from the imported answers only (SPEC 2.2): nobody self-assesses them.
            throw DomainException.Forbidden($"Tiêu chí {code} được đánh giá qua điều tra xã hội học: điểm lấy từ kết quả khảo sát, không tự chấm.",
                $"Criterion {code} is scored by the sociological survey: its points come from the survey results, not from self-assessment.");
        }

        if (!AssessmentAccess.CanEditLeaf(user, assessment, code))
        {
            throw DomainException.Forbidden($"Bạn không được giao chấm tiêu chí {code}.", $"You are not assigned to score criterion {code}.");
        }

        if (AssessmentAccess.LockReason(assessment, assessment.Campaign, UtcNow) is { } reason)
        {
            throw DomainException.Locked(reason, AssessmentAccess.LockReasonEnglish(assessment, assessment.Campaign, UtcNow));
        }

        _ = TextInput.Line(request.Level, "level", "Mức đánh giá", TextLimits.Level);
        var values = LeafInputReader.Read(leaf, request);
        // One read of the assessment's rows serves the version check and, after the write, the
        // totals; it also says which rows have evidence (for the totals' flags), so that the
        // evidence itself is read only when the saved leaf has some (issue 15).
        // Only the columns the scoring, the flags, the history and the answer use: not the memo, the
        // appraisal texts or the response round (ADR 0142).
        var rows = await db.LeafEntries.AsNoTracking().Where(e => e.AssessmentId == id)
            .Select(e => new
            {
                Entry = new LeafEntry
                {
                    Id = e.Id,
                    AssessmentId = e.AssessmentId,
                    LeafCode = e.LeafCode,
                    Score = e.Score,
                    Level = e.Level,
                    FiguresJson = e.FiguresJson,
                    NotApplicable = e.NotApplicable,
                    Explanation = e.Explanation,
                    Points = e.Points,
                    Version = e.Version,
                    UpdatedAt = e.UpdatedAt,
                    UpdatedBy = e.UpdatedBy,
                    AppraisedScore = e.AppraisedScore,
                },
                HasEvidence = e.Evidence.Any(),
            })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(r => r.Entry).ToList();
        var withEvidence = rows.Where(r => r.HasEvidence).Select(r => r.Entry.LeafCode).ToHashSet(StringComparer.Ordinal);
        var entry = entries.SingleOrDefault(e => e.LeafCode == code);
        if ((entry?.Version ?? 0) != request.Version)
        {
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }

        // Texts are checked before anything else is decided, so that an over-long one saves nothing.
        var explanation = TextInput.Text(request.Explanation, "explanation", "Giải trình", TextLimits.Explanation) ?? "";
        var changeReason = TextInput.Text(request.Reason, "reason", "Lý do thay đổi", TextLimits.Reason);
        var input = new LeafEntryInput(values.Score, values.Level, values.Figures, request.NotApplicable);
        var outcome = LeafScorer.Score(leaf, input);
        if (outcome.Error is { } error)
        {
            throw outcome.ErrorField is { } field
                ? DomainException.InvalidFields([new FieldError(field, error, outcome.ErrorEnglish ?? error)])
                : DomainException.Invalid(error, outcome.ErrorEnglish);
        }

        var isNew = entry is null;
        if (entry is null)
        {
            entry = new LeafEntry { AssessmentId = id, LeafCode = code };
            entries.Add(entry);
        }

        var figuresJson = values.Figures is { Count: > 0 } f ? JsonSerializer.Serialize(f) : null;
        var now = UtcNow;
        var lines = new List<HistoryEntry>(6);
        void Track(string field, string? oldValue, string? newValue)
        {
            if (oldValue != newValue)
            {
                lines.Add(HistoryEntry.ForLeaf(id, code, user.UserName, now, field, oldValue, newValue, changeReason));
            }
        }

        Track("Score", Format(entry.Score), Format(input.Score));
        Track("Level", entry.Level, input.Level);
        Track("Figures", entry.FiguresJson, figuresJson);
        Track("NotApplicable", entry.NotApplicable ? "true" : isNew ? null : "false", input.NotApplicable ? "true" : "false");
        Track("Explanation", isNew ? null : entry.Explanation, explanation);
        Track("Points", Format(entry.Points), Format(outcome.Points));

        entry.Score = input.Score;
        entry.Level = input.Level;
        entry.FiguresJson = figuresJson;
        entry.NotApplicable = input.NotApplicable;
        entry.Explanation = explanation;
        entry.Points = outcome.Points;
        entry.Memo = outcome.Memo?.Text ?? "";
        entry.UpdatedAt = now;
        entry.UpdatedBy = user.UserName;
        entry.Version = request.Version + 1;
        try
        {
            // An existing row is updated only if nobody saved it since the version the user edited;
            // its history lines are written with it or not at all. A first save inserts the row
            // (a concurrent first save breaks the unique key).
            var written = isNew
                ? await InsertFirstAsync(entry, lines, cancellationToken)
                : await LeafSaveWriter.UpdateAsync(db, entry, request.Version, lines, cancellationToken);
            if (!written)
            {
                throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
            }
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Either a concurrent update (version moved on) or a concurrent first save (unique key).
            throw DomainException.Conflict(StaleLeafMessage, StaleLeafMessageEnglish);
        }

        List<EvidenceFile> evidence = withEvidence.Contains(code)
            ? await db.EvidenceFiles.AsNoTracking().Include(f => f.Leaves)
                .Where(f => f.AssessmentId == id && f.Leaves.Any(l => l.LeafCode == code)).ToListAsync(cancellationToken)
            : [];
        // The answer needs the saved leaf's view, the totals and the points of every node: the
        // views of the other leaves are not built.
        var view = BuildView(assessment, framework, entries, evidence, user, withEvidence.Contains, onlyLeaf: code);
        var saved = view.Nodes.Single(n => n.Code == code).Leaf!;
        return new LeafSaveResult(saved, view.Totals, view.Nodes.ToDictionary(n => n.Code, n => n.Points, StringComparer.Ordinal));
    }

    private async Task<bool> InsertFirstAsync(LeafEntry entry, List<HistoryEntry> lines, CancellationToken cancellationToken)
    {
        db.LeafEntries.Add(entry);
        db.History.AddRange(lines);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The unit lead sends the self-assessment (Draft → Submitted), decided by the one state machine.</summary>
    public Task<AssessmentView> SubmitAsync(int id, CurrentUser user, CancellationToken cancellationToken) =>
        TransitionAsync(id, WorkflowAction.Submit, user, cancellationToken);

    /// <summary>The unit lead takes the self-assessment back (Submitted → Draft), allowed until appraisal starts.</summary>
    public Task<AssessmentView> WithdrawAsync(int id, CurrentUser user, CancellationToken cancellationToken) =>
        TransitionAsync(id, WorkflowAction.Withdraw, user, cancellationToken);

    /// <summary>Any workflow action on one assessment (SPEC 2.6); refused with 403/409 and no change when not allowed.</summary>
    public async Task<AssessmentView> TransitionAsync(int id, WorkflowAction action, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await LoadReadableAsync(id, user, cancellationToken);
        await workflow.ApplyAsync(assessment, action, user, cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryView>> HistoryAsync(int id, string? code, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await LoadReadableAsync(id, user, cancellationToken);
        var rights = AssessmentAccess.Rights(user, assessment);
        var query = db.History.AsNoTracking().Where(h => h.AssessmentId == id);
        if (!string.IsNullOrEmpty(code))
        {
            if (!AssessmentAccess.SeesLeaf(user, assessment, rights, code))
            {
                throw DomainException.Forbidden($"Tiêu chí {code} không được giao cho đơn vị của bạn.", $"Criterion {code} is not assigned to your unit.");
            }

            query = query.Where(h => h.LeafCode == code);
        }

        if (!rights.Appraisal)
        {
            // The appraisal stays with the appraisers until the preliminary result is sent (ADR 0107).
            var hidden = HistoryFields.Appraisal.ToArray();
            query = query.Where(h => !hidden.Contains(h.Field));
        }

        var ordered = query.OrderByDescending(h => h.Id);
        var rows = rights.Leaves == LeafScope.All
            ? await ordered.Take(500).ToListAsync(cancellationToken)
            // A contributing agency reads the lines of its own criteria and the assessment's own (status) lines.
            : (await ordered.ToListAsync(cancellationToken))
                .Where(h => h.LeafCode is null || AssessmentAccess.SeesLeaf(user, assessment, rights, h.LeafCode)).Take(500).ToList();

        return rows.Where(h => ReadAccess.ShowsHistoryField(rights, h.Field))
            .Select(h => new HistoryView(h.At, h.UserName, h.Entity, h.LeafCode, h.Field, h.OldValue, h.NewValue, h.Reason)).ToList();
    }

    private Task<List<LeafEntry>> LoadEntriesAsync(int id, CancellationToken cancellationToken) =>
        db.LeafEntries.AsNoTracking().Where(e => e.AssessmentId == id).ToListAsync(cancellationToken);

    private Task<List<EvidenceFile>> LoadEvidenceAsync(int id, CancellationToken cancellationToken) =>
        db.EvidenceFiles.AsNoTracking().Include(f => f.Leaves).Where(f => f.AssessmentId == id).ToListAsync(cancellationToken);

    internal AssessmentView BuildView(Assessment assessment, Framework framework, IReadOnlyList<LeafEntry> entries, IReadOnlyList<EvidenceFile> evidence, CurrentUser user) =>
        BuildView(assessment, framework, entries, evidence, user, hasEvidence: null, onlyLeaf: null);

    /// <param name="hasEvidence">Whether a leaf has evidence, when <paramref name="evidence"/> holds only some leaves' files.</param>
    /// <param name="onlyLeaf">Builds the view of this leaf only (the other nodes get their points, no leaf view).</param>
    private AssessmentView BuildView(Assessment assessment, Framework framework, IReadOnlyList<LeafEntry> entries, IReadOnlyList<EvidenceFile> evidence,
        CurrentUser user, Func<string, bool>? hasEvidence, string? onlyLeaf)
    {
        var campaign = assessment.Campaign!;
        var rights = AssessmentAccess.Rights(user, assessment);
        framework = AssessmentAccess.Visible(framework, user, assessment, rights);
        var byCode = entries.ToDictionary(e => e.LeafCode, StringComparer.Ordinal);
        var evidenceByLeaf = evidence
            .SelectMany(f => f.Leaves.Select(l => (l.LeafCode, File: f)))
            .ToLookup(x => x.LeafCode, x => x.File, StringComparer.Ordinal);
        var lockReason = AssessmentAccess.LockReason(assessment, campaign, UtcNow);
        var editable = lockReason is null && AssessmentAccess.CanEditSomething(user, assessment);

        var leafViews = new Dictionary<string, LeafView>(StringComparer.Ordinal);
        var scores = new Dictionary<string, LeafScore>(StringComparer.Ordinal);
        var flagged = 0;
        foreach (var leaf in framework.Leaves())
        {
            byCode.TryGetValue(leaf.Code, out var entry);
            var figures = ReadFigures(entry?.FiguresJson);
            var input = entry is null
                ? LeafEntryInput.Empty
                : new LeafEntryInput(entry.Score, entry.Level, figures, entry.NotApplicable);
            var outcome = LeafScorer.Score(leaf, input);
            scores[leaf.Code] = new LeafScore(outcome.Points, outcome.NotApplicable);
            var explanation = entry?.Explanation ?? "";
            var claims = !leaf.IsSurvey && outcome.Points is > 0;
            var needsJustification = claims && string.IsNullOrWhiteSpace(explanation)
                && !(hasEvidence?.Invoke(leaf.Code) ?? evidenceByLeaf[leaf.Code].Any());
            flagged += needsJustification ? 1 : 0;
            if (onlyLeaf is not null && leaf.Code != onlyLeaf)
            {
                continue;
            }

            var files = evidenceByLeaf[leaf.Code].OrderBy(f => f.UploadedAt).Select(ToView).ToList();
            leafViews[leaf.Code] = new LeafView(
                leaf.Code,
                leaf.EffectiveRule.Method,
                entry?.Version ?? 0,
                entry?.Score,
                entry?.Level,
                figures,
                entry?.NotApplicable ?? false,
                explanation,
                outcome.Points,
                outcome.Memo?.Text,
                outcome.Error,
                Done: outcome.IsScored || outcome.NotApplicable,
                NeedsJustification: needsJustification,
                CanEdit: editable && !leaf.IsSurvey && AssessmentAccess.CanEditLeaf(user, assessment, leaf.Code),
                InputsOf(leaf),
                leaf.EffectiveRule is LevelsRule levels ? levels.Levels.Select(l => new LevelOption(l.Key, l.Label, l.Points)).ToList() : [],
                files,
                entry?.UpdatedAt,
                entry?.UpdatedBy,
                leaf.IsSurvey ? entry?.SurveyScore : null,
                leaf.IsSurvey ? entry?.SurveyMemo : null,
                AssignedToMe: !leaf.IsSurvey && AssessmentAccess.CanEditLeaf(user, assessment, leaf.Code),
                AppraisalChanged: rights.Appraisal && entry is { IsAdjusted: true });
        }

        var result = AssessmentCalculator.Calculate(framework, scores);
        var nodes = framework.AllNodes()
            .Select(n => new NodeView(n.Code, n.Title, n.Level, n.Max, result[n.Code].Points, n.IsLeaf, n.IsSurvey, n.Guidance,
                n.IsLeaf ? leafViews.GetValueOrDefault(n.Code) : null))
            .ToList();
        var totals = new TotalsView(
            result.Total.Points,
            result.Total.Max,
            result.Total.SelfAssessableMax,
            result.Total.Index,
            result.Total.SelfAssessedShare,
            result.Total.LeavesTotal,
            result.Total.LeavesDone,
            flagged,
            framework.Nodes.Select(f => new FieldTotal(f.Code, f.Title, result[f.Code].Points, result[f.Code].Max,
                result[f.Code].SelfAssessableMax, result[f.Code].SelfAssessedShare)).ToList());
        var isLead = AssessmentAccess.IsLead(user, assessment);
        return new AssessmentView(
            assessment.Id,
            campaign.Id,
            campaign.Name,
            assessment.UnitId,
            assessment.Unit?.Name ?? "",
            assessment.Status.ToString(),
            StatusLabels.Vietnamese(assessment.Status),
            assessment.Version,
            AssessmentAccess.EffectiveDeadline(assessment, campaign),
            editable,
            lockReason,
            CanSubmit: isLead && lockReason is null,
            CanWithdraw: isLead && assessment.Status == AssessmentStatus.Submitted,
            totals,
            nodes,
            CanDownloadTable: rights.SelfAssessmentTable,
            SeesAssignedFieldsOnly: rights.Leaves == LeafScope.AssignedFields,
            LockReasonEnglish: lockReason is null ? null : AssessmentAccess.LockReasonEnglish(assessment, campaign, UtcNow));
    }

    internal static EvidenceView ToView(EvidenceFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.DocumentNumber, f.DocumentDate, f.UploadedBy, f.UploadedAt,
            f.Leaves.Select(l => l.LeafCode).Order(StringComparer.Ordinal).ToList());

    private static List<InputField> InputsOf(FrameworkNode leaf) =>
        leaf.EffectiveRule.Figures.Select(f => new InputField(f.Name, f.Label, FigureKinds.Name(f.Kind))).ToList();

    internal static IReadOnlyDictionary<string, decimal> ReadFigures(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, decimal>()
            : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? new Dictionary<string, decimal>();

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Points as shown to users (Vietnamese notation).</summary>
    public static string Points(decimal value) => VietnameseNumbers.FormatPoints(value);
}
