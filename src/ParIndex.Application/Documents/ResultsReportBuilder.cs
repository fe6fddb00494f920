using ParIndex.Application.Results;
using ParIndex.Documents.Results;

namespace ParIndex.Application.Documents;

/// <summary>
/// The results report (field indices and radar chart) of one unit, from its published score card:
/// the same figures the public page shows, final and survey points included.
/// </summary>
public static class ResultsReportBuilder
{
    public static ResultsReportDocument FromScoreCard(UnitScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var unit = card.Unit;
        var fields = unit.Fields.Select(f => new FieldResult(f.Code, f.Title, f.Max, f.Points)).ToList();
        return new ResultsReportDocument
        {
            TitleLines = [ResultsReportFactory.Heading, $"{unit.UnitName.ToUpperInvariant()} NĂM {card.Campaign.Year}"],
            Subtitle = $"{card.Campaign.CampaignName} — xếp hạng {unit.Rank}{(unit.Tied ? " (đồng hạng)" : "")}"
                       + (card.Campaign.IsSample ? " — dữ liệu mẫu" : ""),
            Fields = fields,
            TotalMax = unit.Max,
            TotalPoints = unit.Points,
            Notes = card.Campaign.SurveyNotRun ? [CampaignResults.SurveyNotRunVietnamese] : [],
            Satisfaction = card.Sipas.Select(c => new SatisfactionResult(c.Component, c.Title, c.ValidAnswers, c.SatisfiedAnswers, c.Percent)).ToList(),
        };
    }
}
