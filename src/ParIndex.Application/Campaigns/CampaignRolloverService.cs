using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Crosswalks;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
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
/// All of it in one transaction.
/// </summary>
public sealed class CampaignRolloverService(ParIndexDbContext db, CampaignService campaigns, CrosswalkService crosswalks, FrameworkCache frameworks, TimeProvider clock)
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

        if (!await db.Frameworks.AnyAsync(f => f.Id == request.FrameworkRecordId, cancellationToken))
        {
            throw new FieldValidationException("frameworkRecordId", $"Không có bộ tiêu chí số {request.FrameworkRecordId}.", $"There is no framework number {request.FrameworkRecordId}.");
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
        var carried = UnitsToCarry(sourceAssessments);
        var carriedIds = carried.Select(a => a.UnitId).ToHashSet();
        var notCarried = new List<string>();

        // One transaction, or the caller's (the command line runs every command in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var created = await campaigns.CreateAsync(new CampaignRequest(request.Name, request.Year, request.FrameworkRecordId, carried.Select(a => a.UnitId).ToList(), request.SelfAssessmentDeadline), user, cancellationToken);
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
                if (Translate(crosswalk, newFramework, assignment.CodePrefix) is { } code)
                {
                    // Two old prefixes merged into one new code keep one assignment (the first).
                    if (newAssessments[old.UnitId].Assignments.All(a => a.CodePrefix != code))
                    {
                        newAssessments[old.UnitId].Assignments.Add(new Assignment { CodePrefix = code, ContributingUnitId = assignment.ContributingUnitId });
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
        foreach (var old in await db.AppraiserAssignments.AsNoTracking().Where(a => a.CampaignId == sourceCampaignId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
        {
            var code = old.CodePrefix is null ? null : Translate(crosswalk, newFramework, old.CodePrefix);
            if (old.UnitId is { } unit && !carriedIds.Contains(unit))
            {
                notCarried.Add($"Phân công thẩm định {old.UserName}: đơn vị số {unit} không còn trong kỳ mới.");
            }
            else if (old.CodePrefix is not null && code is null)
            {
                notCarried.Add($"Phân công thẩm định {old.UserName}: mục {old.CodePrefix} không có mục tương ứng trong bộ tiêu chí mới.");
            }
            else
            {
                db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = campaign.Id, UserName = old.UserName, UnitId = old.UnitId, CodePrefix = code });
                appraisers++;
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

        return new RolloverResult(campaign.Id, source.Id, found.StoredId, carried.Count, assignments, appraisers, quotaCount, suggestions, notCarried);
    }

    /// <summary>
    /// The assessments whose units go into next year's campaign: all of them today. Kept in one
    /// place so that units that ended (merged, dissolved) can be left out here.
    /// </summary>
    private static List<Assessment> UnitsToCarry(IReadOnlyList<Assessment> sourceAssessments) =>
        sourceAssessments.OrderBy(a => a.UnitId).ToList();

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
