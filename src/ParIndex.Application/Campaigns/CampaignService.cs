using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Numbers;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;

namespace ParIndex.Application.Campaigns;

/// <summary>Campaigns, deadlines and assignments: the coordinator's work.</summary>
public sealed class CampaignService(ParIndexDbContext db, FrameworkCache frameworks, TimeProvider clock)
{
    /// <summary>The most units one campaign may cover: above the ≈11 000 of a national deployment (SPEC 1). ADR 0109.</summary>
    public const int MaxUnitsPerCampaign = 20_000;

    public async Task<IReadOnlyList<FrameworkView>> FrameworksAsync(CancellationToken cancellationToken) =>
        (await db.Frameworks.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(f => f.Year).ThenBy(f => f.FrameworkId, StringComparer.Ordinal)
            .Select(f => new FrameworkView(f.Id, f.FrameworkId, f.Version, f.Year, f.Title, f.UnitKind)).ToList();

    public async Task<IReadOnlyList<CampaignView>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var list = new List<CampaignView>();
        foreach (var id in ids)
        {
            list.Add(await GetAsync(id, cancellationToken));
        }

        return list;
    }

    /// <summary>Every campaign, newest year first, with its framework and how many units are in each state (two queries).</summary>
    public async Task<IReadOnlyList<CampaignSummaryView>> SummariesAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Framework).ToListAsync(cancellationToken);
        var states = (await db.Assessments.AsNoTracking().GroupBy(a => new { a.CampaignId, a.Status })
                .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(s => s.CampaignId);
        return campaigns.OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new CampaignSummaryView(c.Id, c.Name, c.Year, c.FrameworkRecordId, c.Framework!.FrameworkId, c.Framework.Version, c.Framework.Title,
                states[c.Id].Sum(s => s.Count),
                states[c.Id].OrderBy(s => s.Status).ToDictionary(s => s.Status.ToString(), s => s.Count, StringComparer.Ordinal),
                c.PublishedAt, c.IsSample, c.PreviousCampaignId))
            .ToList();
    }

    public async Task<CampaignView> GetAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Framework).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {id}.", $"There is no campaign number {id}.");
        var assessments = await db.Assessments.AsNoTracking()
            .Include(a => a.Unit)
            .Include(a => a.Assignments).ThenInclude(x => x.ContributingUnit)
            .Where(a => a.CampaignId == id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new CampaignView(campaign.Id, campaign.Name, campaign.Year, campaign.FrameworkRecordId, campaign.Framework!.Title, campaign.SelfAssessmentDeadline,
            assessments.OrderBy(a => a.Unit!.Name, StringComparer.Ordinal)
                .Select(a => new CampaignUnitView(a.Id, a.UnitId, a.Unit!.Name, StatusLabels.Vietnamese(a.Status), a.DeadlineException,
                    a.Assignments.OrderBy(x => x.CodePrefix, StringComparer.Ordinal)
                        .Select(x => new AssignmentView(x.Id, x.CodePrefix, x.ContributingUnitId, x.ContributingUnit!.Name)).ToList()))
                .ToList(),
            campaign.PublishedAt);
    }

    public Task<CampaignView> CreateAsync(CampaignRequest request, CancellationToken cancellationToken) => CreateAsync(request, null, cancellationToken);

    /// <param name="user">Named in the history as the campaign's creator when given (the CLI's operator).</param>
    public async Task<CampaignView> CreateAsync(CampaignRequest request, CurrentUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = TextInput.Line(request.Name, "name", "Tên kỳ đánh giá", TextLimits.Name) ?? "";
        if (name.Length == 0)
        {
            throw DomainException.Invalid("Tên kỳ đánh giá là bắt buộc.", "The campaign name is required.");
        }

        if (request.Year is < 2000 or > 2100)
        {
            throw DomainException.Invalid($"Năm {request.Year} không hợp lệ.", $"The year {request.Year} is not valid.");
        }

        _ = await db.Frameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == request.FrameworkRecordId, cancellationToken)
            ?? throw DomainException.Invalid("Chưa chọn bộ tiêu chí hợp lệ.", "No valid criteria framework was chosen.");
        var unitIds = (request.UnitIds ?? []).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            throw DomainException.Invalid("Chọn ít nhất một đơn vị được đánh giá.", "Choose at least one unit to assess.");
        }

        if (unitIds.Count > MaxUnitsPerCampaign)
        {
            throw new FieldValidationException("unitIds",
                $"Một kỳ đánh giá có tối đa {VietnameseNumbers.FormatPoints(MaxUnitsPerCampaign)} đơn vị; đã chọn {VietnameseNumbers.FormatPoints(unitIds.Count)}.",
                $"A campaign has at most {MaxUnitsPerCampaign} units; {unitIds.Count} were chosen.");
        }

        // All unit ids at once (a national deployment has ≈11 000 units) rather than one SQL
        // parameter per requested id, which SQLite and PostgreSQL both cap.
        var known = (await db.Units.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var missing = unitIds.Where(u => !known.Contains(u)).ToList();
        if (missing.Count > 0)
        {
            throw new FieldValidationException("unitIds",
                $"Không có đơn vị số {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? $" (và {missing.Count - 20} đơn vị khác)" : "")}.",
                $"No unit with id {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? $" (and {missing.Count - 20} more)" : "")}.");
        }

        var campaign = new Campaign
        {
            Name = name,
            Year = request.Year,
            FrameworkRecordId = request.FrameworkRecordId,
            SelfAssessmentDeadline = request.SelfAssessmentDeadline is { } d ? ToUtc(d) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        foreach (var unitId in unitIds)
        {
            db.Assessments.Add(new Assessment { Campaign = campaign, UnitId = unitId });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (user is not null)
        {
            // The history has no campaign column: the new id goes into the value.
            Record(user, null, "Created", null, $"{campaign.Id}: {campaign.Name}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(campaign.Id, cancellationToken);
    }

    public async Task<CampaignView> SetDeadlineAsync(int id, DateTime? deadline, CurrentUser user, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {id}.", $"There is no campaign number {id}.");
        EditLocks.EnsureOpen(campaign);
        var value = deadline is { } d ? ToUtc(d) : (DateTime?)null;
        Record(user, null, "SelfAssessmentDeadline", campaign.SelfAssessmentDeadline, value);
        campaign.SelfAssessmentDeadline = value;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>A per-unit exception to the deadline (null removes it).</summary>
    public async Task<CampaignView> SetDeadlineExceptionAsync(int assessmentId, DateTime? deadline, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.Include(a => a.Campaign).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken) ?? throw DomainException.NotFound($"Không có bản tự đánh giá số {assessmentId}.", $"There is no self-assessment number {assessmentId}.");
        EditLocks.EnsureNotFrozen(assessment);
        var value = deadline is { } d ? ToUtc(d) : (DateTime?)null;
        Record(user, assessmentId, "DeadlineException", assessment.DeadlineException, value);
        assessment.DeadlineException = value;
        assessment.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(assessment.CampaignId, cancellationToken);
    }

    public async Task<CampaignView> AssignAsync(int assessmentId, AssignmentRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessment = await db.Assessments.Include(a => a.Campaign).Include(a => a.Assignments).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có bản tự đánh giá số {assessmentId}.", $"There is no self-assessment number {assessmentId}.");
        EditLocks.EnsureNotFrozen(assessment);
        var framework = await frameworks.GetAsync(db, assessment.Campaign!.FrameworkRecordId, cancellationToken);
        var prefix = TextInput.Line(request.CodePrefix, "codePrefix", "Mã tiêu chí", TextLimits.CriterionCode) ?? "";
        if (framework.Find(prefix) is null)
        {
            throw DomainException.Invalid($"Bộ tiêu chí không có mã \"{prefix}\".", $"The framework has no code \"{prefix}\".");
        }

        if (request.ContributingUnitId == assessment.UnitId || !await db.Units.AnyAsync(u => u.Id == request.ContributingUnitId, cancellationToken))
        {
            throw DomainException.Invalid("Đơn vị được giao không hợp lệ.", "The assigned unit is not valid.");
        }

        var existing = assessment.Assignments.FirstOrDefault(a => a.CodePrefix == prefix);
        Record(user, assessmentId, "Assignment " + prefix, existing?.ContributingUnitId, request.ContributingUnitId);
        if (existing is null)
        {
            assessment.Assignments.Add(new Assignment { CodePrefix = prefix, ContributingUnitId = request.ContributingUnitId });
        }
        else
        {
            existing.ContributingUnitId = request.ContributingUnitId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(assessment.CampaignId, cancellationToken);
    }

    public async Task<CampaignView> UnassignAsync(int assessmentId, int assignmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.Include(a => a.Assessment).ThenInclude(a => a!.Campaign).SingleOrDefaultAsync(a => a.Id == assignmentId && a.AssessmentId == assessmentId, cancellationToken)
            ?? throw DomainException.NotFound("Không tìm thấy phân công.", "The assignment was not found.");
        EditLocks.EnsureNotFrozen(assignment.Assessment!);
        Record<int?>(user, assessmentId, "Assignment " + assignment.CodePrefix, assignment.ContributingUnitId, null);
        db.Assignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(assignment.Assessment!.CampaignId, cancellationToken);
    }

    private void Record<T>(CurrentUser user, int? assessmentId, string field, T? oldValue, T? newValue)
    {
        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = assessmentId is null ? nameof(Campaign) : nameof(Assessment),
            AssessmentId = assessmentId,
            Field = field,
            OldValue = Convert.ToString(oldValue, System.Globalization.CultureInfo.InvariantCulture),
            NewValue = Convert.ToString(newValue, System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Deadlines without a zone are taken as Vietnam time (UTC+7), the time users mean.</summary>
    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.AddHours(-7), DateTimeKind.Utc),
    };
}
