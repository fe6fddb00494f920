using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;

namespace ParIndex.Application.Workflow;

/// <summary>
/// Moves an assessment through the one state machine of <see cref="WorkflowRules"/>: maps the
/// signed-in user to the roles they hold <em>for this assessment</em> (unit scope, appraiser
/// assignments), asks the rules, records the change in the history, and refuses otherwise
/// (409 for an illegal transition or a passed deadline, 403 for a missing role) without side effects.
/// </summary>
public sealed class AssessmentWorkflow(ParIndexDbContext db, FrameworkCache frameworks, TimeProvider clock, IPublicationListener publication)
{
    /// <summary>A campaign published by the staged changes: its results are stored once they are saved (ADR 0133).</summary>
    private (int CampaignId, string UserName)? published;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The workflow roles <paramref name="user"/> holds for this assessment.</summary>
    public async Task<IReadOnlyCollection<Role>> RolesForAsync(CurrentUser user, Assessment assessment, CancellationToken cancellationToken)
    {
        var roles = new HashSet<Role>();
        if (user.IsAdministrator)
        {
            roles.Add(Role.Administrator);
        }

        if (user.IsCoordinator)
        {
            roles.Add(Role.Coordinator);
        }

        if (user.IsIn(Roles.CouncilChair))
        {
            roles.Add(Role.CouncilChair);
        }

        if (user.IsIn(Roles.Appraiser) && await AppraisesUnitAsync(user, assessment, cancellationToken))
        {
            roles.Add(Role.Appraiser);
        }

        if (user.UnitId == assessment.UnitId)
        {
            if (user.IsIn(Roles.UnitLead))
            {
                roles.Add(Role.UnitLead);
            }

            if (user.IsIn(Roles.UnitEditor))
            {
                roles.Add(Role.UnitEditor);
            }
        }

        return roles;
    }

    /// <summary>Does the appraiser have this unit (any of its criteria)? True when the campaign assigns nobody.</summary>
    public async Task<bool> AppraisesUnitAsync(CurrentUser user, Assessment assessment, CancellationToken cancellationToken)
    {
        var assignments = await AssignmentsAsync(assessment.CampaignId, cancellationToken);
        return assignments.Count == 0 || assignments.Any(a => a.UserName == user.UserName && (a.UnitId is null || a.UnitId == assessment.UnitId));
    }

    /// <summary>May this appraiser appraise this leaf of this unit?</summary>
    public async Task<bool> AppraisesLeafAsync(CurrentUser user, Assessment assessment, string leafCode, CancellationToken cancellationToken)
    {
        if (!user.IsIn(Roles.Appraiser))
        {
            return false;
        }

        var assignments = await AssignmentsAsync(assessment.CampaignId, cancellationToken);
        return assignments.Count == 0 || assignments.Any(a => a.UserName == user.UserName && a.Covers(assessment.UnitId, leafCode));
    }

    private Task<List<AppraiserAssignment>> AssignmentsAsync(int campaignId, CancellationToken cancellationToken) =>
        db.AppraiserAssignments.AsNoTracking().Where(a => a.CampaignId == campaignId).ToListAsync(cancellationToken);

    /// <summary>Whether the deadline that governs <paramref name="action"/> has passed for this assessment.</summary>
    public bool DeadlinePassed(Assessment assessment, Campaign campaign, WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => AssessmentAccess.IsPastDeadline(assessment, campaign, UtcNow),
        WorkflowAction.Respond => campaign.ResponseDeadline is { } deadline && UtcNow > deadline,
        _ => false,
    };

    /// <summary>
    /// Every check of one action on one assessment: the state machine (state, role, deadline) and
    /// the action's own precondition (the preliminary result needs every leaf appraised). The single
    /// action and the campaign-wide one both come here, so they refuse exactly the same things.
    /// Throws the matching ProblemDetails when refused; returns the new state.
    /// </summary>
    public async Task<AssessmentStatus> DecideAsync(Assessment assessment, WorkflowAction action, CurrentUser user, CancellationToken cancellationToken)
    {
        var roles = await RolesForAsync(user, assessment, cancellationToken);
        var decision = WorkflowRules.Decide(assessment.Status, action, roles, DeadlinePassed(assessment, assessment.Campaign!, action));
        if (!decision.IsAllowed)
        {
            throw decision.Refusal == WorkflowRefusal.Forbidden
                ? DomainException.Forbidden(decision.Reason!, decision.ReasonEnglish)
                : DomainException.Conflict(decision.Reason!, decision.ReasonEnglish);
        }

        if (action == WorkflowAction.SendPreliminary)
        {
            await EnsureAppraisedAsync(assessment, cancellationToken);
        }

        return decision.NewStatus!.Value;
    }

    /// <summary>Checks, applies and saves one transition (with its history row).</summary>
    public async Task ApplyAsync(Assessment assessment, WorkflowAction action, CurrentUser user, CancellationToken cancellationToken)
    {
        var to = await DecideAsync(assessment, action, user, cancellationToken);
        Stage(assessment, to, action, user);
        if (to == AssessmentStatus.Published)
        {
            // The campaign is published (and frozen) once its last unit is.
            var othersOpen = await db.Assessments.AnyAsync(a => a.CampaignId == assessment.CampaignId && a.Id != assessment.Id && a.Status != AssessmentStatus.Published, cancellationToken);
            if (!othersOpen)
            {
                MarkPublished(assessment.Campaign!, user);
            }
        }

        await SaveAsync(cancellationToken);
    }

    public void MarkPublished(Campaign campaign, CurrentUser user)
    {
        var now = UtcNow;
        db.History.Add(new HistoryEntry
        {
            At = now,
            UserName = user.UserName,
            Entity = nameof(Campaign),
            Field = "PublishedAt",
            NewValue = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Reason = $"Công bố kết quả kỳ đánh giá {campaign.Id}",
        });
        campaign.PublishedAt = now;
        published = (campaign.Id, user.UserName);
    }

    /// <summary>Records the transition in the tracked entities; the caller saves.</summary>
    public void Stage(Assessment assessment, AssessmentStatus to, WorkflowAction action, CurrentUser user)
    {
        var now = UtcNow;
        db.History.Add(new HistoryEntry
        {
            At = now,
            UserName = user.UserName,
            Entity = nameof(Assessment),
            AssessmentId = assessment.Id,
            Field = "Status",
            OldValue = assessment.Status.ToString(),
            NewValue = to.ToString(),
            Reason = ActionNames.Vietnamese(action),
        });
        assessment.Status = to;
        if (to == AssessmentStatus.Submitted)
        {
            assessment.SubmittedAt = now;
            assessment.SubmittedBy = user.UserName;
        }

        assessment.Version++;
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Trạng thái bản đánh giá vừa được người khác thay đổi. Hãy tải lại trang.", "Someone else has just changed the state of the assessment. Reload the page.");
        }

        if (published is { } done)
        {
            published = null;
            // A failure here leaves the publication in place: the first public read stores the results then.
            await publication.PublishedAsync(done.CampaignId, done.UserName, cancellationToken);
        }
    }

    /// <summary>The preliminary result goes out only when every self-assessed leaf has an appraised score.</summary>
    private async Task EnsureAppraisedAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        var campaign = assessment.Campaign!;
        var framework = await frameworks.GetAsync(db, campaign.FrameworkRecordId, cancellationToken);
        var appraised = await db.LeafEntries.AsNoTracking()
            .Where(e => e.AssessmentId == assessment.Id && (e.AppraisedScore != null || e.NotApplicable))
            .Select(e => e.LeafCode).ToListAsync(cancellationToken);
        var done = appraised.ToHashSet(StringComparer.Ordinal);
        var missing = framework.Leaves().Where(l => !l.IsSurvey && !done.Contains(l.Code)).Select(l => l.Code).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Conflict(
                $"Còn {missing.Count} tiêu chí chưa thẩm định ({string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}): chấp nhận hoặc điều chỉnh trước khi gửi kết quả sơ bộ.",
                $"{missing.Count} criteria are not appraised yet ({string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}): accept or adjust them before sending the preliminary result.");
        }
    }
}
