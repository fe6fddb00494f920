using System.Globalization;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Demo;

/// <summary>
/// A demo questionnaire over a framework's survey leaves: one question per leaf. Satisfaction
/// leaves (titles starting "Chỉ số hài lòng", field 8 of the 2023 provincial framework) get a
/// Likert 1–5 scale; the others the A/B/C/D scale (100/60/20/0%) with E = không biết.
/// For demonstrations and benchmarks, not an official SIPAS questionnaire.
/// </summary>
public static class DemoSurvey
{
    public const string RespondentGroup = "tong-hop";

    public static Questionnaire Questionnaire(Framework framework, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var questions = framework.Leaves().Where(l => l.IsSurvey).Select(leaf => new SurveyQuestion
        {
            Code = QuestionCode(leaf.Code),
            Text = leaf.Title,
            LeafCode = leaf.Code,
            Scale = IsSatisfaction(leaf) ? SatisfactionScale : AbcdScale,
        }).ToList();
        return new Questionnaire
        {
            Id = $"demo-{framework.Id}",
            Title = $"Phiếu khảo sát mẫu — {framework.Title}",
            FrameworkId = framework.Id,
            Campaign = campaign ?? framework.Year.ToString(CultureInfo.InvariantCulture),
            RespondentGroup = RespondentGroup,
            RespondentGroupLabel = "Tổng hợp các nhóm đối tượng (dữ liệu mẫu)",
            Questions = questions,
        };
    }

    /// <summary><c>2.4.1</c> → <c>Q2_4_1</c>: survey tools (KoboToolbox, ODK) forbid dots in column names.</summary>
    public static string QuestionCode(string leafCode) => "Q" + leafCode.Replace('.', '_');

    public static OptionScale AbcdScale { get; } = new(
    [
        new AnswerOption("A", "Rất tốt", 1m),
        new AnswerOption("B", "Tốt", 0.6m),
        new AnswerOption("C", "Chưa tốt", 0.2m),
        new AnswerOption("D", "Kém", 0m),
        new AnswerOption("E", "Không biết", null),
    ]);

    public static LikertScale SatisfactionScale { get; } = new(invalidAnswers: [new AnswerOption("0", "Không biết / không trả lời", null)]);

    private static bool IsSatisfaction(FrameworkNode leaf) =>
        leaf.Title.StartsWith("Chỉ số hài lòng", StringComparison.OrdinalIgnoreCase);
}
