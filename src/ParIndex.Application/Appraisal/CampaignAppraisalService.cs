using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Ranking;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;

namespace ParIndex.Application.Appraisal;

/// <summary>
/// Campaign-wide steps of the appraisal: appraiser assignments, the response deadline, result
/// bands, the council's approval of every unit and publication. All-or-nothing: when one unit
/// cannot move, nothing moves.
/// </summary>
public sealed class CampaignAppraisalService(ParIndexDbContext db, AssessmentWorkflow workflow, UserManagerLookup users)
{
    public async Task<Campaign> LoadAsync(int campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");

    /// <summary>Applies one action to every unit of the campaign, or to none (the first refusal is returned).</summary>
    public async Task<int> ApplyToAllAsync(int campaignId, WorkflowAction action, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The role first, with one message whatever the units' states: a refusal must not tell a
        // unit user which state another unit is in (ADR 0107). Only campaign-wide roles count here.
        if (WorkflowRules.RefuseRole(action, CampaignRoles(user)) is { } refusal)
        {
            throw DomainException.Forbidden(refusal, WorkflowRules.RoleRefusalEnglish(action));
        }

        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var list = await db.Assessments.Include(a => a.Unit).Where(a => a.CampaignId == campaignId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            throw DomainException.Conflict("Kỳ đánh giá chưa có đơn vị nào.", "The campaign has no units yet.");
        }

        var moves = new List<(ParIndex.Data.Assessments.Assessment Assessment, AssessmentStatus To)>();
        foreach (var assessment in list)
        {
            assessment.Campaign = campaign;
            try
            {
                moves.Add((assessment, await workflow.DecideAsync(assessment, action, user, cancellationToken)));
            }
            catch (DomainException refused)
            {
                throw new DomainException(refused.Kind, refused.Title, $"{assessment.Unit?.Name}: {refused.Message}")
                {
                    EnglishTitle = refused.EnglishTitle,
                    EnglishDetail = $"{assessment.Unit?.Name}: {refused.EnglishDetail ?? refused.Message}",
                };
            }
        }

        foreach (var (assessment, to) in moves)
        {
            workflow.Stage(assessment, to, action, user);
        }

        if (action == WorkflowAction.Publish)
        {
            workflow.MarkPublished(campaign, user);
        }

        await workflow.SaveAsync(cancellationToken);
        return moves.Count;
    }

    /// <summary>The roles a user holds for every unit of a campaign (unit roles hold only for their own unit).</summary>
    private static List<Role> CampaignRoles(CurrentUser user)
    {
        var roles = new List<Role>();
        if (user.IsAdministrator)
        {
            roles.Add(Role.Administrator);
        }

        if (user.IsCoordinator)
        {
            roles.Add(Role.Coordinator);
        }

        if (user.IsIn(Roles.Appraiser))
        {
            roles.Add(Role.Appraiser);
        }

        if (user.IsIn(Roles.CouncilChair))
        {
            roles.Add(Role.CouncilChair);
        }

        return roles;
    }

    /// <summary>The appraiser assignments, for the coordinator, the council and the appraisers only (not for units).</summary>
    public async Task<IReadOnlyList<AppraiserAssignmentView>> AssignmentsAsync(int campaignId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.SeesAllUnits)
        {
            throw DomainException.Forbidden("Phân công thẩm định chỉ dành cho cơ quan thường trực CCHC, Hội đồng và Tổ thẩm định.", "Appraisal assignments are only for the PAR standing agency, the council and the appraisal team.");
        }

        return await AssignmentsAsync(campaignId, cancellationToken);
    }

    private async Task<IReadOnlyList<AppraiserAssignmentView>> AssignmentsAsync(int campaignId, CancellationToken cancellationToken)
    {
        await LoadAsync(campaignId, cancellationToken);
        var rows = await db.AppraiserAssignments.AsNoTracking().Include(a => a.Unit).Where(a => a.CampaignId == campaignId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return rows.Select(a => new AppraiserAssignmentView(a.Id, a.UserName, a.UnitId, a.Unit?.Name, a.CodePrefix)).ToList();
    }

    public async Task<IReadOnlyList<AppraiserAssignmentView>> AssignAsync(int campaignId, AppraiserAssignmentRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var userName = TextInput.Line(request.UserName, "userName", "Tên tài khoản", TextLimits.UserName) ?? "";
        if (!await users.IsInRoleAsync(userName, Roles.Appraiser))
        {
            throw DomainException.Invalid($"Tài khoản \"{userName}\" không thuộc Tổ thẩm định.", $"The account \"{userName}\" is not in the appraisal team.");
        }

        if (request.UnitId is { } unitId && !await db.Assessments.AnyAsync(a => a.CampaignId == campaignId && a.UnitId == unitId, cancellationToken))
        {
            throw DomainException.Invalid($"Đơn vị số {unitId} không thuộc kỳ đánh giá này.", $"Unit number {unitId} is not in this campaign.");
        }

        var prefixText = TextInput.Line(request.CodePrefix, "codePrefix", "Mã tiêu chí", TextLimits.CriterionCode);
        var prefix = string.IsNullOrEmpty(prefixText) ? null : prefixText;
        db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = campaignId, UserName = userName, UnitId = request.UnitId, CodePrefix = prefix });
        Record(user, "AppraiserAssignment", null, $"{userName} · đơn vị {request.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "tất cả"} · {prefix ?? "mọi tiêu chí"}");
        await db.SaveChangesAsync(cancellationToken);
        return await AssignmentsAsync(campaignId, cancellationToken);
    }

    public async Task<IReadOnlyList<AppraiserAssignmentView>> UnassignAsync(int campaignId, int assignmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var row = await db.AppraiserAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.CampaignId == campaignId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy phân công thẩm định.", "The appraisal assignment was not found.");
        Record(user, "AppraiserAssignment", $"{row.UserName} · {row.UnitId} · {row.CodePrefix}", null);
        db.AppraiserAssignments.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return await AssignmentsAsync(campaignId, cancellationToken);
    }

    public async Task SetResponseDeadlineAsync(int campaignId, DateTime? deadline, CurrentUser user, CancellationToken cancellationToken)
    {
        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var value = deadline is { } d ? Campaigns.CampaignService.ToUtc(d) : (DateTime?)null;
        Record(user, "ResponseDeadline", campaign.ResponseDeadline?.ToString("O"), value?.ToString("O"));
        campaign.ResponseDeadline = value;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the result bands (e.g. A ≥ 90, B ≥ 80, C ≥ 70, below: D).</summary>
    public async Task SetBandsAsync(int campaignId, BandScheme bands, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        if (BandsJson.Problem(bands) is { } problem)
        {
            throw DomainException.Invalid(problem.Vietnamese, problem.English);
        }

        var json = BandsJson.Write(bands);
        Record(user, "Bands", campaign.BandsJson, json);
        campaign.BandsJson = json;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Links the campaign to the previous one for year-over-year change (null: no comparison). The
    /// nodes are matched by the stored crosswalk between the two frameworks (ADR 0124).
    /// </summary>
    public async Task SetPreviousAsync(int campaignId, PreviousCampaignRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var campaign = await LoadAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        if (request.PreviousCampaignId is { } previousId)
        {
            if (previousId == campaignId)
            {
                throw DomainException.Invalid("Kỳ đánh giá không thể so sánh với chính nó.", "A campaign cannot be compared with itself.");
            }

            if (!await db.Campaigns.AnyAsync(c => c.Id == previousId, cancellationToken))
            {
                throw DomainException.Invalid($"Không có kỳ đánh giá số {previousId}.", $"There is no campaign number {previousId}.");
            }
        }

        // The nodes are compared through the stored crosswalk between the two frameworks (ADR 0124), not a per-campaign map.
        Record(user, "PreviousCampaign", campaign.PreviousCampaignId?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.PreviousCampaignId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        campaign.PreviousCampaignId = request.PreviousCampaignId;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Record(CurrentUser user, string field, string? oldValue, string? newValue) =>
        db.History.Add(new HistoryEntry
        {
            At = workflow.UtcNow,
            UserName = user.UserName,
            Entity = nameof(Campaign),
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
        });
}
