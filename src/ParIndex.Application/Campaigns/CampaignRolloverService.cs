using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Crosswalks;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Units;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Units;
using ParIndex.Data;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;
using ParIndex.Data.Surveys;

namespace ParIndex.Application.Campaigns;

/// <summary>
/// Campaign rollover (ADR 0125): the year N+1 campaign from year N, on a chosen framework version
/// and the stored crosswalk from the old one. Units, contributing-agency assignments, appraiser
/// assignments, survey quotas and the result bands carry over; every new assessment is offered,
/// per mapped leaf, last year's explanation and evidence as a suggestion — never last year's score.
/// A unit that has ended (merged, split, dissolved; ADR 0126) is not carried: the units that
/// descend from it and exist today are, with its appraisers. All of it in one transaction.
/// </summary>
public sealed class CampaignRolloverService(ParIndexDbContext db, CampaignService campaigns, CrosswalkService crosswalks, FrameworkCache frameworks, UnitLineageService lineage, TimeProvider clock)
{
    public async Task<RolloverResult> RolloverAsync(int sourceCampaignId, RolloverRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var source = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == sourceCampaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {sourceCampaignId}.", $"There is no campaign number {sourceCampaignId}.");
        if (request.Year <= source.Year)
        {
            throw new FieldValidationException("year", $"Năm của kỳ mới ({request.Year}) phải sau năm {source.Year} của kỳ {source.Name}.", $"The new campaign's year ({request.Year}) must be after {source.Year}.");
        }

        var state = await db.Frameworks.Where(f => f.Id == request.FrameworkRecordId).Select(f => (FrameworkState?)f.State).SingleOrDefaultAsync(cancellationToken)
            ?? throw new FieldValidationException("frameworkRecordId", $"Không có bộ tiêu chí số {request.FrameworkRecordId}.", $"There is no framework number {request.FrameworkRecordId}.");
        if (state != FrameworkState.Active)
        {
            // Said before the crosswalk lookup: a draft has no crosswalk, and "no crosswalk" would hide the real reason.
            throw new FieldValidationException("frameworkRecordId", $"Bộ tiêu chí số {request.FrameworkRecordId} đang ở trạng thái {FrameworkLibrary.StateLabel(state)}; kỳ đánh giá mới chỉ dùng được bộ tiêu chí đang áp dụng.",
                $"Framework {request.FrameworkRecordId} is {state}; a new campaign can only use an active framework.");
        }

        var found = await crosswalks.BetweenAsync(source.FrameworkRecordId, request.FrameworkRecordId, cancellationToken)
            ?? throw new FieldValidationException("crosswalkId",
                "Chưa có bảng chuyển mã từ bộ tiêu chí của kỳ cũ sang phiên bản đã chọn: hãy tạo và kiểm tra nó ở trang Bảng chuyển mã trước.",
                "There is no stored crosswalk from the old campaign's framework to the chosen version: create and review it on the Crosswalks page first.");
        if (request.CrosswalkId is { } chosen && chosen != found.StoredId)
        {
            throw new FieldValidationException("crosswalkId", $"Bảng chuyển mã số {chosen} không nối bộ tiêu chí của kỳ cũ với phiên bản đã chọn.", $"Crosswalk {chosen} does not join the old campaign's framework to the chosen version.");
        }

        var crosswalk = found.Crosswalk;
        var oldFramework = await frameworks.GetAsync(db, source.FrameworkRecordId, cancellationToken);
        var newFramework = await frameworks.GetAsync(db, request.FrameworkRecordId, cancellationToken);
        var sourceAssessments = await db.Assessments.AsNoTracking().Include(a => a.Unit).Include(a => a.Assignments)
            .Where(a => a.CampaignId == sourceCampaignId).AsSplitQuery().ToListAsync(cancellationToken);
        var notCarried = new List<string>();
        var ended = await lineage.EndedWithSuccessorsAsync(
            sourceAssessments.Select(a => a.UnitId).Concat(sourceAssessments.SelectMany(a => a.Assignments).Select(a => a.ContributingUnitId)).ToHashSet(),
            lineage.Today(), cancellationToken);
        var (carried, successors) = UnitsToCarry(sourceAssessments, ended, notCarried);
        var carriedIds = carried.Select(a => a.UnitId).Concat(successors).ToHashSet();

        // One transaction, or the caller's (the command line runs every command in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var created = await campaigns.CreateAsync(new CampaignRequest(request.Name, request.Year, request.FrameworkRecordId, carriedIds.Order().ToList(), request.SelfAssessmentDeadline), user, cancellationToken);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == created.Id, cancellationToken);
        campaign.PreviousCampaignId = source.Id;
        campaign.BandsJson = source.BandsJson;
        campaign.IsSample = source.IsSample;
        var newAssessments = await db.Assessments.Where(a => a.CampaignId == campaign.Id).ToDictionaryAsync(a => a.UnitId, cancellationToken);

        var assignments = 0;
        foreach (var old in carried)
        {
            foreach (var assignment in old.Assignments.Where(a => a.ContributingUnitId != old.UnitId).OrderBy(a => a.CodePrefix, StringComparer.Ordinal))
            {
                if (ContributorNow(ended, assignment.ContributingUnitId) is not { } contributor)
                {
                    notCarried.Add($"Phân công {old.Unit!.Name}: mục {assignment.CodePrefix} giao cho đơn vị số {assignment.ContributingUnitId}, đơn vị này đã kết thúc và không có một đơn vị kế tiếp duy nhất.");
                }
                else if (Translate(crosswalk, newFramework, assignment.CodePrefix) is { } code)
                {
                    // Two old prefixes merged into one new code keep one assignment (the first).
                    if (newAssessments[old.UnitId].Assignments.All(a => a.CodePrefix != code))
                    {
                        newAssessments[old.UnitId].Assignments.Add(new Assignment { CodePrefix = code, ContributingUnitId = contributor });
                        assignments++;
                    }
                }
                else
                {
                    notCarried.Add($"Phân công {old.Unit!.Name}: mục {assignment.CodePrefix} không có mục tương ứng trong bộ tiêu chí mới.");
                }
            }
        }

        var appraisers = 0;
        var appraiserKeys = new HashSet<(string, int?, string?)>();
        foreach (var old in await db.AppraiserAssignments.AsNoTracking().Where(a => a.CampaignId == sourceCampaignId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
        {
            var code = old.CodePrefix is null ? null : Translate(crosswalk, newFramework, old.CodePrefix);
            // An ended unit's appraiser appraises what came after it.
            var targets = old.UnitId is { } endedUnit && ended.TryGetValue(endedUnit, out var next)
                ? next.Select(u => (int?)u.Id).ToList()
                : [old.UnitId];
            if (old.UnitId is { } unit && !targets.Any(t => t is { } id && carriedIds.Contains(id)))
            {
                notCarried.Add($"Phân công thẩm định {old.UserName}: đơn vị số {unit} không còn trong kỳ mới.");
            }
            else if (old.CodePrefix is not null && code is null)
            {
                notCarried.Add($"Phân công thẩm định {old.UserName}: mục {old.CodePrefix} không có mục tương ứng trong bộ tiêu chí mới.");
            }
            else
            {
                foreach (var target in targets.Where(t => appraiserKeys.Add((old.UserName, t, code))))
                {
                    db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = campaign.Id, UserName = old.UserName, UnitId = target, CodePrefix = code });
                    appraisers++;
                }
            }
        }

        var quotas = await db.SurveyQuotaTargets.AsNoTracking().Where(q => q.CampaignId == sourceCampaignId).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var quotaCount = 0;
        foreach (var quota in quotas.Where(q => carriedIds.Contains(q.UnitId)))
        {
            db.SurveyQuotaTargets.Add(new SurveyQuotaTarget { CampaignId = campaign.Id, UnitId = quota.UnitId, RespondentGroup = quota.RespondentGroup, Population = quota.Population, Margin = quota.Margin });
            quotaCount++;
        }

        var suggestions = await SuggestAsync(carried, newAssessments, crosswalk, newFramework, cancellationToken);
        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = nameof(Campaign),
            Field = "RolledOver",
            OldValue = $"{source.Id}: {source.Name}",
            NewValue = $"{campaign.Id}: {campaign.Name}",
            Reason = $"Bộ tiêu chí {oldFramework.Id} {oldFramework.Version} → {newFramework.Id} {newFramework.Version}" + (found.StoredId is { } sid ? $", bảng chuyển mã số {sid}" : ", cùng phiên bản"),
        });
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new RolloverResult(campaign.Id, source.Id, found.StoredId, carriedIds.Count, assignments, appraisers, quotaCount, suggestions, notCarried);
    }

    /// <summary>
    /// The assessments whose units go into next year's campaign (the units that still exist), and
    /// the units that replace the ended ones (their successors existing today, each once, not already
    /// carried). Each ended unit gets a line saying what replaced it; its quotas and contributing
    /// assignments stay behind, since they were set for a unit that no longer exists.
    /// </summary>
    private static (List<Assessment> Carried, List<int> Successors) UnitsToCarry(
        IReadOnlyList<Assessment> sourceAssessments, IReadOnlyDictionary<int, IReadOnlyList<UnitPeriodView>> ended, List<string> notCarried)
    {
        var carried = sourceAssessments.Where(a => !ended.ContainsKey(a.UnitId)).OrderBy(a => a.UnitId).ToList();
        var kept = carried.Select(a => a.UnitId).ToHashSet();
        var successors = new List<int>();
        foreach (var old in sourceAssessments.Where(a => ended.ContainsKey(a.UnitId)).OrderBy(a => a.Unit!.Code, StringComparer.Ordinal))
        {
            var next = ended[old.UnitId];
            successors.AddRange(next.Select(u => u.Id).Where(kept.Add));
            var until = old.Unit!.ValidTo is { } to ? $" ngày {UnitValidity.Vietnamese(to)}" : "";
            notCarried.Add(next.Count == 0
                ? $"Đơn vị {old.Unit.Name} ({old.Unit.Code}) đã kết thúc{until}, không có đơn vị kế tiếp: không đưa vào kỳ mới."
                : $"Đơn vị {old.Unit.Name} ({old.Unit.Code}) đã kết thúc{until}: đưa vào kỳ mới thay bằng {string.Join(", ", next.Select(u => $"{u.Name} ({u.Code})"))}; phân công đơn vị phối hợp và chỉ tiêu khảo sát của đơn vị cũ không chuyển sang.");
        }

        return (carried, successors);
    }

    /// <summary>A contributing agency next year: itself, or its one successor when it has ended (none when dissolved or split).</summary>
    private static int? ContributorNow(IReadOnlyDictionary<int, IReadOnlyList<UnitPeriodView>> ended, int unitId) =>
        !ended.TryGetValue(unitId, out var next) ? unitId
        : next.Count == 1 ? next[0].Id
        : null;

    /// <summary>
    /// The new code of an old node for an assignment: its one-to-one or merged successor; an inner
    /// node left out of the crosswalk keeps its code when the new framework has it and nothing else
    /// claims it. A split or a removed node has none.
    /// </summary>
    internal static string? Translate(FrameworkCrosswalk crosswalk, Framework newFramework, string oldCode)
    {
        var entry = crosswalk.ForOldCode(oldCode);
        if (entry is { Kind: CrosswalkKind.OneToOne or CrosswalkKind.ManyToOne })
        {
            return entry.To[0];
        }

        return entry is null && newFramework.Find(oldCode) is not null && crosswalk.ForNewCode(oldCode) is null ? oldCode : null;
    }

    /// <summary>One pending suggestion per new leaf whose predecessors have an explanation or evidence.</summary>
    private async Task<int> SuggestAsync(List<Assessment> carried, Dictionary<int, Assessment> newAssessments, FrameworkCrosswalk crosswalk, Framework newFramework, CancellationToken cancellationToken)
    {
        var ids = carried.Select(a => a.Id).ToList();
        var entries = (await db.LeafEntries.AsNoTracking().Include(e => e.Evidence)
                .Where(e => ids.Contains(e.AssessmentId) && (e.Explanation != "" || e.Evidence.Any()))
                .AsSplitQuery().ToListAsync(cancellationToken))
            .ToLookup(e => e.AssessmentId);
        var count = 0;
        foreach (var old in carried)
        {
            var byCode = entries[old.Id].ToDictionary(e => e.LeafCode, StringComparer.Ordinal);
            if (byCode.Count == 0)
            {
                continue;
            }

            foreach (var leaf in newFramework.Leaves().Where(l => !l.IsSurvey))
            {
                var entry = crosswalk.ForNewCode(leaf.Code);
                if (entry is null || entry.From.Count == 0)
                {
                    continue;
                }

                var sources = entry.From.Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
                if (sources.Count == 0)
                {
                    continue;
                }

                db.CarriedSuggestions.Add(new CarriedSuggestion
                {
                    AssessmentId = newAssessments[old.UnitId].Id,
                    LeafCode = leaf.Code,
                    SourceAssessmentId = old.Id,
                    SourceLeafCodes = string.Join(", ", entry.From),
                    Explanation = Explanation(sources),
                    EvidenceIds = string.Join(",", sources.SelectMany(s => s.Evidence).Select(f => f.Id).Distinct()),
                });
                count++;
            }
        }

        return count;
    }

    /// <summary>One predecessor's explanation as it was; several (a merge) each under its code.</summary>
    private static string Explanation(List<LeafEntry> sources)
    {
        var texts = sources.Where(s => s.Explanation.Length > 0).ToList();
        var text = texts.Count == 1 && sources.Count == 1
            ? texts[0].Explanation
            : string.Join("\n\n", texts.Select(s => $"[{s.LeafCode}] {s.Explanation}"));
        // A merge of long explanations may pass the limit: the suggestion says it was cut.
        return text.Length <= TextLimits.Explanation ? text : text[..(TextLimits.Explanation - 1)] + "…";
    }
}
