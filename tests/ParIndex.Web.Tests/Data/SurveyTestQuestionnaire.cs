using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;

namespace ParIndex.Web.Tests.Data;

/// <summary>The two-question questionnaire of the survey import tests (their figures are worked out by hand on it).</summary>
internal static class SurveyTestQuestionnaire
{
    /// <summary>Q1 → 2.4.1 (max 1) on A/B/C/D/E; Q2 → 8.1.3 (max 2,5) on Likert 1–5 with 0 = không biết.</summary>
    public static Questionnaire Create(string id, string title) => new()
    {
        Id = id,
        Title = title,
        FrameworkId = BuiltInFrameworks.Province2023.Id,
        RespondentGroup = "nguoi-dan",
        Questions =
        [
            new SurveyQuestion { Code = "Q1", Text = "Tính đồng bộ", LeafCode = "2.4.1", Scale = DemoSurvey.AbcdScale },
            new SurveyQuestion { Code = "Q2", Text = "Hài lòng về công chức", LeafCode = "8.1.3", Scale = DemoSurvey.SatisfactionScale },
        ],
    };
}
