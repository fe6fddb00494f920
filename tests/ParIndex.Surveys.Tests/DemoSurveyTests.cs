using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Surveys.Tests;

public class DemoSurveyTests
{
    private static readonly string[] Units = ["BAC-GIANG", "BAC-NINH", "HA-NAM", "LANG-SON", "THAI-NGUYEN"];

    private static (string Csv, DemoSurveyLabels Labels) Generate(int seed, int respondents = 40)
    {
        var questionnaire = DemoSurvey.Questionnaire(BuiltInFrameworks.Province2023);
        using var writer = new StringWriter();
        var labels = DemoSurveyGenerator.WriteWideCsv(writer, questionnaire, Units, respondents, seed);
        return (writer.ToString(), labels);
    }

    [Fact]
    public void Demo_questionnaire_covers_every_survey_leaf_of_the_2023_framework()
    {
        var framework = BuiltInFrameworks.Province2023;
        var questionnaire = DemoSurvey.Questionnaire(framework);
        Assert.Empty(QuestionnaireValidator.Validate(questionnaire, framework));
        Assert.Equal(framework.Leaves().Count(l => l.IsSurvey), questionnaire.Questions.Count);
        Assert.Equal(32m, questionnaire.Questions.Sum(q => framework.Find(q.LeafCode)!.Max));
        Assert.IsType<LikertScale>(questionnaire.Find("Q8_1_3")!.Scale);
        Assert.IsType<OptionScale>(questionnaire.Find("Q2_4_1")!.Scale);
    }

    [Fact]
    public void Same_seed_same_file_other_seed_other_file()
    {
        Assert.Equal(Generate(7).Csv, Generate(7).Csv);
        Assert.NotEqual(Generate(7).Csv, Generate(8).Csv);
    }

    [Fact]
    public async Task Generated_file_imports_and_scores_follow_the_labels()
    {
        var framework = BuiltInFrameworks.Province2023;
        var questionnaire = DemoSurvey.Questionnaire(framework);
        var (csv, labels) = Generate(2023, respondents: 200);
        var file = ResponseFile.FromBytes("demo.csv", Encoding.UTF8.GetBytes(csv));

        var result = await SurveyImporter.ImportAsync(file, questionnaire, framework, new SurveyColumnMapping(), new InMemorySurveyAnswerSink(retainAnswers: false));

        Assert.Equal(SurveyImportStatus.Imported, result.Status);
        Assert.Equal(1000, result.Report.Respondents);
        Assert.Empty(result.Report.UnmatchedQuestions);
        var byQuality = labels.UnitQuality.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToList();
        var byPoints = Units.OrderBy(u => result.Scores!.TotalPoints(u)).ToList();
        Assert.Equal(byQuality[0], byPoints[0]);
        Assert.Equal(byQuality[^1], byPoints[^1]);
        Assert.All(Units, u => Assert.InRange(result.Scores!.TotalPoints(u), 0m, 32m));
    }
}
