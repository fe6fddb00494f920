using ParIndex.Core.Surveys;

namespace ParIndex.Application.Surveys;

/// <summary>
/// The questionnaire editor's form: the questionnaire's head and a table of question rows whose
/// scales are typed in the one-line form of <see cref="ScaleText"/>. Bound from the page's form
/// fields (<c>Form.Rows[2].LeafCode</c>).
/// </summary>
public sealed class QuestionnaireForm
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? RespondentGroup { get; set; }

    public string? RespondentGroupLabel { get; set; }

    public List<QuestionRowForm> Rows { get; set; } = [];

    /// <summary>The form of a stored questionnaire, for editing.</summary>
    public static QuestionnaireForm From(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return new QuestionnaireForm
        {
            Code = questionnaire.Id,
            Title = questionnaire.Title,
            RespondentGroup = questionnaire.RespondentGroup,
            RespondentGroupLabel = questionnaire.RespondentGroupLabel,
            Rows = questionnaire.Questions.Select(q => new QuestionRowForm
            {
                Code = q.Code,
                Text = q.Text,
                LeafCode = q.LeafCode,
                Component = q.Component,
                Scale = q.Scale is LikertScale ? ScaleText.Likert : ScaleText.Options,
                ScaleText = ScaleText.Format(q.Scale),
            }).ToList(),
        };
    }

    /// <summary>
    /// The questionnaire this form describes, or the row-level problems that stop it (row = the
    /// question's number in the table). The framework check comes after, in the service.
    /// </summary>
    public (Questionnaire? Questionnaire, IReadOnlyList<SurveyProblem> Problems) ToQuestionnaire(string frameworkId, string? campaign)
    {
        var problems = new List<SurveyProblem>();
        void Head(string column, string label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new SurveyProblem(null, column, label, $"{label} không được để trống."));
            }
        }

        Head("code", "Mã phiếu", Code);
        Head("title", "Tên phiếu", Title);
        Head("respondentGroup", "Mã nhóm đối tượng", RespondentGroup);
        if (Rows.Count == 0)
        {
            problems.Add(new SurveyProblem(null, "questions", "Danh sách câu hỏi", "Phiếu khảo sát chưa có câu hỏi nào."));
        }

        var questions = new List<SurveyQuestion>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var number = i + 1;
            var where = $"Câu hỏi thứ {number}" + (string.IsNullOrWhiteSpace(row.Code) ? "" : $" ({row.Code.Trim()})");
            void Problem(string column, string message) => problems.Add(new SurveyProblem(number, column, where, message));
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                Problem("code", "Chưa nhập mã câu hỏi.");
            }

            if (string.IsNullOrWhiteSpace(row.Text))
            {
                Problem("text", "Chưa nhập nội dung câu hỏi.");
            }

            if (string.IsNullOrWhiteSpace(row.LeafCode))
            {
                Problem("leaf", "Chưa chọn tiêu chí điều tra xã hội học.");
            }

            var scale = ScaleText.TryParse(row.Scale ?? ScaleText.Options, row.ScaleText, out var scaleErrors);
            foreach (var error in scaleErrors)
            {
                Problem("scale", error);
            }

            if (scale is not null)
            {
                questions.Add(new SurveyQuestion
                {
                    Code = (row.Code ?? "").Trim(),
                    Text = (row.Text ?? "").Trim(),
                    LeafCode = (row.LeafCode ?? "").Trim(),
                    Component = string.IsNullOrWhiteSpace(row.Component) ? null : row.Component.Trim(),
                    Scale = scale,
                });
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new Questionnaire
        {
            Id = Code!.Trim(),
            Title = Title!.Trim(),
            FrameworkId = frameworkId,
            Campaign = campaign,
            RespondentGroup = RespondentGroup!.Trim(),
            RespondentGroupLabel = string.IsNullOrWhiteSpace(RespondentGroupLabel) ? null : RespondentGroupLabel.Trim(),
            Questions = questions,
        }, problems);
    }
}

/// <summary>One question row of the editor.</summary>
public sealed class QuestionRowForm
{
    public string? Code { get; set; }

    public string? Text { get; set; }

    public string? LeafCode { get; set; }

    public string? Component { get; set; }

    /// <summary><see cref="ScaleText.Likert"/> or <see cref="ScaleText.Options"/>.</summary>
    public string? Scale { get; set; } = global::ParIndex.Application.Surveys.ScaleText.Likert;

    public string? ScaleText { get; set; }
}
