using System.Collections;
using System.Globalization;
using ParIndex.Cli.Surveys;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Tests.Surveys;

/// <summary>
/// The survey report's work grows with the number of scores, not with units × scores: the writers
/// read a result whose lists count every element handed out, over 2,000 units.
/// </summary>
public sealed class SurveyReportWorkTests
{
    private const int Units = 2_000;
    private static readonly string[] Leaves = BuiltInFrameworks.Province2023.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToArray();
    private static readonly string[] Components = Leaves.Take(5).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_report_reads_each_score_a_few_times_whatever_the_number_of_units(bool json)
    {
        var (result, leaves, sipas) = Result();
        var units = Enumerable.Range(1, Units).ToDictionary(Unit, _ => 20, StringComparer.Ordinal);
        var report = new SurveyValidationReport([], 0, Units * 20, Units * 20, Units * 20L * Leaves.Length, units, []);
        var questionnaire = DemoSurvey.Questionnaire(BuiltInFrameworks.Province2023);
        var input = new SurveyInput("khao-sat.csv", ResponseFile.FromBytes("khao-sat.csv", []), questionnaire, BuiltInFrameworks.Province2023, new SurveyColumnMapping(), json, []);
        using var output = new StringWriter();

        if (json)
        {
            SurveyJsonWriter.Write(input, report, result, output);
        }
        else
        {
            SurveyTextWriter.Write(input, report, result, output);
        }

        var scores = leaves.Count + sipas.Count;
        // Linear: a handful of passes. Looking each unit up in the whole result would read Units × scores (≈ 130 million).
        Assert.InRange(leaves.Read + sipas.Read, scores, 4L * scores);
        // And it is the report: the last unit with its total (1 point per leaf).
        var total = Leaves.Length.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(json ? $"\"unit\": \"{Unit(Units)}\",\n      \"surveyPoints\": {total}" : $"Đơn vị {Unit(Units)} — 20 người trả lời — điểm điều tra {total}",
            output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string Unit(int i) => "DV" + i.ToString("D5", CultureInfo.InvariantCulture);

    private static (SurveyScoreResult Result, CountingList<SurveyLeafScore> Leaves, CountingList<SipasScore> Sipas) Result()
    {
        var leaves = new List<SurveyLeafScore>();
        var sipas = new List<SipasScore>();
        for (var i = 1; i <= Units; i++)
        {
            foreach (var leaf in Leaves)
            {
                var memo = new CalculationMemo("survey", [new MemoFigure("n", "Số câu trả lời hợp lệ", 20)], "1 × 20 / 20", null, 1m, []);
                leaves.Add(new SurveyLeafScore(Unit(i), leaf, 1m, 20, 0, 1m, 1m, memo));
            }

            sipas.AddRange(Components.Select(c => new SipasScore(Unit(i), c, 20, 15, 0.75m)));
        }

        var countedLeaves = new CountingList<SurveyLeafScore>(leaves);
        var countedSipas = new CountingList<SipasScore>(sipas);
        return (new SurveyScoreResult(countedLeaves, countedSipas), countedLeaves, countedSipas);
    }

    /// <summary>A read-only list that counts the elements it hands out (by index or by enumeration).</summary>
    private sealed class CountingList<T>(List<T> items) : IReadOnlyList<T>
    {
        public long Read { get; private set; }

        public int Count => items.Count;

        public T this[int index]
        {
            get
            {
                Read++;
                return items[index];
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in items)
            {
                Read++;
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
