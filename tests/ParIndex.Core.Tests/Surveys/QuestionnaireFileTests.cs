using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class QuestionnaireFileTests
{
    private const string Sample = """
        {
          "format": "parindex-questionnaire/1",
          "id": "thu-nghiem",
          "title": "Phiếu thử nghiệm",
          "frameworkId": "test-survey",
          "respondentGroup": "nguoi-dan",
          "questions": [
            {
              "code": "Q1",
              "text": "Tính hợp lý",
              "leaf": "2.4.1",
              "scale": {
                "type": "options",
                "options": [
                  { "key": "A", "label": "Rất tốt", "share": 1 },
                  { "key": "B", "label": "Tốt", "share": 0.6 },
                  { "key": "E", "label": "Không biết", "share": "invalid" }
                ]
              }
            },
            { "code": "Q2", "text": "Hài lòng", "leaf": "8.1.1", "component": "Tiếp cận", "scale": { "type": "likert", "invalid": [{ "key": "0", "label": "Không biết" }] } }
          ]
        }
        """;

    [Fact]
    public void Reads_options_invalid_share_and_likert_defaults()
    {
        var q = QuestionnaireFile.Read(Sample);
        Assert.Equal("thu-nghiem", q.Id);
        var q1 = q.Questions[0];
        Assert.Equal("2.4.1", q1.LeafCode);
        Assert.Equal([1m, 0.6m, null], q1.Scale.Options.Select(o => o.Share));
        Assert.False(q1.Scale.Options[2].IsValid);
        var q2 = q.Questions[1];
        Assert.Equal("Tiếp cận", q2.EffectiveComponent);
        Assert.Equal(["1", "2", "3", "4", "5", "0"], q2.Scale.Options.Select(o => o.Key));
        Assert.Equal([false, false, false, true, true, false], q2.Scale.Options.Select(o => o.Satisfied));
        Assert.Equal(0.75m, q2.Scale.Find(" 4 ")!.Share);
        Assert.Empty(QuestionnaireValidator.Validate(q, SurveyTestData.Framework));
    }

    [Fact]
    public void Write_read_write_is_byte_identical_and_keeps_vietnamese_readable()
    {
        var first = QuestionnaireFile.ToJson(SurveyTestData.Questionnaire);
        var second = QuestionnaireFile.ToJson(QuestionnaireFile.Read(first));
        Assert.Equal(first, second);
        Assert.Contains("\"Không biết\"", first, StringComparison.Ordinal);
        Assert.Contains("\"share\": \"invalid\"", first, StringComparison.Ordinal);
        Assert.Contains("\"share\": 0.6", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_named_by_its_path()
    {
        var json = Sample.Replace("\"share\": 0.6", "\"shares\": 0.6", StringComparison.Ordinal);
        var ex = Assert.Throws<QuestionnaireFormatException>(() => QuestionnaireFile.Read(json));
        Assert.Equal("questions[0].scale.options[1].shares", ex.Path);
    }

    [Fact]
    public void Share_as_text_other_than_invalid_is_an_error()
    {
        var json = Sample.Replace("\"share\": 0.6", "\"share\": \"60%\"", StringComparison.Ordinal);
        var ex = Assert.Throws<QuestionnaireFormatException>(() => QuestionnaireFile.Read(json));
        Assert.Equal("questions[0].scale.options[1].share", ex.Path);
    }

    [Fact]
    public void Syntax_error_names_the_line()
    {
        var ex = Assert.Throws<QuestionnaireFormatException>(() => QuestionnaireFile.Read("{\n  \"format\": \"parindex-questionnaire/1\",\n  \"id\" \"x\"\n}"));
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Validator_reports_every_problem()
    {
        var bad = new Questionnaire
        {
            Id = "x",
            Title = "x",
            FrameworkId = "test-survey",
            RespondentGroup = "g",
            Questions =
            [
                new SurveyQuestion { Code = "Q1", Text = "t", LeafCode = "2.4.2", Scale = SurveyTestData.Abcd },
                new SurveyQuestion { Code = "q1", Text = "t", LeafCode = "9.9.9", Scale = SurveyTestData.Abcd },
                new SurveyQuestion
                {
                    Code = "Q3", Text = "t", LeafCode = "8.1.1",
                    Scale = new OptionScale([new AnswerOption("A", "a", 1.2m), new AnswerOption("a", "b", 0m)]),
                },
                new SurveyQuestion { Code = "Q4", Text = "t", LeafCode = "8.1.2", Scale = new LikertScale(shares: [0m, 1m], satisfiedLevels: [6]) },
            ],
        };
        var problems = QuestionnaireValidator.Validate(bad, SurveyTestData.Framework).Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("Q1:", StringComparison.Ordinal) && p.Contains("không phải tiêu chí đánh giá qua điều tra", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("q1:", StringComparison.Ordinal) && p.Contains("bị trùng", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("q1:", StringComparison.Ordinal) && p.Contains("9.9.9", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q3/A:", StringComparison.Ordinal) && p.Contains("1,2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q3/a:", StringComparison.Ordinal) && p.Contains("bị trùng", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q4:", StringComparison.Ordinal) && p.Contains("5 tỷ lệ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q4:", StringComparison.Ordinal) && p.Contains("Mức hài lòng 6", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void Validator_checks_the_framework_id()
    {
        var problems = QuestionnaireValidator.Validate(SurveyTestData.Questionnaire, BuiltInFrameworks.Province2023);
        Assert.Contains(problems, p => p.Where == "frameworkId");
    }
}
