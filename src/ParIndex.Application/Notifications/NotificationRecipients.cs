using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;

namespace ParIndex.Application.Notifications;

/// <summary>A user to notify: id and e-mail address (null: in-app only).</summary>
public sealed record Recipient(string UserId, string? Email);

/// <summary>Who hears of what: the unit's editors and lead, the coordinators, the unit's appraisers.</summary>
internal sealed class NotificationRecipients(ParIndexDbContext db)
{
    /// <summary>The unit's editors and leads (the people who fill in and send its self-assessment).</summary>
    public Task<List<Recipient>> UnitPeopleAsync(int unitId, DateTime now, CancellationToken cancellationToken) =>
        InRolesAsync([Roles.UnitEditor, Roles.UnitLead], unitId, null, now, cancellationToken);

    /// <summary>The coordinators and the appraisers of this unit (every appraiser when the campaign assigns nobody).</summary>
    public async Task<List<Recipient>> ReviewersAsync(Assessment assessment, DateTime now, CancellationToken cancellationToken)
    {
        var coordinators = await InRolesAsync([Roles.Coordinator], null, null, now, cancellationToken);
        var assignments = await db.AppraiserAssignments.AsNoTracking()
            .Where(a => a.CampaignId == assessment.CampaignId)
            .Select(a => new { a.UserName, a.UnitId }).ToListAsync(cancellationToken);
        IReadOnlySet<string>? named = assignments.Count == 0
            ? null
            : assignments.Where(a => a.UnitId is null || a.UnitId == assessment.UnitId).Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        var appraisers = await InRolesAsync([Roles.Appraiser], null, named, now, cancellationToken);
        return coordinators.Concat(appraisers).DistinctBy(r => r.UserId).ToList();
    }

    private async Task<List<Recipient>> InRolesAsync(string[] roles, int? unitId, IReadOnlySet<string>? userNames, DateTime now, CancellationToken cancellationToken)
    {
        var users = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where roles.Contains(role.Name!) && (unitId == null || user.UnitId == unitId)
            select new { user.Id, user.UserName, user.Email, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        // A locked account (left, or disabled by the administrator) is not written to.
        return users
            .Where(u => u.LockoutEnd is not { } end || end.UtcDateTime <= now)
            .Where(u => userNames is null || userNames.Contains(u.UserName ?? ""))
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new Recipient(u.Id, string.IsNullOrWhiteSpace(u.Email) ? null : u.Email))
            .ToList();
    }
}
