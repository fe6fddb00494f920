using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Surveys;

/// <summary>The human-readable output of <c>survey validate</c> and <c>survey score</c>.</summary>
internal static class SurveyTextWriter
{
    public static void Write(SurveyInput input, SurveyValidationReport report, SurveyScoreResult? scores, TextWriter w)
    {
        w.WriteLine($"Tệp {input.Path} — phiếu {input.Questionnaire.Id} ({input.Questionnaire.RespondentGroupLabel ?? input.Questionnaire.RespondentGroup})");
        if (!report.IsValid)
        {
            w.WriteLine($"KHÔNG HỢP LỆ: {report.TotalProblems} lỗi; tệp sẽ không được nhập dòng nào.");
            foreach (var problem in report.Problems)
            {
                w.WriteLine($"  {problem}");
            }

            if (report.TotalProblems > report.Problems.Count)
            {
                w.WriteLine($"  … và {report.TotalProblems - report.Problems.Count} lỗi khác (chỉ hiện {report.Problems.Count} lỗi đầu).");
            }

            return;
        }

        w.WriteLine($"Hợp lệ: {report.DataRows} dòng dữ liệu, {report.Respondents} người trả lời, {report.Answers} câu trả lời.");
        if (report.UnmatchedQuestions.Count > 0)
        {
            w.WriteLine($"Lưu ý: không có dữ liệu cho câu {string.Join(", ", report.UnmatchedQuestions)}.");
        }

        foreach (var quota in input.Progress(report))
        {
            var state = quota.Met ? "đủ mẫu" : $"còn thiếu {quota.Remaining}";
            w.WriteLine($"Tiến độ mẫu {quota.UnitCode} ({quota.RespondentGroup}): {quota.Collected}/{quota.Required} ({VietnameseNumbers.FormatPercent(quota.Percent)}) — {state}");
        }

        if (scores is null)
        {
            foreach (var (unit, count) in report.RespondentsPerUnit.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteLine($"  {unit}: {count} người trả lời");
            }

            return;
        }

        // Grouped once: looking each unit up in the whole result would be units × scores.
        var byUnit = new SurveyScoresByUnit(scores);
        foreach (var unit in report.RespondentsPerUnit.Keys.Order(StringComparer.Ordinal))
        {
            w.WriteLine();
            w.WriteLine($"Đơn vị {unit} — {report.RespondentsPerUnit[unit]} người trả lời — điểm điều tra {VietnameseNumbers.FormatPoints(byUnit.TotalPoints(unit))}");
            foreach (var leaf in byUnit.Leaves(unit))
            {
                w.WriteLine($"  {leaf.LeafCode,-8} {VietnameseNumbers.FormatPoints(leaf.Points),7} / {VietnameseNumbers.FormatPoints(leaf.Max),-4} {leaf.Memo.Text}");
            }

            var sipas = byUnit.Sipas(unit);
            if (sipas.Count > 0)
            {
                w.WriteLine($"  SIPAS (tỷ lệ hài lòng mức 4–5): chung {SurveyCommand.Percent(byUnit.OverallSipas(unit))}");
                foreach (var component in sipas)
                {
                    w.WriteLine($"    {component.Component,-10} {SurveyCommand.Percent(component.Share),8}  ({component.SatisfiedAnswers}/{component.ValidAnswers} câu trả lời hợp lệ)");
                }
            }
        }
    }
}
