using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

/// <summary>A small framework with three survey leaves and a questionnaire over them, for hand-checked scores.</summary>
internal static class SurveyTestData
{
    public static Framework Framework { get; } = new()
    {
        Id = "test-survey",
        Version = "1",
        Year = 2023,
        Title = "Thử nghiệm điều tra",
        Nodes =
        [
            Node("2", Node("2.4", Leaf("2.4.1", 1m, SurveyRule.Instance), Leaf("2.4.2", 1m))),
            Node("8", Node("8.1", Leaf("8.1.1", 1.5m, SurveyRule.Instance), Leaf("8.1.2", 2m, SurveyRule.Instance))),
        ],
    };

    /// <summary>A = 100%, B = 60%, C = 20%, D = 0%, E = không biết (not valid).</summary>
    public static OptionScale Abcd { get; } = new(
    [
        new AnswerOption("A", "Rất tốt", 1m),
        new AnswerOption("B", "Tốt", 0.6m),
        new AnswerOption("C", "Chưa tốt", 0.2m),
        new AnswerOption("D", "Kém", 0m),
        new AnswerOption("E", "Không biết", null),
    ]);

    /// <summary>Likert 1–5 with shares 0; 0,25; 0,5; 0,75; 1, satisfied 4–5, "0" = không biết.</summary>
    public static LikertScale Likert { get; } = new(invalidAnswers: [new AnswerOption("0", "Không biết", null)]);

    public static Questionnaire Questionnaire { get; } = new()
    {
        Id = "thu-nghiem-nguoi-dan",
        Title = "Phiếu thử nghiệm",
        FrameworkId = "test-survey",
        RespondentGroup = "nguoi-dan",
        RespondentGroupLabel = "Người dân",
        Questions =
        [
            new SurveyQuestion { Code = "Q1", Text = "Tính hợp lý của văn bản", LeafCode = "2.4.1", Scale = Abcd },
            new SurveyQuestion { Code = "Q2", Text = "Hài lòng về tiếp cận dịch vụ", LeafCode = "8.1.1", Scale = Likert },
            new SurveyQuestion { Code = "Q3", Text = "Hài lòng về tổ chức giải quyết", LeafCode = "8.1.2", Scale = Likert },
        ],
    };

    private static FrameworkNode Leaf(string code, decimal max, ScoringRule? rule = null) =>
        new() { Code = code, Title = $"Tiêu chí {code}", Max = max, Rule = rule };

    private static FrameworkNode Node(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Nút {code}", Max = children.Sum(c => c.Max), Children = children };
}
