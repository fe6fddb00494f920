using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Application.Demo;

/// <summary>
/// Gives a demo campaign a survey: the demo questionnaire (labelled sample), a quota per unit and a
/// generated response file imported through the real import path (bulk sink, validation,
/// re-scoring), so the survey leaves, SIPAS and quota progress of the demo come from stored answers.
/// </summary>
public sealed class DemoSurveySeeder(ParIndexDbContext db, SurveyCampaignImporter importer)
{
    /// <summary>The margin of the demo quotas (5%).</summary>
    public const decimal Margin = 0.05m;

    public async Task SeedAsync(Campaign campaign, Framework framework, IReadOnlyList<(int UnitId, string Code, long Population)> units,
        int respondentsPerUnit, int seed, string importedBy, DateTime now, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, decimal>? qualities = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(units);
        var template = DemoSurvey.Questionnaire(framework, campaign.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var questionnaire = new Questionnaire
        {
            Id = template.Id,
            Title = template.Title + " (dữ liệu mẫu)",
            FrameworkId = template.FrameworkId,
            Campaign = template.Campaign,
            RespondentGroup = template.RespondentGroup,
            RespondentGroupLabel = template.RespondentGroupLabel,
            Questions = template.Questions,
        };
        var record = new SurveyQuestionnaireRecord
        {
            CampaignId = campaign.Id,
            Code = questionnaire.Id,
            RespondentGroup = questionnaire.RespondentGroup,
            Title = questionnaire.Title,
            Json = QuestionnaireFile.ToJson(questionnaire),
            UpdatedAt = now,
            UpdatedBy = importedBy,
        };
        db.SurveyQuestionnaires.Add(record);
        foreach (var unit in units)
        {
            db.SurveyQuotaTargets.Add(new SurveyQuotaTarget { CampaignId = campaign.Id, UnitId = unit.UnitId, RespondentGroup = questionnaire.RespondentGroup, Population = unit.Population, Margin = Margin });
        }

        await db.SaveChangesAsync(cancellationToken);
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
            {
                DemoSurveyGenerator.WriteWideCsv(writer, questionnaire, units.Select(u => u.Code).ToList(), respondentsPerUnit, seed, qualities);
            }

            content = buffer.ToArray();
        }

        var file = ResponseFile.FromBytes($"khao-sat-mau-{campaign.Year}.csv", content);
        var result = await importer.ImportAsync(campaign.Id, record.Id, file, new SurveyColumnMapping(), importedBy, cancellationToken);
        if (result.Status != SurveyImportStatus.Imported)
        {
            throw new InvalidOperationException($"Dữ liệu khảo sát mẫu không nhập được: {string.Join("; ", result.Report.Problems)}");
        }
    }
}
