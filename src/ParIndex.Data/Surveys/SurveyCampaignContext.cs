using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data.Campaigns;

namespace ParIndex.Data.Surveys;

/// <summary>
/// What survey import and scoring need of a campaign: its framework, its assessed units (code →
/// id, the units of its assessments) and its questionnaires parsed from their stored files.
/// </summary>
internal sealed record SurveyCampaignContext(
    Campaign Campaign,
    Framework Framework,
    IReadOnlyDictionary<string, int> UnitIds,
    IReadOnlyDictionary<int, Questionnaire> Questionnaires)
{
    public const string PublishedMessage = "Kết quả kỳ đánh giá đã được công bố: không thể thay đổi dữ liệu điều tra.";

    public const string PublishedMessageEnglish = "The campaign results are published: the survey data cannot be changed.";

    public static async Task<SurveyCampaignContext> LoadAsync(ParIndexDbContext db, int campaignId, bool forWrite, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Framework)
            .SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken).ConfigureAwait(false)
            ?? throw new SurveyCampaignException(SurveyCampaignProblem.NotFound, $"Không có kỳ đánh giá {campaignId}.", $"There is no campaign {campaignId}.");
        if (forWrite && campaign.PublishedAt is not null)
        {
            throw new SurveyCampaignException(SurveyCampaignProblem.Conflict, PublishedMessage, PublishedMessageEnglish);
        }

        var framework = FrameworkFile.Read(campaign.Framework!.Json);
        var units = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Unit!.Code, a.UnitId })
            .ToDictionaryAsync(u => u.Code, u => u.UnitId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var records = await db.SurveyQuestionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var questionnaires = new Dictionary<int, Questionnaire>();
        foreach (var record in records)
        {
            try
            {
                questionnaires.Add(record.Id, QuestionnaireFile.Read(record.Json));
            }
            catch (QuestionnaireFormatException ex)
            {
                throw new SurveyCampaignException(SurveyCampaignProblem.Invalid, $"Phiếu khảo sát {record.Code} lưu trong hệ thống bị lỗi: {ex.Message}",
                    $"The stored questionnaire {record.Code} is damaged.");
            }
        }

        return new SurveyCampaignContext(campaign, framework, units, questionnaires);
    }
}
