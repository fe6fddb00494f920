using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Surveys;

/// <summary>
/// Checks a questionnaire against the framework it scores: every linked leaf exists and is a
/// survey leaf, codes and keys are unique, shares lie within 0..1, a Likert scale has five levels.
/// Returns every problem rather than stopping at the first, so an author fixes the file in one go.
/// </summary>
public static class QuestionnaireValidator
{
    public static IReadOnlyList<QuestionnaireProblem> Validate(Questionnaire questionnaire, Framework framework)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(framework);
        var problems = new List<QuestionnaireProblem>();
        if (string.IsNullOrWhiteSpace(questionnaire.Id))
        {
            problems.Add(new("id", "Mã phiếu khảo sát không được để trống."));
        }

        if (string.IsNullOrWhiteSpace(questionnaire.RespondentGroup))
        {
            problems.Add(new("respondentGroup", "Nhóm đối tượng khảo sát không được để trống."));
        }

        if (questionnaire.FrameworkId != framework.Id)
        {
            problems.Add(new("frameworkId", $"Phiếu khảo sát dùng cho bộ tiêu chí \"{questionnaire.FrameworkId}\", không phải \"{framework.Id}\"."));
        }

        if (questionnaire.Questions.Count == 0)
        {
            problems.Add(new("questions", "Phiếu khảo sát chưa có câu hỏi nào."));
        }

        var leaves = framework.AllNodes().ToDictionary(n => n.Code, StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var question in questionnaire.Questions)
        {
            var code = string.IsNullOrWhiteSpace(question.Code) ? "(câu không mã)" : question.Code;
            if (string.IsNullOrWhiteSpace(question.Code))
            {
                problems.Add(new(code, "Mã câu hỏi không được để trống."));
            }
            else if (!codes.Add(question.Code.Trim()))
            {
                problems.Add(new(code, $"Mã câu hỏi {question.Code} bị trùng."));
            }

            if (!leaves.TryGetValue(question.LeafCode, out var leaf))
            {
                problems.Add(new(code, $"Tiêu chí {question.LeafCode} không có trong bộ tiêu chí {framework.Id}."));
            }
            else if (!leaf.IsSurvey)
            {
                problems.Add(new(code, $"Tiêu chí {leaf.Code} không phải tiêu chí đánh giá qua điều tra xã hội học."));
            }

            ValidateScale(code, question.Scale, problems);
        }

        return problems;
    }

    private static void ValidateScale(string code, AnswerScale scale, List<QuestionnaireProblem> problems)
    {
        if (scale is LikertScale likert)
        {
            if (likert.Shares.Count != LikertScale.Levels)
            {
                problems.Add(new(code, $"Thang Likert cần đúng {LikertScale.Levels} tỷ lệ điểm (mức 1 đến 5), đang có {likert.Shares.Count}."));
            }

            if (likert.Labels.Count != LikertScale.Levels)
            {
                problems.Add(new(code, $"Thang Likert cần đúng {LikertScale.Levels} nhãn, đang có {likert.Labels.Count}."));
            }

            foreach (var level in likert.SatisfiedLevels.Where(l => l is < 1 or > LikertScale.Levels))
            {
                problems.Add(new(code, $"Mức hài lòng {level} nằm ngoài thang 1–5."));
            }
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in scale.Options)
        {
            var where = $"{code}/{option.Key}";
            if (string.IsNullOrWhiteSpace(option.Key))
            {
                problems.Add(new(code, "Phương án trả lời có mã để trống."));
                continue;
            }

            if (!keys.Add(option.Key.Trim()))
            {
                problems.Add(new(where, $"Mã phương án {option.Key} bị trùng."));
            }

            if (option.Share is { } share && (share < 0 || share > 1))
            {
                problems.Add(new(where, $"Tỷ lệ điểm {VietnameseNumbers.FormatPoints(share)} phải từ 0 đến 1 (0% đến 100%)."));
            }
        }

        if (!scale.Options.Any(o => o.IsValid))
        {
            problems.Add(new(code, "Cần ít nhất một phương án hợp lệ (có tỷ lệ điểm)."));
        }
    }
}
