using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;

namespace ParIndex.Application.Campaigns;

/// <summary>
/// Whether a campaign runs its framework's sociological survey (ADR 0127). When it does not, every
/// index is taken over the self-assessed maximum and the results say so.
/// </summary>
public sealed class SurveyRunService(ParIndexDbContext db, TimeProvider clock)
{
    public async Task<bool> SurveyNotRunAsync(int campaignId, CancellationToken cancellationToken) =>
        (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) ?? throw NoCampaign(campaignId)).SurveyNotRun;

    public async Task SetSurveyNotRunAsync(int campaignId, bool notRun, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAdministrator && !user.IsCoordinator)
        {
            throw DomainException.Forbidden("Chỉ cơ quan thường trực hoặc quản trị hệ thống quyết định có điều tra xã hội học hay không.",
                "Only the coordinator or the administrator decides whether the survey is run.");
        }

        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) ?? throw NoCampaign(campaignId);
        if (campaign.PublishedAt is not null)
        {
            throw DomainException.Locked("Kỳ đánh giá đã công bố kết quả: không thay đổi được cách tính chỉ số.",
                "The campaign's results are published: how the index is taken cannot change.");
        }

        if (campaign.SurveyNotRun == notRun)
        {
            return;
        }

        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = nameof(Campaign),
            Field = nameof(Campaign.SurveyNotRun),
            OldValue = campaign.SurveyNotRun ? "true" : "false",
            NewValue = notRun ? "true" : "false",
            Reason = $"Kỳ đánh giá {campaign.Id}: {(notRun ? "không thực hiện điều tra xã hội học" : "có thực hiện điều tra xã hội học")}",
        });
        campaign.SurveyNotRun = notRun;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DomainException NoCampaign(int id) => DomainException.NotFound($"Không có kỳ đánh giá số {id}.", $"There is no campaign number {id}.");
}
